// A power cut mid-write: a child process registers people, builds households and takes
// contributions with receipts in a tight loop and is killed with SIGKILL at random moments. After
// each kill the store must hold every row with its outbox and audit entries, no entry without its
// row, every person findable by name (indexed or queued for the index), a verifying audit chain,
// an outbox without gaps and receipt numbers without gaps (none reused, voided ones kept); then
// the next round writes on top of what survived.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/main/core/db/audit-verification';
import { indexQueuedNames } from '../../src/main/core/db/name-index';
import { openDatabase } from '../../src/main/core/db/open-database';
import { tempDir } from './fixtures/office-fixture';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const writeLoop = join(repoRoot, 'tests', 'integration', 'fixtures', 'write-loop.ts');
const temp = tempDir('field-office-crash-');
afterAll(() => temp.remove());

const ROUNDS = 5;
const BUDGET_MS = 35_000;

/** Starts the writer (tsx as an in-process loader, so SIGKILL hits the process that writes). */
function startWriter(round: number): { child: ChildProcess; ready: Promise<void>; exited: Promise<number | null>; stderr: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', writeLoop, temp.dir, String(round)], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => (err += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => String(d).includes('ready') && resolve());
    void exited.then((code) => reject(new Error(`writer exited with ${code} before it was ready: ${err}`)));
  });
  return { child, ready, exited, stderr: () => err };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function checkStore(): Promise<{ participants: number; households: number; outbox: number; receipts: number }> {
  const database = await openDatabase(join(temp.dir, 'field-office.sqlite'));
  try {
    const s = database.sqlite;
    const all = (q: string) => s.prepare(q).all();
    const one = (q: string) => s.prepare(q).pluck().get();
    expect(one('PRAGMA integrity_check')).toBe('ok');

    // Every row has its outbox entry and its audit entry, of the kind that created it.
    expect(all(`SELECT id FROM participants p WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.entity_id = p.id AND o.kind = 'participant.register')`)).toEqual(
      [],
    );
    expect(
      all(`SELECT id FROM participants p WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity_id = p.id AND a.action = 'participant.register')`),
    ).toEqual([]);
    expect(all(`SELECT id FROM households h WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.entity_id = h.id AND o.kind = 'household.create')`)).toEqual([]);
    expect(all(`SELECT id FROM households h WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity_id = h.id AND a.action = 'household.create')`)).toEqual(
      [],
    );
    // Members written by a household change agree with the last member list sent for it.
    const households = all(`SELECT id FROM households`) as { id: string }[];
    for (const { id } of households) {
      const last = one(`SELECT payload FROM outbox WHERE entity_id = '${id}' ORDER BY seq DESC LIMIT 1`) as string;
      const members = s.prepare(`SELECT participant_id FROM household_members WHERE household_id = ? ORDER BY position`).pluck().all(id);
      expect(JSON.parse(last).memberIds).toEqual(members);
    }

    // Every person is findable by name: in the name index under their current name, or queued for
    // it (searches match the queue directly). Caught up, as the store does when it opens, the index
    // agrees with the people exactly.
    const people = s
      .prepare(`SELECT rowid, name_folded AS name FROM participants WHERE rowid NOT IN (SELECT participant_rowid FROM name_index_queue)`)
      .all() as { rowid: number; name: string }[];
    const byName = s.prepare(`SELECT rowid FROM participants_fts WHERE participants_fts MATCH ?`).pluck();
    expect(people.filter((p) => !byName.all(`"${p.name}"`).includes(p.rowid))).toEqual([]);
    while (indexQueuedNames(s) > 0);
    expect(() => s.prepare(`INSERT INTO participants_fts (participants_fts, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow();

    // No outbox or audit entry without its row.
    expect(all(`SELECT seq FROM outbox o WHERE o.kind LIKE 'participant.%' AND NOT EXISTS (SELECT 1 FROM participants p WHERE p.id = o.entity_id)`)).toEqual(
      [],
    );
    expect(all(`SELECT seq FROM outbox o WHERE o.kind LIKE 'household.%' AND NOT EXISTS (SELECT 1 FROM households h WHERE h.id = o.entity_id)`)).toEqual([]);
    expect(all(`SELECT seq FROM audit_log a WHERE a.entity = 'participant' AND NOT EXISTS (SELECT 1 FROM participants p WHERE p.id = a.entity_id)`)).toEqual(
      [],
    );
    expect(all(`SELECT seq FROM audit_log a WHERE a.entity = 'household' AND NOT EXISTS (SELECT 1 FROM households h WHERE h.id = a.entity_id)`)).toEqual([]);
    // One outbox entry per audited mutation, and the other way round.
    expect(one(`SELECT count(*) FROM outbox`)).toBe(one(`SELECT count(*) FROM audit_log WHERE action IN (SELECT kind FROM outbox)`));

    // Every contribution has its receipt and the other way round; each has its outbox entry.
    expect(all(`SELECT id FROM contributions c WHERE NOT EXISTS (SELECT 1 FROM receipts r WHERE r.contribution_id = c.id)`)).toEqual([]);
    expect(all(`SELECT id FROM contributions c WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.entity_id = c.id AND o.kind = 'contribution.record')`)).toEqual(
      [],
    );
    expect(
      all(`SELECT seq FROM outbox o WHERE o.kind = 'contribution.record' AND NOT EXISTS (SELECT 1 FROM contributions c WHERE c.id = o.entity_id)`),
    ).toEqual([]);
    // Receipt numbers run 1..n in each series across every kill: no gap, none reused.
    for (const series of all(`SELECT series, min(number) AS min, max(number) AS max, count(*) AS n FROM receipts GROUP BY series`) as {
      series: string;
      min: number;
      max: number;
      n: number;
    }[]) {
      expect(series).toEqual({ series: series.series, min: 1, max: series.n, n: series.n });
    }

    // The audit chain verifies and the outbox sequence has no gaps.
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, firstBrokenSeq: null });
    const outbox = s.prepare(`SELECT min(seq) AS min, max(seq) AS max, count(*) AS n FROM outbox`).get() as { min: number; max: number; n: number };
    if (outbox.n > 0) expect(outbox).toEqual({ min: 1, max: outbox.n, n: outbox.n });

    return {
      participants: one(`SELECT count(*) FROM participants`) as number,
      households: households.length,
      outbox: outbox.n,
      receipts: one(`SELECT count(*) FROM receipts`) as number,
    };
  } finally {
    await database.close();
  }
}

describe('crash consistency', () => {
  it('keeps every row with its outbox and audit entries across repeated SIGKILLs mid-write', { timeout: 60_000 }, async () => {
    const started = Date.now();
    const seen: { participants: number; households: number; outbox: number; receipts: number }[] = [];
    for (let round = 1; round <= ROUNDS && (round <= 3 || Date.now() - started < BUDGET_MS - 6_000); round++) {
      const writer = startWriter(round);
      await writer.ready;
      // Die anywhere from the first transaction to a few hundred commits in.
      await sleep(Math.floor(Math.random() * 700));
      const stillRunning = writer.child.exitCode === null;
      writer.child.kill('SIGKILL');
      await writer.exited;
      expect({ round, stillRunning, stderr: writer.stderr() }).toEqual({ round, stillRunning: true, stderr: '' });
      const counts = await checkStore();
      if (seen.length > 0) expect(counts.participants).toBeGreaterThanOrEqual(seen.at(-1)!.participants);
      seen.push(counts);
    }
    expect(seen.length).toBeGreaterThanOrEqual(3);
    // The rounds did write: the kills landed in a loop that was making progress.
    expect(seen.at(-1)!.participants).toBeGreaterThan(seen.length);
    expect(seen.at(-1)!.households).toBeGreaterThan(0);
    expect(seen.at(-1)!.receipts).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(45_000);
  });
});
