// The central recomputes what the law adds to a payment beyond the state's share: a province's
// top-up (published by the central with `admin publish-top-ups`, pulled by every office, carried
// onto a schedule published later without it) and the lump sum for the years missing to a pension
// (its conditions read from the central's record of the person). A correct payment is applied
// unflagged; a wrong total is refused with the amount the central expects; a top-up priced for a
// province the central's record does not have is applied and flagged with the central's amount.
// Real office services make the operations; real central on PGlite and PostgreSQL.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishReferenceSchedule } from '../../../src/central/admin';
import { newestSchedule, publishProvincialTopUps } from '../../../src/central/reference-publish';
import { canonicalJson } from '../../../src/shared/canonical-json';
import { businessMonth } from '../../../src/shared/domain/business-date';
import { addMonths } from '../../../src/shared/domain/payment-periods';
import { centralBackends } from '../fixtures/test-postgres';
import { person, resourcesDir, twoOffices, type Office } from '../sync/central-fixture';

type Quote = { total: number; topUp?: { provinceCode: string; total: number; amountPerMonth: number | null } | null; lines: { topUpAmount?: number }[] };
type Recorded = { contribution: { id: string; total: number }; receipt: { id: string } };
type Issue = { id: string; class: string; code: string; entityId: string; message: string; details: { error: { details: Record<string, unknown> } } };

/** Hà Nội's (test) resolution: 20 000 đ a month for anyone, 10 % more for the near-poor; HHI near-poor 20 %. */
const hanoiTopUps = {
  provincialTopUps: {
    '01': {
      name: 'Hà Nội',
      vsi: [{ from: '2020-01-01', value: { 'near-poor': { share: { num: 10, den: 100 } }, any: { amount: 20_000 } }, source: 'Nghị quyết HĐND (thử nghiệm)' }],
      hhi: [{ from: '2020-01-01', value: { 'near-poor': { share: { num: 20, den: 100 } } }, source: 'Nghị quyết HĐND (thử nghiệm)' }],
    },
  },
};

