// Walks the audit chain from the start and recomputes every hash: an edited, deleted or inserted
// entry breaks the chain at that entry.
import type { Kysely } from 'kysely';
import { auditEntryHash, GENESIS_HASH } from './mutation-log';
import type { Database } from './schema';

export interface AuditVerification {
  ok: boolean;
  entries: number;
  firstBrokenSeq: number | null;
  problem: string | null;
}

export async function verifyAuditChain(db: Kysely<Database>, pageSize = 5000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  for (;;) {
    const rows = await db.selectFrom('auditLog').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(pageSize).execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        return { ok: false, entries, firstBrokenSeq: expectedSeq, problem: `entry ${expectedSeq} is missing` };
      }
      if (row.prevHash !== prevHash) {
        return { ok: false, entries, firstBrokenSeq: row.seq, problem: `entry ${row.seq} does not chain to the entry before it` };
      }
      const hash = auditEntryHash(prevHash, row);
      if (hash !== row.hash) {
        return { ok: false, entries, firstBrokenSeq: row.seq, problem: `entry ${row.seq} was altered after it was written` };
      }
      prevHash = row.hash;
      expectedSeq += 1;
      entries += 1;
    }
  }
  return { ok: true, entries, firstBrokenSeq: null, problem: null };
}
