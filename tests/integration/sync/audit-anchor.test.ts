// The audit trail anchored at the central (ADR 0028), through real offices and a real central: the
// entries go up with the batches and the central holds the same chain; the two attacks the chain
// alone missed — an entry edited with every hash after it recomputed, the last 25 entries deleted —
// are caught by audit.verify against the central's signed head, and by the start-up check; the
// supervisor's alert stays until settled, closing the day is refused meanwhile; the central refuses
// entries that do not continue what it holds, keeping the evidence.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openKeyedDatabase } from '../../../src/main/core/db/store-cipher';
import { PlainStoreKey } from '../../../src/main/core/db/store-key';
import { createOfficeCore, DATABASE_FILE, PLAIN_STORE_KEY_FILE } from '../../../src/main/core/office-core';
import { centralBackends } from '../fixtures/test-postgres';
import { auditAnchorWorld, reopenOffice, rewriteFrom, work } from './audit-fixture';
import { type Office, resourcesDir } from './central-fixture';

const count = (office: Office) => office.core.database.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;

describe.each(centralBackends())('the audit trail anchored at the central on %s', (backend) => {
  const world = auditAnchorWorld(backend, 'AUD', 30);

  it('sends every entry with the batches; the central holds the same chain and acknowledges its head', async () => {
    const { central, office, deviceId } = world;
    const local = office.core.database.sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq').all() as { seq: number; hash: string }[];
    const held = await central.database.db.selectFrom('auditEntries').select(['seq', 'hash']).where('deviceId', '=', deviceId).orderBy('seq').execute();
    expect(held.map((r) => ({ seq: Number(r.seq), hash: r.hash }))).toEqual(local);
    const device = await central.database.db.selectFrom('devices').select(['auditSeq', 'auditHash']).where('id', '=', deviceId).executeTakeFirstOrThrow();
    expect(Number(device.auditSeq)).toBe(local.at(-1)!.seq);
    expect(await office.call('audit.verify', {})).toMatchObject({ ok: true, entries: local.length, anchor: { seq: local.at(-1)!.seq } });
    // Another push with nothing new sends nothing more.
    expect(await office.call('sync.pushNow', {})).toMatchObject({ batches: 0 });
  });

  it('catches entry 20 edited with every hash after it recomputed, refuses to close the day until settled', async () => {
    const { central, office } = world;
    rewriteFrom(office.core.database.sqlite, 20);
    const result = await office.call<{ ok: boolean; firstBrokenSeq: number; problem: string; problemEn: string }>('audit.verify', {});
    expect(result).toMatchObject({ ok: false });
    expect(result.problemEn).toMatch(/rewritten after the central acknowledged/);
    expect(result.problem).toMatch(/viết lại/);
    expect(await office.call('audit.status', {})).toMatchObject({ openBreaks: [{ seq: result.firstBrokenSeq }] });
    const close = office.call('dayEnd.close', { businessDate: new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10), counts: [] });
    await expect(close).rejects.toThrow(/không thể khóa sổ/);

    // The rewritten entries that go up next do not continue what the central holds: refused, kept as evidence.
    await work(office, 1, 40);
    await office.call('sync.pushNow', {});
    // The first head refused names the rewrite; the central's head stays where it was, so every
    // later section (the push's own entries after it) is refused too.
    const heads = await central.database.db
      .selectFrom('auditHeads')
      .select(['problem', 'heldSeq'])
      .where('problem', 'is not', null)
      .orderBy('batchNo')
      .execute();
    expect(heads[0]!.problem).toMatch(/does not chain|differs/);
    expect(new Set(heads.map((h) => Number(h.heldSeq))).size).toBe(1);

    await office.call('audit.settle', { note: 'Đã báo trung tâm, máy bị sửa dữ liệu ngày 5; đã lập biên bản.' });
    expect(await office.call('audit.status', {})).toMatchObject({ openBreaks: [] });
    await expect(
      office.call('dayEnd.close', { businessDate: new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10), counts: [] }),
    ).resolves.toBeDefined();
  });

  it('catches the last 25 entries deleted, also at the next start-up without anyone asking', async () => {
    const { office } = world;
    const total = count(office);
    office.core.database.sqlite.prepare('DELETE FROM audit_log WHERE seq > ?').run(total - 25);
    const result = await office.call<{ ok: boolean; problemEn: string }>('audit.verify', {});
    expect(result.ok).toBe(false);
    expect(result.problemEn).toBe(`entries ${total - 24} to ${total} are missing: the central acknowledged the chain up to ${total}`);

    // The same on a restart, found by the start-up check: the alert is there before any verify.
    office.core.database.sqlite.prepare('DELETE FROM audit_breaks').run();
    await office.core.close();
    const reopened = await reopenOffice(office);
    world.office = reopened.office;
    const status = await reopened.office.core.invoke('audit.status', {}, reopened.token);
    expect(status).toMatchObject({ ok: true, value: { openBreaks: [{ seq: total }] } });
  });

  it('catches at start-up an entry rewritten behind the core’s back (every hash after it recomputed) after the last check', async () => {
    const { office } = world;
    const dataDir = office.dataDir;
    await office.core.close();
    // A start passes and moves the checkpoint to the end.
    const core = await createOfficeCore({ dataDir, resourcesDir, syncIntervalMs: 0 });
    await core.close();
    const raw = openKeyedDatabase(join(dataDir, DATABASE_FILE), new PlainStoreKey(join(dataDir, PLAIN_STORE_KEY_FILE)).load());
    // Entry 10 edited and the chain recomputed to its end: it walks clean, but the entry the last
    // check ended at no longer has the hash it had.
    rewriteFrom(raw, 10);
    raw.close();
    const reopened = await reopenOffice(office);
    world.office = reopened.office;
    const status = (await reopened.office.core.invoke('audit.status', {}, reopened.token)) as {
      ok: true;
      value: { openBreaks: { seq: number; problemEn: string }[] };
    };
    expect(status.value.openBreaks).toHaveLength(1);
    expect(status.value.openBreaks[0]!.problemEn).toMatch(/checked at the previous start|rewritten|altered/);
  });
});
