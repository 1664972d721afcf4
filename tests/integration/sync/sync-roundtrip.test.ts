// Office ↔ central through the real HTTP API: every operation gets exactly one result, official
// numbers come back, a person registered at two offices becomes one canonical person with both
// contributions kept (the months paid twice flagged), and another office's registrations arrive by pull.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishReferenceSchedule } from '../../../src/central/admin';
import { centralBackends } from '../fixtures/test-postgres';
import { type Office, person, resourcesDir, startOffice, twoOffices } from './central-fixture';

async function collect(office: Office, participantId: string) {
  await office.call('enrollments.set', { participantId, scheme: 'VSI', method: 'quarterly', incomeBasis: 1_500_000, fromMonth: '2026-10' });
  const quote = await office.call<{ total: number }>('contributions.quote', { participantId, scheme: 'VSI', fromMonth: '2026-10', months: 3 });
  return office.call<{ receipt: { id: string } }>('contributions.record', {
    participantId,
    scheme: 'VSI',
    fromMonth: '2026-10',
    months: 3,
    expectedTotal: quote.total,
  });
}

describe.each(centralBackends())('office sync with the central service on %s', (backend) => {
  const world = twoOffices(backend);

  it('pushes registrations and contributions, and stores the official numbers', async () => {
    const p = await world.a.call<{ id: string }>('participants.register', person('Nguyễn Văn An', '1990-05-02', 'male', '001090123456'));
    await collect(world.a, p.id);
    const summary = await world.a.call<{ applied: number; rejected: number; batches: number }>('sync.pushNow', {});
    expect(summary).toMatchObject({ applied: 3, rejected: 0, batches: 1 });
    const after = await world.a.call<{ officialNumber: string | null }>('participants.get', { id: p.id });
    expect(after.officialNumber).toMatch(/^01\d{8}$/);
    const status = await world.a.call<{ pendingOps: number; lastSuccessAt: string | null }>('sync.status', {});
    expect(status.pendingOps).toBe(0);
    expect(status.lastSuccessAt).not.toBeNull();
    const rows = await world.central.database.db.selectFrom('contributions').select('total').execute();
    expect(rows.map((r) => Number(r.total))).toEqual([792_000]);
  });

  it('links the second office registration of the same person to the canonical one and keeps both contributions, the second flagged as months paid twice', async () => {
    const local = await world.b.call<{ id: string }>('participants.register', person('Nguyễn Văn An', '1990-05-02', 'male', '001090123456'));
    await collect(world.b, local.id);
    const summary = await world.b.call<{ applied: number; duplicates: number; rejected: number }>('sync.pushNow', {});
    expect(summary.duplicates).toBe(1);
    expect(summary.rejected).toBe(0);
    const linked = await world.b.call<{ canonicalId: string | null; officialNumber: string | null }>('participants.get', { id: local.id });
    expect(linked.canonicalId).not.toBeNull();
    expect(linked.officialNumber).toMatch(/^01\d{8}$/);
    const issues = await world.b.call<{ items: { class: string; state: string }[] }>('sync.issues', { state: 'all' });
    // Both offices took October to December: B's payment is kept and flagged for a refund.
    expect(issues.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ class: 'DUPLICATE', state: 'resolved' }),
        expect.objectContaining({ class: 'MONTHS_ALREADY_PAID', state: 'open' }),
      ]),
    );
    expect(issues.items).toHaveLength(2);
    const persons = await world.central.database.db.selectFrom('persons').select('id').execute();
    expect(persons).toHaveLength(1);
    const contributions = await world.central.database.db.selectFrom('contributions').select(['personId']).execute();
    expect(contributions).toHaveLength(2);
    expect(new Set(contributions.map((c) => c.personId))).toEqual(new Set([persons[0]!.id]));
  });

  it('pulls people of its province registered at another office', async () => {
    const other = await world.b.call<{ id: string }>('participants.register', person('Trần Thị Bình', '1991-02-02', 'female', '001191000002'));
    await world.b.call('sync.pushNow', {});
    const pulled = await world.a.call<{ pulled: number }>('sync.pushNow', {});
    expect(pulled.pulled).toBeGreaterThanOrEqual(1);
    const found = await world.a.call<{ items: { id: string }[] }>('participants.search', { query: 'tran thi binh' });
    expect(found.items.map((i) => i.id)).toContain(other.id);
  });

  it('receives a contribution-rate schedule published at the central and quotes with it', async () => {
    const shipped = JSON.parse(readFileSync(join(resourcesDir, 'reference', 'contribution-rates.json'), 'utf8'));
    await publishReferenceSchedule(world.central.database.db, { ...shipped, version: '2099-01-01.1' });
    await world.a.call('sync.pushNow', {});
    const versions = await world.a.core.context.db.selectFrom('referenceSchedules').select('version').orderBy('version').execute();
    expect(versions.map((v) => v.version)).toEqual([shipped.version, '2099-01-01.1']);
    const p = await world.a.call<{ id: string }>('participants.register', person('Mạc Thị Hạnh', '1988-08-08', 'female', '001188000008'));
    await world.a.call('enrollments.set', { participantId: p.id, scheme: 'VSI', method: 'monthly', incomeBasis: 1_500_000, fromMonth: '2026-11' });
    const quote = await world.a.call<{ referenceVersion: string }>('contributions.quote', {
      participantId: p.id,
      scheme: 'VSI',
      fromMonth: '2026-11',
      months: 1,
    });
    expect(quote.referenceVersion).toBe('2099-01-01.1');
    expect(await world.a.call<{ rejected: number }>('sync.pushNow', {})).toMatchObject({ rejected: 0 });
  });

  it('sends a recorded batch again after a lost reply and the central applies it once', async () => {
    await world.a.call('participants.register', person('Lê Văn Cường', '1992-03-03', 'male', '001092000003'));
    // Record the batch as the engine would, then "lose" it: the central never answered us.
    const db = world.a.core.context.db;
    const state = await db.selectFrom('syncState').select('centralDeviceId').executeTakeFirstOrThrow();
    const { recordNextBatch } = await import('../../../src/main/core/sync/batch-builder');
    const batch = await recordNextBatch(db, state.centralDeviceId!, new Date().toISOString(), world.a.core.context.sync!.keyStore.load());
    expect(batch).toBeDefined();
    const transport = world.a.core.context.makeTransport!(world.central.url, state.centralDeviceId);
    const first = await transport.pushBatch(batch!.body);
    const summary = await world.a.call<{ applied: number; batches: number }>('sync.pushNow', {});
    expect(summary.batches).toBe(1);
    expect(summary.applied).toBe(1);
    const results = await db.selectFrom('syncResults').selectAll().where('batchNo', '=', batch!.batchNo).execute();
    expect(results).toHaveLength(1);
    expect(JSON.parse(results[0]!.result)).toEqual(first.results[0]);
    const persons = await world.central.database.db.selectFrom('persons').select('id').where('personalId', '=', '001092000003').execute();
    expect(persons).toHaveLength(1);
  });

  it('counts what the central answered today, whichever run sent it, and starts again at midnight (UTC+7)', async () => {
    let offsetMs = 0;
    const c = await startOffice(world.central, 'OFFT', { clock: { now: () => new Date(Date.now() + offsetMs) } });
    try {
      const none = { batches: 0, applied: 0, duplicates: 0, rejected: 0, held: 0, lastAt: null };
      expect((await c.call<{ today: unknown }>('sync.status', {})).today).toEqual(none);
      await c.call('participants.register', person('Lò Văn Páo', '1985-07-09', 'male', '001085000777'));
      await c.call('participants.register', person('Lò Thị Súa', '1986-01-20', 'female', '001186000778'));
      const sentAt = new Date().toISOString();
      expect(await c.call('sync.pushNow', {})).toMatchObject({ batches: 1, applied: 2 });
      // A second "push now" finds nothing left (as after a background run took the day's work)…
      expect(await c.call('sync.pushNow', {})).toMatchObject({ batches: 0, applied: 0 });
      // …and the status still tells the supervisor what the central answered for today.
      const { today } = await c.call<{ today: { lastAt: string } }>('sync.status', {});
      expect(today).toMatchObject({ batches: 1, applied: 2, duplicates: 0, rejected: 0, held: 0 });
      expect(today.lastAt >= sentAt).toBe(true);
      const vietnamNow = Date.now() + 7 * 3_600_000;
      offsetMs = Math.ceil(vietnamNow / 86_400_000) * 86_400_000 - vietnamNow + 60_000; // one minute past the next midnight at UTC+7
      expect((await c.core.context.sync!.status()).today).toEqual(none);
    } finally {
      await c.core.close();
    }
  });
});
