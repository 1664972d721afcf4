// The lump sum for the months missing to a pension (Law 41/2024 art. 36.2; ADR 0036) pays time, not
// calendar months: on two devices of one office and a central (PGlite and PostgreSQL), a person who
// paid this month at "Quầy 2" pays the shortfall at "Quầy 1" — neither refused as months paid twice,
// here or at the central, and the lump sum moves neither the next period due nor the visit list's
// "paid through". The months missing count the months the office knows were paid (its other
// devices' too) when the SI book shows fewer, and a second lump sum is refused with the first's receipt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDate } from '../../../src/shared/domain/business-date';
import { addMonths } from '../../../src/shared/domain/payment-periods';
import { centralBackends } from '../fixtures/test-postgres';
import { type Central, person, startCentral } from '../sync/central-fixture';
import { type Device, startDevice, sync } from './office-kit';

type Quote = { total: number; fromMonth: string; toMonth: string; lines: unknown[]; supportNotes: { vi: string; en: string }[] };
type Refusal = { ok: false; error: { code: string; field?: string; message: string; messageEn: string } };

const thisMonth = businessDate(new Date()).slice(0, 7);
const shortfall = (participantId: string, contributedMonths: number, months: number) => ({
  participantId,
  scheme: 'VSI',
  method: 'lump-sum-shortfall',
  // What the collect page sends (the first unpaid month); the core keeps the lump sum in the payment's month.
  fromMonth: addMonths(thisMonth, 1),
  months,
  contributedMonths,
  incomeBasis: 1_500_000,
});

async function record(device: Device, question: Record<string, unknown>) {
  const quote = await device.call<Quote>('contributions.quote', question);
  return device.call<{ receipt: { id: string; label: string; periodFrom: string; periodTo: string } }>('contributions.record', {
    ...question,
    expectedTotal: quote.total,
  });
}

describe.each(centralBackends())('the lump sum for missing months pays no calendar month, on %s', (backend) => {
  let central: Central;
  let counter1: Device;
  let counter2: Device;
  beforeAll(async () => {
    central = await startCentral(backend);
    counter1 = await startDevice(central, 'SFA', 'Quầy 1', { supervisorName: 'Trần Thị Giám' });
    counter2 = await startDevice(central, 'SFA', 'Quầy 2', { supervisorName: 'Lê Văn Sát' });
  }, 180_000);
  afterAll(async () => {
    for (const d of [counter1, counter2]) await d?.core.close();
    await central?.close();
  });

  it('is kept in its month, blocks no monthly payment, moves nothing on, and counts the office’s months', async () => {
    // A man born 5 Apr 1960 reached his retirement age (61 y 0 m … ) in 2021.
    const p = await counter1.call<{ id: string }>('participants.register', person('Hoàng Văn Thạch', '1960-04-05', 'male', '001060004321'));
    await sync(counter1);
    await sync(counter2);
    // This month and a five-year lump sum after it, paid at Quầy 2: 61 calendar months the office knows.
    await record(counter2, { participantId: p.id, scheme: 'VSI', fromMonth: thisMonth, months: 1, incomeBasis: 1_500_000 });
    await record(counter2, { participantId: p.id, scheme: 'VSI', fromMonth: addMonths(thisMonth, 1), months: 60, incomeBasis: 1_500_000 });
    expect(await sync(counter2)).toMatchObject({ rejected: 0 });
    await sync(counter1);

    // The SI book shows 100 months (not yet the 61 paid here): the office knows 61 → the book is
    // short by them at most; priced on max(100, 61) = 100 → 80 missing, more than 60: refused. With
    // the book at 50 the office's 61 count: 119 missing … still refused, and the reason says 61.
    const short = (await counter1.core.invoke('contributions.quote', shortfall(p.id, 50, 60), counter1.token)) as Refusal;
    expect(short).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'contributedMonths' } });
    expect(short.error.message).toContain('Còn thiếu 119 tháng');

    // The book shows 170: 10 missing, priced in this month, whatever month the page sent.
    const quote = await counter1.call<Quote>('contributions.quote', shortfall(p.id, 170, 10));
    expect([quote.fromMonth, quote.toMonth, quote.lines.length]).toEqual([thisMonth, thisMonth, 10]);
    const { receipt } = await record(counter1, shortfall(p.id, 170, 10));
    expect([receipt.periodFrom, receipt.periodTo]).toEqual([thisMonth, thisMonth]);
    const stored = await counter1.core.context.db
      .selectFrom('contributions')
      .select(['fromMonth', 'toMonth', 'months'])
      .where('receiptId', '=', receipt.id)
      .execute();
    expect(stored).toEqual([{ fromMonth: thisMonth, toMonth: thisMonth, months: 10 }]);

    // The next period due is still the month after the five years, not ten months later.
    const enrollments = await counter1.call<{ items: { scheme: string; nextDue: { fromMonth: string } }[] }>('enrollments.listForParticipant', {
      participantId: p.id,
    });
    expect(enrollments.items.find((e) => e.scheme === 'VSI')?.nextDue.fromMonth).toBe(addMonths(thisMonth, 61));

    // The central records both without a review of months paid twice; Quầy 2 hears of the lump sum.
    expect(await sync(counter1)).toMatchObject({ rejected: 0 });
    await sync(counter2);
    for (const device of [counter1, counter2]) expect(await device.call<{ items: unknown[] }>('sync.issues', { state: 'open' })).toEqual({ items: [] });

    // A second lump sum is refused on either device, with the first's receipt — though the book still shows 170.
    for (const device of [counter1, counter2]) {
      const again = (await device.core.invoke('contributions.quote', shortfall(p.id, 170, 10), device.token)) as Refusal;
      expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'method' } });
      expect(again.error.message).toContain(receipt.label);
    }
  });
});
