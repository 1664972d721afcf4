// Every reference value the shipped schedule does not confirm (`confirmed: false`) is provisional on
// each quote that uses it, marked beside its figure in the breakdown, and no longer provisional once
// a schedule confirming it is published (issue 23 item 7; docs/law/worked-cases.md, cases P1–P7).
// A value marked unconfirmed later without a case here fails the first test.
import { describe, expect, it } from 'vitest';
import rates from '../../../resources/reference/contribution-rates.json';
import type { QuoteQuestion } from '../../../src/shared/domain/contribution-quote';
import { parseSchedule, type ReferenceSchedule } from '../../../src/shared/domain/reference-schedule';
import { provisionalKeys } from '../../../src/shared/domain/schedule-values';
import { person, quote } from './law-fixtures';

interface Case {
  id: string;
  /** The series in the schedule (dotted path) and the entry's first day. */
  path: string;
  from: string;
  what: string;
  /** A quote that uses the value, and the breakdown key (a line value, or `kind:…`) that shows it. */
  question: Partial<QuoteQuestion>;
  shownAs: string;
}

const shortfallMan = person({}, { dateOfBirth: '1960-01-10', sex: 'male' });
const CASES: Case[] = [
  {
    id: 'P1 the rural poverty line (Decree 07/2021, 2022–2025; still applied, not confirmed beyond)',
    path: 'ruralPovertyLine',
    from: '2022-01-01',
    what: 'chuẩn nghèo khu vực nông thôn',
    question: { paidOn: '2026-03-02', fromMonth: '2026-03' },
    shownAs: 'povertyLine',
  },
  {
    id: 'P2 the fund’s monthly return r for 2025 (a placeholder), in a future lump sum paid in 2025',
    path: 'vsi.lumpSumMonthlyReturn',
    from: '2025-01-01',
    what: 'lãi suất đầu tư quỹ',
    question: { paidOn: '2025-08-05', fromMonth: '2025-08', months: 24, method: 'lump-sum-future' },
    shownAs: 'monthlyReturn',
  },
  {
    id: 'P3 r for 2026 (a placeholder), in a future lump sum paid in 2026',
    path: 'vsi.lumpSumMonthlyReturn',
    from: '2026-01-01',
    what: 'lãi suất đầu tư quỹ',
    question: { paidOn: '2026-03-02', fromMonth: '2026-03', months: 24, method: 'lump-sum-future' },
    shownAs: 'discountFactor',
  },
  {
    id: 'P4 the late-month treatment (Circular 01/2016, not checked against Decree 159/2025)',
    path: 'vsi.arrears',
    from: '2016-01-01',
    what: 'cách tính tháng chậm đóng',
    question: { paidOn: '2026-05-05', fromMonth: '2026-03' },
    shownAs: 'kind:arrears',
  },
  {
    id: 'P5 the lump sum for missing years under the 2014 law (no support inside it: not confirmed)',
    path: 'vsi.shortfall',
    from: '2016-01-01',
    what: 'đóng một lần cho những năm còn thiếu',
    question: { paidOn: '2025-03-10', fromMonth: '2025-03', months: 10, method: 'lump-sum-shortfall', contributedMonths: 230, person: shortfallMan },
    shownAs: 'kind:shortfall',
  },
  {
    id: 'P6 the lump sum for missing years under Law 41/2024 and Decree 159/2025 (no support inside it: not confirmed)',
    path: 'vsi.shortfall',
    from: '2025-07-01',
    what: 'đóng một lần cho những năm còn thiếu',
    question: { paidOn: '2026-03-10', fromMonth: '2026-03', months: 10, method: 'lump-sum-shortfall', contributedMonths: 170, person: shortfallMan },
    shownAs: 'kind:shortfall',
  },
  {
    id: 'P7 r inside the lump sum for missing years (Decree 159/2025 art. 7)',
    path: 'vsi.lumpSumMonthlyReturn',
    from: '2026-01-01',
    what: 'lãi suất đầu tư quỹ',
    question: { paidOn: '2026-03-10', fromMonth: '2026-03', months: 10, method: 'lump-sum-shortfall', contributedMonths: 170, person: shortfallMan },
    shownAs: 'interestFactor',
  },
];

type Entry = { from: string; confirmed?: boolean };

/** Every series entry of a schedule body, by dotted path. */
function entries(body: unknown, path = ''): { path: string; entry: Entry }[] {
  if (Array.isArray(body)) return body.every((e) => e && typeof e === 'object' && 'from' in e) ? body.map((entry: Entry) => ({ path, entry })) : [];
  if (body && typeof body === 'object') return Object.entries(body).flatMap(([k, v]) => (k === 'retirementAge' ? [] : entries(v, path ? `${path}.${k}` : k)));
  return [];
}

/** The shipped schedule with one entry confirmed, as the central would publish it. */
function confirming(c: Case): ReferenceSchedule {
  const body = structuredClone(rates) as Record<string, unknown>;
  const found = entries(body).find((e) => e.path === c.path && e.entry.from === c.from)!;
  found.entry.confirmed = true;
  return parseSchedule({ ...body, version: `${rates.version}+confirmed` });
}

describe('provisional reference values', () => {
  it('every unconfirmed value of the shipped schedule has its case', () => {
    const unconfirmed = entries(rates)
      .filter((e) => e.entry.confirmed === false)
      .map((e) => `${e.path}@${e.entry.from}`);
    expect(new Set(unconfirmed)).toEqual(new Set(CASES.map((c) => `${c.path}@${c.from}`)));
  });

  it.each(CASES)('$id: provisional on the quote and in the breakdown, replaced by a published schedule', (c) => {
    const q = quote(c.question);
    expect(q.provisional).toContainEqual(expect.objectContaining({ what: c.what, from: c.from }));
    // The breakdown marks the figure (or the line's kind) that comes from it.
    expect(provisionalKeys(q.provisional).has(c.shownAs)).toBe(true);
    const shown = c.shownAs.startsWith('kind:') ? q.lines.some((l) => `kind:${l.kind}` === c.shownAs) : q.lines.some((l) => c.shownAs in l.values);
    expect(shown).toBe(true);

    const published = quote(c.question, confirming(c));
    expect(published.provisional).not.toContainEqual(expect.objectContaining({ what: c.what, from: c.from }));
    expect(published.total).toBe(q.total);
  });
});