describe.each(centralBackends())('the central recomputes top-ups and the lump sum for missing years, on %s', (backend) => {
  const world = twoOffices(backend);
  const thisMonth = businessMonth(new Date());
  let n = 0;
  const someone = (fullName: string, dateOfBirth = '1985-02-03', sex: 'male' | 'female' = 'female') =>
    person(fullName, dateOfBirth, sex, `001${sex === 'male' ? 0 : 1}${dateOfBirth.slice(2, 4)}${String(500_000 + ++n)}`);

  async function pay(office: Office, question: Record<string, unknown>): Promise<{ quote: Quote; recorded: Recorded }> {
    const quote = await office.call<Quote>('contributions.quote', question);
    const recorded = await office.call<Recorded>('contributions.record', { ...question, expectedTotal: quote.total });
    return { quote, recorded };
  }
  const openIssues = async (office: Office) => (await office.call<{ items: Issue[] }>('sync.issues', { state: 'open' })).items;

  /** A faulty office: the pending payment's total changed before it is sent (hash made again, so only the amount is wrong). */
  async function sendWithTotal(office: Office, contributionId: string, total: number): Promise<void> {
    const db = office.core.context.db;
    const row = await db.selectFrom('outbox').select(['opId', 'payload']).where('entityId', '=', contributionId).executeTakeFirstOrThrow();
    const payload = { ...(JSON.parse(row.payload) as Record<string, unknown>), total };
    const text = canonicalJson(payload);
    await db
      .updateTable('outbox')
      .set({ payload: text, payloadHash: createHash('sha256').update(text).digest('hex') })
      .where('opId', '=', row.opId)
      .execute();
  }

  it('publishes a province’s top-ups as a new schedule version, refuses a malformed file, and every office pulls it', async () => {
    const { central, a, b } = world;
    const before = await newestSchedule(central.database.db);
    await expect(publishProvincialTopUps(central.database.db, { provincialTopUps: { '1': {} } })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      publishProvincialTopUps(central.database.db, {
        provincialTopUps: { '01': { vsi: [{ from: '2020-01-01', value: { any: { amount: -5 } }, source: 'x' }] } },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect((await newestSchedule(central.database.db))!.version).toBe(before!.version);

    const published = await publishProvincialTopUps(central.database.db, hanoiTopUps);
    expect(published.provinces).toEqual(['01']);
    expect(published.version.startsWith(`${before!.version}+tu-`)).toBe(true);
    for (const office of [a, b]) {
      await office.call('sync.pushNow', {});
      const p = await office.call<{ id: string }>('participants.register', someone(`Người Thử ${office === a ? 'A' : 'B'}`));
      const q = await office.call<Quote>('contributions.quote', {
        participantId: p.id,
        scheme: 'VSI',
        fromMonth: thisMonth,
        months: 1,
        method: 'monthly',
        incomeBasis: 2_000_000,
      });
      expect(q.topUp).toMatchObject({ provinceCode: '01', amountPerMonth: 20_000, total: 20_000 });
    }
  });

  it('applies a correct payment with a top-up unflagged, refuses a wrong total with the amount expected', async () => {
    const { central, a } = world;
    const p = await a.call<{ id: string }>('participants.register', {
      ...someone('Lương Thị Hòa'),
      poverty: { kind: 'near-poor', number: 'CN-01-0042', validFrom: '2025-01-01', validTo: '2030-12-31' },
    });
    const { quote, recorded } = await pay(a, {
      participantId: p.id,
      scheme: 'VSI',
      fromMonth: thisMonth,
      months: 3,
      method: 'quarterly',
      incomeBasis: 1_500_000,
    });
    // 22 % of 1 500 000 = 330 000 a month; the state's 40 % of it (132 000) and Hà Nội's 10 % (33 000).
    expect(quote.total).toBe(3 * 165_000);
    expect(quote.topUp).toMatchObject({ provinceCode: '01', total: 3 * 33_000 });
    expect(await a.call('sync.pushNow', {})).toMatchObject({ rejected: 0 });
    expect(await openIssues(a)).toEqual([]);
    const stored = await central.database.db.selectFrom('contributions').select('total').where('id', '=', recorded.contribution.id).executeTakeFirstOrThrow();
    expect(Number(stored.total)).toBe(3 * 165_000);

    // An office that left the top-up out while naming the same facts: refused, the right total named.
    const wrong = await pay(a, {
      participantId: p.id,
      scheme: 'VSI',
      fromMonth: addMonths(thisMonth, 3),
      months: 3,
      method: 'quarterly',
      incomeBasis: 1_500_000,
    });
    await sendWithTotal(a, wrong.recorded.contribution.id, wrong.quote.total + 3 * 33_000);
    expect(await a.call('sync.pushNow', {})).toMatchObject({ rejected: 1 });
    const [issue] = await openIssues(a);
    expect(issue).toMatchObject({ code: 'AMOUNT_MISMATCH', entityId: wrong.recorded.contribution.id });
    expect(issue!.details.error.details).toMatchObject({ expected: 3 * 165_000 });
    await a.call('sync.resolveIssue', { id: issue!.id, resolution: 'acknowledged', note: 'Kiểm tra lại máy' });
  });

  it('flags a top-up priced for a province the central’s record does not have, with the central’s amount', async () => {
    const { central, a } = world;
    const p = await a.call<{ id: string }>('participants.register', someone('Đinh Văn Sơn', '1990-07-08', 'male'));
    await a.call('sync.pushNow', {});
    // Another office moved the person to Hồ Chí Minh City (79) at the central; this office still says Hà Nội.
    const row = await central.database.db.selectFrom('persons').select('data').where('id', '=', p.id).executeTakeFirstOrThrow();
    const data = typeof row.data === 'string' ? JSON.parse(row.data) : row.data;
    await central.database.db
      .updateTable('persons')
      .set({ provinceCode: '79', data: JSON.stringify({ ...data, provinceCode: '79', communeCode: '26734' }) })
      .where('id', '=', p.id)
      .execute();
    const { quote, recorded } = await pay(a, {
      participantId: p.id,
      scheme: 'VSI',
      fromMonth: thisMonth,
      months: 1,
      method: 'monthly',
      incomeBasis: 1_500_000,
    });
    expect(quote.total).toBe(330_000 - 66_000 - 20_000);
    expect(await a.call('sync.pushNow', {})).toMatchObject({ rejected: 0 });
    const [issue, ...others] = await openIssues(a);
    expect(others).toEqual([]);
    expect(issue).toMatchObject({ class: 'FACTS_DIFFER', entityId: recorded.contribution.id });
    expect(issue!.message).toContain('tỉnh hỗ trợ thêm: văn phòng tính theo tỉnh 01, hồ sơ trung tâm ở tỉnh 79');
    expect(issue!.details.error.details).toMatchObject({
      office: { provinceCode: '01' },
      central: { provinceCode: '79' },
      centralTotal: 264_000,
      collected: 244_000,
    });
    await a.call('sync.resolveIssue', { id: issue!.id, resolution: 'acknowledged', note: 'Đã đối chiếu' });
  });

  it('applies a correct lump sum for missing years unflagged, refuses a wrong one with the amount expected', async () => {
    const { a } = world;
    // A man born in 1960 has reached his retirement age; 170 months contributed, 10 missing.
    const p = await a.call<{ id: string }>('participants.register', someone('Hoàng Văn Thạch', '1960-04-05', 'male'));
    const question = {
      participantId: p.id,
      scheme: 'VSI',
      fromMonth: thisMonth,
      months: 10,
      method: 'lump-sum-shortfall',
      incomeBasis: 1_500_000,
      contributedMonths: 170,
    };
    const { quote } = await pay(a, question);
    expect(quote.lines).toHaveLength(10);
    expect(await a.call('sync.pushNow', {})).toMatchObject({ rejected: 0 });
    expect(await openIssues(a)).toEqual([]);

    const other = await a.call<{ id: string }>('participants.register', someone('Vi Văn Lù', '1960-09-10', 'male'));
    const wrong = await pay(a, { ...question, participantId: other.id, months: 6, contributedMonths: 174 });
    await sendWithTotal(a, wrong.recorded.contribution.id, 6 * 330_000);
    expect(await a.call('sync.pushNow', {})).toMatchObject({ rejected: 1 });
    const [issue] = await openIssues(a);
    expect(issue).toMatchObject({ code: 'AMOUNT_MISMATCH', entityId: wrong.recorded.contribution.id });
    expect(issue!.details.error.details).toMatchObject({ expected: wrong.quote.total });
    expect(wrong.quote.total).toBeGreaterThan(6 * 330_000);
    await a.call('sync.resolveIssue', { id: issue!.id, resolution: 'acknowledged', note: 'Kiểm tra lại máy' });
  });

  it('carries the top-ups onto a schedule published later without them', async () => {
    const { central, a } = world;
    const shipped = JSON.parse(readFileSync(join(resourcesDir, 'reference', 'contribution-rates.json'), 'utf8')) as { version: string };
    expect(await publishReferenceSchedule(central.database.db, { ...shipped, version: `${shipped.version}9` })).toBe(true);
    const newest = (await newestSchedule(central.database.db))!;
    expect(newest.version.startsWith(`${shipped.version}9+tu-`)).toBe(true);
    expect(newest.provincialTopUps?.['01']).toEqual(hanoiTopUps.provincialTopUps['01']);
    await a.call('sync.pushNow', {});
    const p = await a.call<{ id: string }>('participants.register', someone('Mạc Thị Xuân'));
    const { quote } = await pay(a, { participantId: p.id, scheme: 'VSI', fromMonth: thisMonth, months: 1, method: 'monthly', incomeBasis: 1_500_000 });
    expect(quote).toMatchObject({ total: 244_000, topUp: { total: 20_000 } });
    expect(await a.call('sync.pushNow', {})).toMatchObject({ rejected: 0 });
    expect(await openIssues(a)).toEqual([]);
  });
});
