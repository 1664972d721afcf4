// The visit list's facts are committed without waiting for the disk (ADR 0039): they are derived,
// and the marks that name what to make again are written by the clerk's own transaction (the
// triggers), so a facts commit lost on a power cut leaves the marks behind and the next list makes
// the facts again. Shown here on a real store: the state a lost commit leaves (the mark kept, the
// person's facts gone or old) lists right; a clerk's write rolled back leaves no mark; and the
// store is back to synchronous = FULL (money) after every such commit, even one that failed.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { commitWithoutWaitingForDisk } from '../../../src/main/core/db/relaxed-commit';
import { call, type Office } from '../fixtures/office-fixture';
import { type Commune, COMMUNE, useSeededCommuneEachTest } from './field-kit';

let office: Office;
let c: Commune;
useSeededCommuneEachTest((o, commune) => {
  office = o;
  c = commune;
});

const list = () => call(office.core, 'field.visitList', { communeCodes: [COMMUNE] }, office.tokens.supervisor);
const marks = () => office.core.database.sqlite.prepare('SELECT kind, key FROM visit_dirty ORDER BY kind, key').all();
const factsOf = (id: string) => office.core.database.sqlite.prepare('SELECT count(*) FROM visit_facts WHERE participant_id = ?').pluck().get(id);
const synchronous = () => office.core.database.sqlite.pragma('synchronous', { simple: true });

describe('the visit list’s facts, committed without waiting for the disk', () => {
  it('are made again from the clerk’s durable mark when their commit was lost', async () => {
    await list();
    expect(factsOf(c.overdue.id)).toBe(1);
    await call(office.core, 'field.recordVisit', { participantId: c.overdue.id, outcome: 'promised', promisedOn: '2026-03-05' }, office.tokens.supervisor);
    // The mark is in the store with the visit (its own transaction), before any list takes it in.
    expect(marks()).toEqual([{ kind: 'p', key: c.overdue.id }]);
    // A power cut lost the facts' commit (or a first making of them): the person's facts are gone, the mark stays.
    office.core.database.sqlite.prepare('DELETE FROM visit_facts WHERE participant_id = ?').run(c.overdue.id);
    const after = await list();
    expect(after.items.find((i) => i.participantId === c.overdue.id)?.lastVisit).toMatchObject({ outcome: 'promised', promisedOn: '2026-03-05' });
    expect(factsOf(c.overdue.id)).toBe(1);
    expect(marks()).toEqual([]);
    expect(synchronous()).toBe(2);
  });

  it('lose no mark of a clerk’s write, and leave none for a write rolled back', async () => {
    await list();
    const sqlite = office.core.database.sqlite;
    expect(() =>
      sqlite.transaction(() => {
        sqlite.prepare(`UPDATE participants SET full_name = 'Lê Thị Bỏ' WHERE id = ?`).run(c.overdue.id);
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(marks()).toEqual([]);
    expect((await list()).items.find((i) => i.participantId === c.overdue.id)?.fullName).toBe('Lê Thị Quá');
  });

  it('run with synchronous = NORMAL and leave the store at FULL, even when the work fails', async () => {
    await list();
    const db = office.core.context.db;
    expect(synchronous()).toBe(2);
    const seen = await commitWithoutWaitingForDisk(
      db,
      async (trx) => (await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(trx)).rows[0]!.synchronous,
    );
    expect(seen).toBe(1);
    expect(synchronous()).toBe(2);
    await expect(
      commitWithoutWaitingForDisk(db, async (trx) => {
        await sql`DELETE FROM visit_facts`.execute(trx);
        throw new Error('failed');
      }),
    ).rejects.toThrow('failed');
    expect(synchronous()).toBe(2);
    // The failed work was rolled back.
    expect(factsOf(c.overdue.id)).toBe(1);
  });
});
