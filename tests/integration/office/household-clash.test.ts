// A household is the office's: edited on one device, it reaches the others; edited on two devices
// between syncs, the later change is refused by the central (it was made on a list the central no
// longer holds) and becomes an inbox item on that device — never a silent overwrite, in either
// direction — until the supervisor takes the central's list or sends this device's again
// (issue 20 item 6). On PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centralBackends } from '../fixtures/test-postgres';
import { type Central, startCentral } from '../sync/central-fixture';
import { type Device, someone, startDevice, sync } from './office-kit';

type Household = { id: string; version: number; members: { participantId: string }[] };
type Members = { members: { participantId: string }[] };
type Issue = {
  id: string;
  kind: string;
  code: string;
  entityId: string;
  state: string;
  details: { central?: Members; error?: { details?: { central?: Members } } };
};

/** The central's list an inbox item holds: the latest pulled, else the one the refusal named. */
const centralOf = (issue: Issue) => (issue.details.central ?? issue.details.error?.details?.central)?.members.map((m) => m.participantId);

const memberIds = (h: Household) => h.members.map((m) => m.participantId);

describe.each(centralBackends())('a household edited on two devices on %s', (backend) => {
  let central: Central;
  let counter: Device;
  let field: Device;
  beforeAll(async () => {
    central = await startCentral(backend);
    counter = await startDevice(central, 'HH01', 'Quầy 1', { supervisorName: 'Trần Văn Quầy' });
    field = await startDevice(central, 'HH01', 'Máy cán bộ thu Lan', { supervisorName: 'Ngô Thị Lan' });
  }, 180_000);
  afterAll(async () => {
    await counter?.core.close();
    await field?.core.close();
    await central?.close();
  });

  async function household() {
    const [head, a, b, c] = await Promise.all(
      ['Lý Văn Chủ', 'Lý Thị Một', 'Lý Văn Hai', 'Lý Thị Ba'].map((n) => counter.call<{ id: string }>('participants.register', someone(n))),
    );
    const created = await counter.call<Household>('households.create', { headParticipantId: head!.id });
    await counter.call('households.addMember', { householdId: created.id, participantId: a!.id });
    await sync(counter);
    await sync(field);
    return { id: created.id, head: head!.id, a: a!.id, b: b!.id, c: c!.id };
  }

  it('reaches the office’s other devices with its members in order', async () => {
    const h = await household();
    expect(memberIds(await field.call<Household>('households.get', { id: h.id }))).toEqual([h.head, h.a]);
    await field.call('households.addMember', { householdId: h.id, participantId: h.b });
    await sync(field);
    await sync(counter);
    const onCounter = await counter.call<Household>('households.get', { id: h.id });
    expect(memberIds(onCounter)).toEqual([h.head, h.a, h.b]);
    expect(await counter.call<{ items: Issue[] }>('sync.issues', { state: 'open' })).toEqual({ items: [] });
  });

  it('turns two devices’ changes between syncs into an inbox item, and the supervisor’s choice settles it', async () => {
    const h = await household();
    // Between syncs: the counter adds B, the field laptop adds C.
    await counter.call('households.addMember', { householdId: h.id, participantId: h.b });
    await field.call('households.addMember', { householdId: h.id, participantId: h.c });
    expect(await sync(counter)).toMatchObject({ rejected: 0 });
    expect(await sync(field)).toMatchObject({ rejected: 1 });
    // The field laptop keeps its own list and has one open item holding the central's.
    const [issue] = (await field.call<{ items: Issue[] }>('sync.issues', { state: 'open' })).items;
    expect(issue).toMatchObject({ kind: 'household.setMembers', code: 'CONFLICT', entityId: h.id });
    expect(centralOf(issue!)).toEqual([h.head, h.a, h.b]);
    expect(memberIds(await field.call<Household>('households.get', { id: h.id }))).toEqual([h.head, h.a, h.c]);
    // The counter never took the laptop's list either.
    await sync(counter);
    expect(memberIds(await counter.call<Household>('households.get', { id: h.id }))).toEqual([h.head, h.a, h.b]);

    // The supervisor checks the family's papers: the laptop's list is right — sent again, made on the central's.
    await field.call('sync.resolveIssue', { id: issue!.id, resolution: 'resend-household', note: 'Đã đối chiếu sổ hộ khẩu: ông Hai đã tách hộ.' });
    expect(await sync(field)).toMatchObject({ rejected: 0 });
    await sync(counter);
    const settled = memberIds(await counter.call<Household>('households.get', { id: h.id }));
    expect(settled).toEqual(memberIds(await field.call<Household>('households.get', { id: h.id })));
    expect(settled).toEqual([h.head, h.a, h.c]);
    expect(await field.call<{ items: Issue[] }>('sync.issues', { state: 'open' })).toEqual({ items: [] });
  });

  it('takes the central’s list when the supervisor chooses it, sending nothing', async () => {
    const h = await household();
    await counter.call('households.removeMember', { householdId: h.id, participantId: h.a });
    await field.call('households.addMember', { householdId: h.id, participantId: h.c });
    await sync(counter);
    expect(await sync(field)).toMatchObject({ rejected: 1 });
    const [issue] = (await field.call<{ items: Issue[] }>('sync.issues', { state: 'open' })).items;
    const outboxBefore = (await field.core.context.db.selectFrom('outbox').select('opId').execute()).length;
    await field.call('sync.resolveIssue', { id: issue!.id, resolution: 'accept-central', note: 'Bà Một đã chuyển hộ; theo danh sách quầy.' });
    expect(memberIds(await field.call<Household>('households.get', { id: h.id }))).toEqual([h.head]);
    expect((await field.core.context.db.selectFrom('outbox').select('opId').execute()).length).toBe(outboxBefore);
    // The next change on the laptop is made on the central's list and applies.
    await field.call('households.addMember', { householdId: h.id, participantId: h.c });
    expect(await sync(field)).toMatchObject({ rejected: 0 });
    await sync(counter);
    expect(memberIds(await counter.call<Household>('households.get', { id: h.id }))).toEqual([h.head, h.c]);
  });
});
