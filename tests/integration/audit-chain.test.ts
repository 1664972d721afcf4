// The hash-chained audit log: it verifies on real history written through the services, and any
// edit, deletion or forged insertion made behind the core's back is found at the entry it broke.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEntryHash } from '../../src/main/core/db/mutation-log';
import { call, failure, type Office, openOffice, personInput } from './fixtures/office-fixture';

let office: Office;

beforeEach(async () => {
  office = await openOffice();
  const { core, tokens } = office;
  const people = [];
  for (let i = 0; i < 6; i++) people.push(await call(core, 'participants.register', personInput(), tokens.counter));
  const household = await call(core, 'households.create', { headParticipantId: people[0]!.id }, tokens.field);
  await call(core, 'households.addMember', { householdId: household.id, participantId: people[1]!.id }, tokens.field);
  await call(core, 'participants.update', { id: people[2]!.id, expectedVersion: 1, addressLine: 'Xóm Chùa, số 9' }, tokens.counter);
  await failure(core, 'auth.login', { username: 'counter', password: 'wrong-password!' });
});
afterEach(() => office.close());

const verify = () => call(office.core, 'audit.verify', {}, office.tokens.supervisor);
const raw = () => office.core.database.sqlite;
const entryCount = () => raw().prepare('SELECT count(*) FROM audit_log').pluck().get() as number;

describe('audit chain', () => {
  it('verifies the real history written by setup, staff, sign-in, registration and households', async () => {
    const result = await verify();
    expect(result).toEqual({ ok: true, entries: entryCount(), firstBrokenSeq: null, problem: null, problemEn: null, anchor: null });
    expect(result.entries).toBeGreaterThanOrEqual(14);
    const actions = raw().prepare('SELECT DISTINCT action FROM audit_log').pluck().all();
    expect(actions).toEqual(
      expect.arrayContaining([
        'office.setup',
        'staff.create',
        'auth.login',
        'auth.failed',
        'participant.register',
        'participant.update',
        'household.create',
        'household.setMembers',
      ]),
    );
  });

  it('finds an entry whose details were edited with raw SQL, at that entry', async () => {
    const seq = raw().prepare(`SELECT seq FROM audit_log WHERE action = 'participant.register' ORDER BY seq LIMIT 1 OFFSET 2`).pluck().get() as number;
    raw().prepare(`UPDATE audit_log SET details = replace(details, 'Thôn Đông', 'Thôn Tây') WHERE seq = ?`).run(seq);
    expect(raw().prepare('SELECT details FROM audit_log WHERE seq = ?').pluck().get(seq)).toContain('Thôn Tây');
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.firstBrokenSeq).toBe(seq);
    expect(result.problemEn).toMatch(/altered/);
    expect(result.problem).toMatch(/bị sửa/);
  });

  it('finds an edit that also recomputes that entry hash, at the next entry', async () => {
    const row = raw().prepare(`SELECT * FROM audit_log WHERE action = 'participant.update'`).get() as Record<string, any>;
    const details = String(row.details).replace('Xóm Chùa', 'Xóm Bãi');
    const hash = auditEntryHash(row.prev_hash, {
      seq: row.seq,
      at: row.at,
      staffId: row.staff_id,
      action: row.action,
      entity: row.entity,
      entityId: row.entity_id,
      details,
    });
    raw().prepare('UPDATE audit_log SET details = ?, hash = ? WHERE seq = ?').run(details, hash, row.seq);
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.firstBrokenSeq).toBe(row.seq + 1);
  });

  it('finds a deleted entry at the sequence number that went missing', async () => {
    const seq = Math.floor(entryCount() / 2);
    raw().prepare('DELETE FROM audit_log WHERE seq = ?').run(seq);
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.firstBrokenSeq).toBe(seq);
    expect(result.problemEn).toMatch(/missing/);
  });

  it('finds a forged row inserted into the middle of the chain', async () => {
    const seq = Math.floor(entryCount() / 2);
    const victim = raw().prepare('SELECT * FROM audit_log WHERE seq = ?').get(seq) as Record<string, any>;
    raw().prepare('UPDATE audit_log SET seq = seq + 1000 WHERE seq >= ?').run(seq);
    raw()
      .prepare('UPDATE audit_log SET seq = seq - 999 WHERE seq >= ?')
      .run(seq + 1000);
    const forged = { seq, at: victim.at, staffId: victim.staff_id, action: 'participant.register', entity: 'participant', entityId: 'forged', details: '{}' };
    raw()
      .prepare('INSERT INTO audit_log (seq, at, staff_id, action, entity, entity_id, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(
        seq,
        forged.at,
        forged.staffId,
        forged.action,
        forged.entity,
        forged.entityId,
        forged.details,
        victim.prev_hash,
        auditEntryHash(victim.prev_hash, forged),
      );
    const result = await verify();
    expect(result.ok).toBe(false);
    // The forgery chains to its predecessor, so the break shows at the genuine entry after it.
    expect(result.firstBrokenSeq).toBe(seq + 1);
  });

  it('finds a forged row appended at the end with a made-up hash', async () => {
    const last = raw().prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
    raw()
      .prepare(
        `INSERT INTO audit_log (seq, at, staff_id, action, entity, entity_id, details, prev_hash, hash) VALUES (?, '2026-03-02T03:00:00.000Z', NULL, 'participant.register', 'participant', 'forged', '{}', ?, ?)`,
      )
      .run(last.seq + 1, last.hash, 'f'.repeat(64));
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.firstBrokenSeq).toBe(last.seq + 1);
  });
});
