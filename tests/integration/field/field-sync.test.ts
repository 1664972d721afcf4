// The field officer's records through the real central (issue 21 items 1, 3, 8), on PGlite and
// PostgreSQL: the office PC's supervisor keeps the commune's hamlets and gives an officer an area;
// the officer's laptop — another device of the same office — pulls both, shows the list of that
// area offline, records a visit; the office PC pulls the visit. A hamlet edited on an older version
// is refused at the central (never overwritten), and another office of the province skips the
// area and the visit.
import { describe, expect, it } from 'vitest';
import { businessDate } from '../../../src/shared/domain/business-date';
import { centralBackends } from '../fixtures/test-postgres';
import { type Central, type Office, person, startCentral, startOffice } from '../sync/central-fixture';
import { afterAll, beforeAll } from 'vitest';

const COMMUNE = '00004';

describe.each(centralBackends())('field records through the central on %s', (backend) => {
  const world = {} as { central: Central; pc: Office; laptop: Office; other: Office; officer: Office['call'] };
  beforeAll(async () => {
    world.central = await startCentral(backend);
    world.pc = await startOffice(world.central, 'OFFA');
    world.laptop = await startOffice(world.central, 'OFFA');
    world.other = await startOffice(world.central, 'OFFB');
    await world.laptop.call('staff.create', { username: 'lan', fullName: 'Vũ Thị Lan', role: 'field', password: 'correct-horse-2' });
    const { token } = await world.laptop.call<{ token: string }>('auth.login', { username: 'lan', password: 'correct-horse-2' });
    world.officer = async <T>(method: string, input: unknown) => {
      const result = await world.laptop.core.invoke(method, input, token);
      if (!result.ok) throw Object.assign(new Error(`${method}: ${result.error.code} ${result.error.message}`), { data: result.error });
      return result.value as T;
    };
  }, 120_000);
  afterAll(async () => {
    for (const o of [world.pc, world.laptop, world.other]) await o?.core.close();
    await world.central?.close();
  });

  let hamletId = '';
  let visitedId = '';

  it('brings the supervisor’s hamlets and the officer’s area to the officer’s laptop', async () => {
    const a = await world.pc.call<{ id: string }>('participants.register', person('Hoàng Văn Ấm', '1981-04-03', 'male', '001081000111'));
    await world.pc.call('participants.register', { ...person('Hoàng Thị Bé', '1983-06-07', 'female', '001183000222'), addressLine: 'Thôn Tây, số 2' });
    visitedId = a.id;
    const learned = await world.pc.call<{ items: { kind: string; name: string; people: number }[] }>('hamlets.learn', { communeCode: COMMUNE });
    expect(learned.items.map((h) => [h.kind, h.name, h.people])).toEqual([
      ['thon', 'Đông', 1],
      ['thon', 'Tây', 1],
    ]);
    const hamlet = await world.pc.call<{ id: string }>('hamlets.save', { communeCode: COMMUNE, kind: 'thon', name: 'Đông' });
    hamletId = hamlet.id;
    await world.pc.call('field.assign', { username: 'lan', areas: [{ communeCode: COMMUNE, hamletIds: [hamlet.id] }], expectedVersion: 0 });
    expect(await world.pc.call('sync.pushNow', {})).toMatchObject({ rejected: 0 });
    await world.laptop.call('sync.pushNow', {});
    const area = await world.officer<{ communes: { code: string; hamlets: { id: string; label: string; people: number }[] }[] }>('field.myArea', {});
    expect(area.communes.map((c) => [c.code, c.hamlets.map((h) => [h.id, h.label, h.people])])).toEqual([[COMMUNE, [[hamletId, 'Thôn Đông', 1]]]]);
    const list = await world.officer<{ items: { participantId: string; statuses: string[] }[] }>('field.visitList', {});
    expect(list.items.map((i) => [i.participantId, i.statuses])).toEqual([[visitedId, ['no-scheme']]]);
    // Another office of the province hears of the commune's hamlet, not of this office's areas.
    await world.other.call('sync.pushNow', {});
    expect((await world.other.call<{ items: { id: string }[] }>('hamlets.list', { communeCode: COMMUNE })).items.map((h) => h.id)).toEqual([hamletId]);
    expect((await world.other.call<{ items: { username: string; version: number }[] }>('field.assignments', {})).items.filter((i) => i.version > 0)).toEqual(
      [],
    );
  });

  it('brings the officer’s visit back to the office PC, and to no other office', async () => {
    await world.officer('field.recordVisit', {
      participantId: visitedId,
      outcome: 'declined',
      declineReason: 'distrust',
      note: 'Chưa tin, hẹn nói chuyện lại',
    });
    expect(await world.laptop.call('sync.pushNow', {})).toMatchObject({ applied: 1, rejected: 0 });
    await world.pc.call('sync.pushNow', {});
    const visits = await world.pc.call<{ items: { outcome: string; declineReason: string; staffName: string; note: string }[] }>('field.visits', {
      participantId: visitedId,
    });
    expect(visits.items).toEqual([
      expect.objectContaining({ outcome: 'declined', declineReason: 'distrust', staffName: 'Vũ Thị Lan', note: 'Chưa tin, hẹn nói chuyện lại' }),
    ]);
    const rows = await world.central.database.db.selectFrom('fieldRecords').select(['kind', 'officeCode']).where('kind', '=', 'visit').execute();
    expect(rows).toEqual([{ kind: 'visit', officeCode: 'OFFA' }]);
    await world.other.call('sync.pushNow', {});
    expect((await world.other.call<{ items: unknown[] }>('field.visits', { participantId: visitedId })).items).toEqual([]);
  });

  it('shows a payment the office PC took as paid on the laptop: the person is no longer due there', async () => {
    // Enrolled on the PC this month and not yet paid: due on the laptop's list once pulled.
    const month = businessDate(new Date()).slice(0, 7);
    const payer = await world.pc.call<{ id: string }>('participants.register', {
      ...person('Lò Văn Đóng', '1979-09-09', 'male', '001079000333'),
      addressLine: 'Thôn Đông, số 5',
    });
    await world.pc.call('enrollments.set', { participantId: payer.id, scheme: 'VSI', method: 'monthly', fromMonth: month, incomeBasis: 1_500_000 });
    await world.pc.call('sync.pushNow', {});
    await world.laptop.call('sync.pushNow', {});
    const before = await world.officer<{ items: { participantId: string; statuses: string[]; totalDue: number }[] }>('field.visitList', {});
    expect(before.items.find((i) => i.participantId === payer.id)).toMatchObject({ statuses: ['never-paid'], totalDue: expect.any(Number) });
    // The PC's counter takes three months; the laptop pulls the payment (kept apart from its own).
    const question = { participantId: payer.id, scheme: 'VSI', fromMonth: month, months: 3, incomeBasis: 1_500_000 };
    const quote = await world.pc.call<{ total: number }>('contributions.quote', question);
    await world.pc.call('contributions.record', { ...question, expectedTotal: quote.total });
    expect(await world.pc.call('sync.pushNow', {})).toMatchObject({ rejected: 0 });
    await world.laptop.call('sync.pushNow', {});
    const after = await world.officer<{ items: { participantId: string }[] }>('field.visitList', {});
    expect(after.items.find((i) => i.participantId === payer.id)).toBeUndefined();
    // Searched by name, they are not on the list either: they owe nothing now.
    const found = await world.officer<{ items: { participantId: string }[] }>('field.visitList', { query: 'lo van dong' });
    expect(found.items).toEqual([]);
  });

  it('refuses a hamlet edited on an older version at the central, and the office keeps the newer one', async () => {
    // The PC renames it (version 2) and pushes; the laptop's supervisor, not yet synced, renames it from version 1.
    await world.pc.call('hamlets.save', { id: hamletId, expectedVersion: 1, communeCode: COMMUNE, kind: 'thon', name: 'Đông Hòa' });
    await world.pc.call('sync.pushNow', {});
    await world.laptop.call('hamlets.save', { id: hamletId, expectedVersion: 1, communeCode: COMMUNE, kind: 'thon', name: 'Đông Hoà Mới' });
    expect(await world.laptop.call('sync.pushNow', {})).toMatchObject({ rejected: 1 });
    const issues = await world.laptop.call<{ items: { kind: string; code: string }[] }>('sync.issues', { state: 'open' });
    expect(issues.items).toEqual([expect.objectContaining({ kind: 'hamlet.set', code: 'CONFLICT' })]);
    const central = await world.central.database.db
      .selectFrom('fieldRecords')
      .select(['version', 'data'])
      .where('kind', '=', 'hamlet')
      .executeTakeFirstOrThrow();
    expect(central.version).toBe(2);
    expect((central.data as { name: string }).name).toBe('Đông Hòa');
  });
  it('fills a device enrolled after the hamlets, areas and visits were set with them, from its picture', async () => {
    // Its picture's `since` is after every field change above: the feed alone would never bring them.
    const late = await startOffice(world.central, 'OFFA');
    try {
      expect(await late.call('sync.pushNow', {})).toMatchObject({ rejected: 0 });
      const hamletsHeld = await late.call<{ items: { id: string; name: string; version: number }[] }>('hamlets.list', { communeCode: COMMUNE });
      expect(hamletsHeld.items.map((h) => [h.id, h.name, h.version])).toEqual([[hamletId, 'Đông Hòa', 2]]);
      const areas = await late.call<{ items: { username: string; version: number; areas: unknown }[] }>('field.assignments', {});
      expect(areas.items.filter((i) => i.version > 0).map((i) => [i.username, i.version, i.areas])).toEqual([
        ['lan', 1, [{ communeCode: COMMUNE, hamletIds: [hamletId] }]],
      ]);
      const visits = await late.call<{ items: { outcome: string; staffName: string }[] }>('field.visits', { participantId: visitedId });
      expect(visits.items).toEqual([expect.objectContaining({ outcome: 'declined', staffName: 'Vũ Thị Lan' })]);
    } finally {
      await late.core.close();
    }
  });
});
