// Shared by the audit-anchor tests: an attacker's rewrite of an office's audit log (every hash
// after the edited entry recomputed), and some work that writes audit entries.
import { auditEntryHash } from '../../../src/main/core/db/mutation-log';
import { type Office, person } from './central-fixture';

type Row = {
  seq: number;
  at: string;
  staff_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
};

/** Edits entry `seq`'s details and recomputes its hash and every hash after it, as an attacker with the file would. */
export function rewriteFrom(sqlite: Office['core']['database']['sqlite'], seq: number): void {
  const rows = sqlite.prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq').all(seq) as Row[];
  let prevHash = rows[0]!.prev_hash;
  const update = sqlite.prepare('UPDATE audit_log SET details = ?, prev_hash = ?, hash = ? WHERE seq = ?');
  for (const row of rows) {
    const details = row.seq === seq ? row.details.replace(/"[^"]*"/, '"sửa lén"') : row.details;
    const hash = auditEntryHash(prevHash, {
      seq: row.seq,
      at: row.at,
      staffId: row.staff_id,
      action: row.action,
      entity: row.entity,
      entityId: row.entity_id,
      details,
    });
    update.run(details, prevHash, hash, row.seq);
    prevHash = hash;
  }
}

export async function work(office: Office, people: number, offset = 0): Promise<void> {
  for (let i = 0; i < people; i++) {
    const n = offset + i;
    const year = 1950 + (n % 40);
    const dateOfBirth = `${year}-${String(1 + (Math.floor(n / 40) % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
    await office.call(
      'participants.register',
      person(`Nguyễn Văn Kiểm`, dateOfBirth, 'male', `0010${String(year % 100).padStart(2, '0')}${String(n).padStart(6, '0')}`),
    );
  }
}
