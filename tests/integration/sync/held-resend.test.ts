// A registration the central holds as a possible duplicate, and the work that waits for it: once
// the supervisor has checked it — two different people, or one person whose mistyped personal ID
// is corrected — the registration goes again with that decision and the payment, household and
// member list the central held or refused follow it.
// Office ↔ central through the real HTTP API, on PGlite (and PostgreSQL when TEST_DATABASE_URL is set).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listHeldItems } from '../../../src/central/admin';
import { importBatchFile } from '../../../src/central/file-import';
import { centralBackends } from '../fixtures/test-postgres';
import { type Office, person, twoOffices } from './central-fixture';

interface Issue {
  id: string;
  kind: string;
  class: string;
  code: string;
  state: string;
  resolution: string | null;
  resolutionNote: string | null;
}

const issuesOf = async (office: Office) => (await office.call<{ items: Issue[] }>('sync.issues', { state: 'all' })).items;

describe.each(centralBackends())('a held registration sent again after review, central on %s', (backend) => {
  const world = twoOffices(backend);

  it('applies the registration, its payment, household and member list once the supervisor says they are different people', async () => {
    await world.a.call('participants.register', person('Trần Thị Bích', '1985-03-04', 'female', '001185000111'));
    expect(await world.a.call('sync.pushNow', {})).toMatchObject({ applied: 1 });

    // Office B registers another Trần Thị Bích born the same day (another personal ID), takes her
    // payment, makes her household with one more member.
    const bich = await world.b.call<{ id: string }>('participants.register', person('Trần Thị Bích', '1985-03-04', 'female', '001185000222'));
    await world.b.call('enrollments.set', { participantId: bich.id, scheme: 'VSI', method: 'quarterly', incomeBasis: 1_500_000, fromMonth: '2026-10' });
    const quote = await world.b.call<{ total: number }>('contributions.quote', { participantId: bich.id, scheme: 'VSI', fromMonth: '2026-10', months: 3 });
    const paid = await world.b.call<{ receipt: { id: string; series: string; number: number } }>('contributions.record', {
      participantId: bich.id,
      scheme: 'VSI',
      fromMonth: '2026-10',
      months: 3,
      expectedTotal: quote.total,
    });
    const son = await world.b.call<{ id: string }>('participants.register', person('Lê Văn Nam', '2008-06-01', 'male', '001208000333'));
    const household = await world.b.call<{ id: string }>('households.create', { headParticipantId: bich.id });
    await world.b.call('households.addMember', { householdId: household.id, participantId: son.id });
    const first = await world.b.call<{ applied: number; held: number; rejected: number }>('sync.pushNow', {});
    expect(first).toMatchObject({ held: 3, rejected: 1 });

    const waiting = (await issuesOf(world.b)).filter((i) => i.state === 'open');
    expect((await listHeldItems(world.central.database.db)).map((h) => [h.officeCode, h.fullName, h.status])).toEqual([['OFFB', 'Trần Thị Bích', 'open']]);
    expect(waiting.map((i) => [i.kind, i.class]).sort()).toEqual([
      ['contribution.record', 'PERSON_NOT_ACCEPTED'],
      ['household.create', 'PERSON_NOT_ACCEPTED'],
      ['household.setMembers', 'REJECTED'],
      ['participant.register', 'POSSIBLE_DUPLICATE'],
    ]);
    expect(await world.central.database.db.selectFrom('contributions').select('id').execute()).toEqual([]);
    expect(await world.central.database.db.selectFrom('persons').select('id').where('id', '=', bich.id).execute()).toEqual([]);

    // The supervisor first marks the held payment as seen (it still waits for the registration),
    // then checks the papers: two different women.
    const payment = waiting.find((i) => i.kind === 'contribution.record')!;
    await world.b.call('sync.resolveIssue', { id: payment.id, resolution: 'acknowledged', note: 'Chờ xử lý hồ sơ người nộp' });
    const held = waiting.find((i) => i.class === 'POSSIBLE_DUPLICATE')!;
    const note = 'Đã đối chiếu CCCD: hai người khác nhau, khác quê quán';
    await world.b.call('sync.resolveIssue', { id: held.id, resolution: 'different-person-resend', note });
    const settled = await issuesOf(world.b);
    expect(settled.filter((i) => i.state === 'open')).toEqual([]);
    expect(settled.find((i) => i.id === held.id)).toMatchObject({ resolution: 'different-person-resend', resolutionNote: note });
    expect(
      settled
        .filter((i) => i.resolution === 'resent-with-person')
        .map((i) => i.kind)
        .sort(),
    ).toEqual(['contribution.record', 'household.create', 'household.setMembers']);

    const second = await world.b.call<{ applied: number; held: number; rejected: number }>('sync.pushNow', {});
    expect(second).toMatchObject({ applied: 4, held: 0, rejected: 0 });
    const registered = await world.b.call<{ officialNumber: string | null }>('participants.get', { id: bich.id });
    expect(registered.officialNumber).toMatch(/^01\d{8}$/);
    const stored = await world.central.database.db.selectFrom('persons').select(['id', 'data']).where('id', '=', bich.id).executeTakeFirstOrThrow();
    expect(stored.data).toMatchObject({ duplicateReviewed: true, duplicateReviewNote: note });
    // The central's record of the hold is settled as reviewed: no longer among the open ones its
    // administrator lists, still in the full list.
    expect((await listHeldItems(world.central.database.db)).filter((h) => h.fullName === 'Trần Thị Bích')).toEqual([]);
    expect((await listHeldItems(world.central.database.db, { all: true })).filter((h) => h.fullName === 'Trần Thị Bích')).toEqual([
      expect.objectContaining({ officeCode: 'OFFB', class: 'POSSIBLE_DUPLICATE', personalId: '001185000222', dateOfBirth: '1985-03-04', status: 'reviewed' }),
    ]);
    const contributions = await world.central.database.db.selectFrom('contributions').select(['personId', 'total', 'receiptSeries', 'receiptNumber']).execute();
    expect(contributions.map((c) => ({ ...c, total: Number(c.total) }))).toEqual([
      { personId: bich.id, total: quote.total, receiptSeries: paid.receipt.series, receiptNumber: paid.receipt.number },
    ]);
    const stored2 = await world.central.database.db
      .selectFrom('households')
      .select(['headId', 'memberIds'])
      .where('id', '=', household.id)
      .executeTakeFirstOrThrow();
    expect(stored2.headId).toBe(bich.id);
    expect(typeof stored2.memberIds === 'string' ? JSON.parse(stored2.memberIds) : stored2.memberIds).toEqual([bich.id, son.id]);

    // Settled once: the decision cannot be taken twice.
    await expect(world.b.call('sync.resolveIssue', { id: held.id, resolution: 'different-person-resend', note })).rejects.toMatchObject({
      data: { code: 'CONFLICT' },
    });
  });

  it('links the person to the one the central named when the supervisor finds the same person, and the payment lands on that person', async () => {
    const canonical = await world.a.call<{ id: string }>('participants.register', person('Nguyễn Thị Hoa', '1992-07-08', 'female', '001192000111'));
    await world.a.call('sync.pushNow', {});
    // Office B's clerk typed one digit of her ID wrong, and took her payment.
    const typo = await world.b.call<{ id: string }>('participants.register', person('Nguyễn Thị Hoa', '1992-07-08', 'female', '001192000211'));
    await world.b.call('enrollments.set', { participantId: typo.id, scheme: 'VSI', method: 'monthly', incomeBasis: 2_000_000, fromMonth: '2026-11' });
    const quote = await world.b.call<{ total: number }>('contributions.quote', { participantId: typo.id, scheme: 'VSI', fromMonth: '2026-11', months: 1 });
    const paid = await world.b.call<{ contribution: { id: string } }>('contributions.record', {
      participantId: typo.id,
      scheme: 'VSI',
      fromMonth: '2026-11',
      months: 1,
      expectedTotal: quote.total,
    });
    expect(await world.b.call('sync.pushNow', {})).toMatchObject({ held: 2 });
    // B has meanwhile pulled A's Nguyễn Thị Hoa: correcting the ID here is refused (another record
    // holds it), which is why the inbox links instead.
    expect(await world.b.call('participants.get', { id: canonical.id })).toMatchObject({ personalId: '001192000111' });

    const held = (await issuesOf(world.b)).find((i) => i.state === 'open' && i.class === 'POSSIBLE_DUPLICATE')!;
    await world.b.call('sync.resolveIssue', { id: held.id, resolution: 'same-person-merge', note: 'Cùng một người, nhập sai số định danh' });
    expect((await issuesOf(world.b)).filter((i) => i.state === 'open')).toEqual([]);

    expect(await world.b.call('sync.pushNow', {})).toMatchObject({ duplicates: 1, applied: 1, held: 0, rejected: 0 });
    const linked = await world.b.call<{ canonicalId: string | null; officialNumber: string | null }>('participants.get', { id: typo.id });
    expect(linked.canonicalId).toBe(canonical.id);
    expect(linked.officialNumber).toBe((await world.a.call<{ officialNumber: string }>('participants.get', { id: canonical.id })).officialNumber);
    const stored = await world.central.database.db.selectFrom('contributions').select(['personId']).where('id', '=', paid.contribution.id).execute();
    expect(stored).toEqual([{ personId: canonical.id }]);
    expect(await world.central.database.db.selectFrom('persons').select('id').where('fullName', '=', 'Nguyễn Thị Hoa').execute()).toHaveLength(1);

    // B keeps two records of her, its own (linked) and the one pulled from the central; each names
    // the other, and the month paid on one is paid on the other.
    expect(await world.b.call('participants.get', { id: canonical.id })).toMatchObject({ otherRecords: [{ id: typo.id, personalId: '001192000211' }] });
    expect(await world.b.call('participants.get', { id: typo.id })).toMatchObject({ otherRecords: [{ id: canonical.id, personalId: '001192000111' }] });
    // Each record lists the payment, taken on B's own record (which says which record it is on).
    for (const id of [canonical.id, typo.id]) {
      const payments = await world.b.call<{ items: { id: string; participantId: string }[] }>('contributions.listForParticipant', { participantId: id });
      expect(payments.items).toEqual([expect.objectContaining({ id: paid.contribution.id, participantId: typo.id })]);
    }
    // Taking the month again on the pulled record is refused, and its next period follows the payment.
    const again = { participantId: canonical.id, scheme: 'VSI', fromMonth: '2026-11', months: 1, incomeBasis: 2_000_000 };
    await expect(world.b.call('contributions.quote', again)).rejects.toMatchObject({ data: { code: 'CONFLICT', field: 'fromMonth' } });
    await world.b.call('enrollments.set', { participantId: canonical.id, scheme: 'VSI', method: 'monthly', incomeBasis: 2_000_000, fromMonth: '2026-11' });
    const { items } = await world.b.call<{ items: { nextDue: { fromMonth: string }; lastPaidMonth: string | null }[] }>('enrollments.listForParticipant', {
      participantId: canonical.id,
    });
    expect(items).toEqual([expect.objectContaining({ lastPaidMonth: '2026-11', nextDue: expect.objectContaining({ fromMonth: '2026-12' }) })]);
  });

  it('also corrects the personal ID on the record when the person the central named was never pulled here', async () => {
    // A's Lý Thị Mai lives in Hồ Chí Minh City: office B (Hà Nội) does not pull her.
    const inHcmc = { provinceCode: '79', communeCode: '25747' };
    const canonical = await world.a.call<{ id: string }>('participants.register', {
      ...person('Lý Thị Mai', '1995-09-10', 'female', '079195000111'),
      ...inHcmc,
    });
    await world.a.call('sync.pushNow', {});
    const typo = await world.b.call<{ id: string }>('participants.register', { ...person('Lý Thị Mai', '1995-09-10', 'female', '079195000121'), ...inHcmc });
    expect(await world.b.call('sync.pushNow', {})).toMatchObject({ held: 1 });
    const held = (await issuesOf(world.b)).find((i) => i.state === 'open' && i.class === 'POSSIBLE_DUPLICATE')!;
    await world.b.call('sync.resolveIssue', { id: held.id, resolution: 'same-person-merge', note: 'Cùng một người, sai một chữ số' });
    expect(await world.b.call('participants.get', { id: typo.id })).toMatchObject({ personalId: '079195000111' });
    expect(await world.b.call('sync.pushNow', {})).toMatchObject({ duplicates: 1, rejected: 0 });
    expect(await world.b.call('participants.get', { id: typo.id })).toMatchObject({ personalId: '079195000111', canonicalId: canonical.id });
    // Found by the right number now, and the change is in the audit log with the number it replaced.
    const found = await world.b.call<{ items: { id: string }[] }>('participants.search', { query: '079195000111' });
    expect(found.items.map((i) => i.id)).toEqual([typo.id]);
    const audit = world.b.core.database.sqlite
      .prepare("SELECT details FROM audit_log WHERE entity_id = ? AND action = 'participant.register' ORDER BY seq DESC LIMIT 1")
      .pluck()
      .get(typo.id) as string;
    expect(JSON.parse(audit)).toMatchObject({ resentAfterReview: { personalIdCorrectedFrom: '079195000121' } });
  });

  it('sends work taken for the person while the decision waited after the registration, so none of it is held again', async () => {
    await world.a.call('participants.register', person('Đinh Thị Thu', '1988-11-12', 'female', '001188000111'));
    await world.a.call('sync.pushNow', {});
    const thu = await world.b.call<{ id: string; version: number }>('participants.register', person('Đinh Thị Thu', '1988-11-12', 'female', '001188000555'));
    expect(await world.b.call('sync.pushNow', {})).toMatchObject({ held: 1 });
    // Offline for days before the supervisor decides: the clerk corrects her phone, takes her
    // first payment (which enrolls her) and makes her household. None of it is sent yet.
    await world.b.call('participants.update', { id: thu.id, expectedVersion: thu.version, phone: '0987654321' });
    const quote = await world.b.call<{ total: number }>('contributions.quote', {
      participantId: thu.id,
      scheme: 'VSI',
      fromMonth: '2026-12',
      months: 1,
      incomeBasis: 2_000_000,
    });
    const paid = await world.b.call<{ contribution: { id: string } }>('contributions.record', {
      participantId: thu.id,
      scheme: 'VSI',
      fromMonth: '2026-12',
      months: 1,
      incomeBasis: 2_000_000,
      expectedTotal: quote.total,
    });
    const household = await world.b.call<{ id: string }>('households.create', { headParticipantId: thu.id });
    const unsentBefore = world.b.core.database.sqlite.prepare("SELECT kind FROM outbox WHERE status = 'pending' ORDER BY seq").pluck().all();
    expect(unsentBefore).toEqual(['participant.update', 'enrollment.set', 'contribution.record', 'household.create']);

    const held = (await issuesOf(world.b)).find((i) => i.state === 'open' && i.class === 'POSSIBLE_DUPLICATE')!;
    await world.b.call('sync.resolveIssue', { id: held.id, resolution: 'different-person-resend', note: 'Hai người khác nhau, đã xem CCCD' });
    // The registration (carrying the new phone) goes first; the update is carried by it.
    const unsentAfter = world.b.core.database.sqlite.prepare("SELECT kind FROM outbox WHERE status = 'pending' ORDER BY seq").pluck().all();
    expect(unsentAfter).toEqual(['participant.register', 'enrollment.set', 'contribution.record', 'household.create']);

    expect(await world.b.call('sync.pushNow', {})).toMatchObject({ applied: 4, held: 0, rejected: 0 });
    expect((await issuesOf(world.b)).filter((i) => i.state === 'open')).toEqual([]);
    const stored = await world.central.database.db.selectFrom('persons').select('data').where('id', '=', thu.id).executeTakeFirstOrThrow();
    expect(stored.data).toMatchObject({ phone: '0987654321', duplicateReviewed: true });
    expect(await world.central.database.db.selectFrom('contributions').select('personId').where('id', '=', paid.contribution.id).execute()).toEqual([
      { personId: thu.id },
    ]);
    expect(await world.central.database.db.selectFrom('households').select('headId').where('id', '=', household.id).execute()).toEqual([{ headId: thu.id }]);
  });

  it('sends a payment after the registration when its held answer comes back only after the decision (it was in an exported file)', async () => {
    await world.a.call('participants.register', person('Cao Thị Mơ', '1983-02-03', 'female', '001183000111'));
    await world.a.call('sync.pushNow', {});
    const mo = await world.b.call<{ id: string }>('participants.register', person('Cao Thị Mơ', '1983-02-03', 'female', '001183000666'));
    expect(await world.b.call('sync.pushNow', {})).toMatchObject({ held: 1 });
    // Her payment goes to the central in a file, carried by hand; the supervisor decides meanwhile.
    const quote = await world.b.call<{ total: number }>('contributions.quote', {
      participantId: mo.id,
      scheme: 'VSI',
      fromMonth: '2026-12',
      months: 1,
      incomeBasis: 2_000_000,
    });
    const paid = await world.b.call<{ contribution: { id: string } }>('contributions.record', {
      participantId: mo.id,
      scheme: 'VSI',
      fromMonth: '2026-12',
      months: 1,
      incomeBasis: 2_000_000,
      expectedTotal: quote.total,
    });
    const stick = mkdtempSync(join(tmpdir(), 'fo-stick-'));
    const exported = await world.b.call<{ manifest: string }>('sync.exportFile', { directory: stick });
    const held = (await issuesOf(world.b)).find((i) => i.state === 'open' && i.class === 'POSSIBLE_DUPLICATE')!;
    await world.b.call('sync.resolveIssue', { id: held.id, resolution: 'different-person-resend', note: 'Hai người khác nhau, khác quê' });
    // The file reaches the central before the registration sent again: the payment is held there.
    const answer = await importBatchFile(world.central.database.db, exported.manifest, stick, world.central.key);
    expect(await world.b.call('sync.importResult', { file: answer.file })).toMatchObject({ held: 1 });
    // Back at the office the held payment follows the reviewed registration by itself.
    expect((await issuesOf(world.b)).filter((i) => i.state === 'open')).toEqual([]);
    expect((await issuesOf(world.b)).find((i) => i.kind === 'contribution.record' && i.resolution === 'resent-with-person')).toBeDefined();
    expect(await world.b.call('sync.pushNow', {})).toMatchObject({ applied: 2, held: 0, rejected: 0 });
    expect(await world.central.database.db.selectFrom('contributions').select('personId').where('id', '=', paid.contribution.id).execute()).toEqual([
      { personId: mo.id },
    ]);
  });

  it('refuses to send again this way anything but a registration held as a possible duplicate, and writes nothing', async () => {
    const p = await world.b.call<{ id: string }>('participants.register', person('Phạm Văn Hùng', '1970-01-01', 'male', '001070000444'));
    // A registration the central refuses outright (its payload altered after it was hashed): an issue of another class.
    world.b.core.database.sqlite
      .prepare("UPDATE outbox SET payload = json_set(payload, '$.provinceCode', '99') WHERE entity_id = ? AND kind = 'participant.register'")
      .run(p.id);
    await world.b.call('sync.pushNow', {});
    const refused = (await issuesOf(world.b)).find((i) => i.state === 'open');
    expect(refused).toMatchObject({ kind: 'participant.register', class: 'REJECTED' });
    const outboxBefore = world.b.core.database.sqlite.prepare('SELECT count(*) FROM outbox').pluck().get();
    const error = await world.b
      .call('sync.resolveIssue', { id: refused!.id, resolution: 'different-person-resend', note: 'Thử gửi lại sai loại' })
      .catch((e: { data: unknown }) => e.data);
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'resolution' });
    expect(world.b.core.database.sqlite.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(outboxBefore);
    expect((await issuesOf(world.b)).find((i) => i.id === refused!.id)).toMatchObject({ state: 'open' });
  });
});
