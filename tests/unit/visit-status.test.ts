// The visit list's status rules at their boundaries (issue 21 item 8): each VSI method on its
// deadline day and the day after, a household HI card expiring in 30 and in 31 days, on its last
// day and the day after, enrolled but never paid, in no scheme, and a promise on its date.
import { describe, expect, it } from 'vitest';
import { daysBetween, hhiStanding, type PersonFacts, visitStanding, vsiStanding } from '../../src/shared/domain/visit-status';

const none: PersonFacts = { vsi: null, hhi: null, coveredElsewhere: false, promisedOn: null };

function vsi(method: NonNullable<PersonFacts['vsi']>['method'], paidThrough: string | null, fromMonth = '2025-01'): PersonFacts {
  return { ...none, vsi: { method, fromMonth, paidThrough } };
}

function hhi(paidThrough: string | null, method: 'quarterly' | 'semiannual' | 'annual' = 'annual'): PersonFacts {
  return { ...none, hhi: { method, fromMonth: '2025-01', paidThrough } };
}

describe('VSI: due until the deadline of the first unpaid period, overdue the day after', () => {
  it.each([
    // method, paid through, deadline day, the first day of the period
    ['monthly', '2026-02', '2026-03-31', '2026-03-01'],
    ['quarterly', '2025-12', '2026-03-31', '2026-01-01'],
    ['semiannual', '2025-12', '2026-04-30', '2026-01-01'],
    ['annual', '2025-12', '2026-07-31', '2026-01-01'],
  ] as const)('%s paid through %s: due on %s, overdue the day after', (method, paid, deadline, first) => {
    expect(visitStanding(vsi(method, paid), first).statuses).toEqual(['vsi-due']);
    expect(visitStanding(vsi(method, paid), deadline).statuses).toEqual(['vsi-due']);
    const dayAfter = new Date(Date.parse(`${deadline}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(visitStanding(vsi(method, paid), dayAfter).statuses).toEqual(['vsi-overdue']);
  });

  it('is nothing while the next unpaid month is after this month', () => {
    expect(visitStanding(vsi('monthly', '2026-03'), '2026-03-31').statuses).toEqual([]);
    expect(visitStanding(vsi('quarterly', '2026-06'), '2026-04-15').statuses).toEqual([]);
    expect(vsiStanding({ method: 'annual', fromMonth: '2025-01', paidThrough: '2026-12' }, '2026-08-01')).toBeNull();
  });

  it('counts the months due today as the late periods and the period holding today', () => {
    // Monthly, paid through January, 5 April: February and March late, April on time.
    expect(vsiStanding({ method: 'monthly', fromMonth: '2025-01', paidThrough: '2026-01' }, '2026-04-05')).toEqual({
      method: 'monthly',
      nextFrom: '2026-02',
      deadline: '2026-02-28',
      monthsDue: 3,
    });
    // Quarterly, paid through December, 10 April: January–March late, April–June the current quarter.
    expect(vsiStanding({ method: 'quarterly', fromMonth: '2025-01', paidThrough: '2025-12' }, '2026-04-10')?.monthsDue).toBe(6);
    // Annual, due in its window: one year.
    expect(vsiStanding({ method: 'annual', fromMonth: '2025-01', paidThrough: '2025-12' }, '2026-07-31')?.monthsDue).toBe(12);
  });

  it('falls back to monthly deadlines once a lump sum paid ahead has run out', () => {
    expect(visitStanding(vsi('lump-sum-future', '2026-02'), '2026-03-31').statuses).toEqual(['vsi-due']);
    expect(visitStanding(vsi('lump-sum-future', '2026-02'), '2026-04-01').statuses).toEqual(['vsi-overdue']);
  });

  it('starts an enrollment that was never paid at its first month, and says so', () => {
    const facts = vsi('monthly', null, '2026-03');
    expect(visitStanding(facts, '2026-02-28').statuses).toEqual([]);
    expect(visitStanding(facts, '2026-03-01').statuses).toEqual(['never-paid']);
    expect(vsiStanding(facts.vsi!, '2026-05-02')).toEqual({ method: 'monthly', nextFrom: '2026-03', deadline: '2026-03-31', monthsDue: 3 });
  });
});

describe('household HI: expiring within 30 days of the last valid day, expired the day after', () => {
  // Paid through March 2026: the card is valid to 31 March.
  it('is expiring when the card ends in 30 days, and nothing when it ends in 31', () => {
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(visitStanding(hhi('2026-03'), '2026-03-01').statuses).toEqual(['hhi-expiring']);
    expect(visitStanding(hhi('2026-03'), '2026-02-28').statuses).toEqual([]);
    expect(hhiStanding(hhi('2026-03').hhi!, '2026-02-28').daysLeft).toBe(31);
  });

  it('is expiring on its last valid day and expired the day after', () => {
    expect(visitStanding(hhi('2026-03'), '2026-03-31').statuses).toEqual(['hhi-expiring']);
    expect(visitStanding(hhi('2026-03'), '2026-04-01').statuses).toEqual(['hhi-expired']);
  });

  it('prices a renewal from the month after the card, or from this month once it lapsed', () => {
    expect(hhiStanding(hhi('2026-03', 'semiannual').hhi!, '2026-03-10')).toMatchObject({ nextFrom: '2026-04', monthsDue: 6, validTo: '2026-03-31' });
    expect(hhiStanding(hhi('2026-03').hhi!, '2026-06-10')).toMatchObject({ nextFrom: '2026-06', monthsDue: 12, daysLeft: -71 });
  });

  it('says never paid for an enrolled member without a payment', () => {
    expect(visitStanding(hhi(null), '2026-03-01').statuses).toEqual(['never-paid']);
  });
});

describe('people in no scheme and promises', () => {
  it('marks a person in no scheme, unless the household says another scheme insures them', () => {
    expect(visitStanding(none, '2026-03-01').statuses).toEqual(['no-scheme']);
    expect(visitStanding({ ...none, coveredElsewhere: true }, '2026-03-01').statuses).toEqual([]);
  });

  it('brings a promise back on its date while something is owed, not the day before and not once paid', () => {
    const promised = { ...vsi('monthly', '2026-02'), promisedOn: '2026-03-20' };
    expect(visitStanding(promised, '2026-03-19').statuses).toEqual(['vsi-due']);
    expect(visitStanding(promised, '2026-03-20').statuses).toEqual(['promise-due', 'vsi-due']);
    expect(visitStanding({ ...promised, vsi: { ...promised.vsi!, paidThrough: '2026-03' } }, '2026-03-20').statuses).toEqual([]);
  });

  it('lists several statuses most pressing first', () => {
    const both: PersonFacts = {
      ...none,
      vsi: { method: 'monthly', fromMonth: '2025-01', paidThrough: '2026-01' },
      hhi: { method: 'annual', fromMonth: '2025-01', paidThrough: '2026-03' },
    };
    expect(visitStanding(both, '2026-03-15').statuses).toEqual(['vsi-overdue', 'hhi-expiring']);
  });
});
