// Shared inputs of the law's table tests: the shipped schedule, a person with no special facts,
// the commune statuses of the shipped admin units (Phú Quốc, commune 31078, a special zone), and a
// schedule with a province's top-ups added (no province's resolution is confirmed, so the shipped
// schedule has none: tests bring their own, as a central would publish them).
import { expect } from 'vitest';
import rates from '../../../resources/reference/contribution-rates.json';
import { OfficeError } from '../../../src/shared/contract/errors';
import { type QuotePerson, type QuoteQuestion, computeQuote } from '../../../src/shared/domain/contribution-quote';
import { parseSchedule, type ReferenceSchedule } from '../../../src/shared/domain/reference-schedule';
import type { CommuneStatus, SupportFacts } from '../../../src/shared/domain/support-facts';

export const schedule = parseSchedule(rates);

export const PHU_QUOC = '31078';
export const statuses: CommuneStatus[] = [{ communeCode: PHU_QUOC, kind: 'special-zone', from: '2025-07-01', to: null, source: 'Nghị quyết 1667/NQ-UBTVQH15' }];

export const noFacts: SupportFacts = { poverty: null, ethnicity: 'Kinh', communeCode: '00004', student: false, agriAverage: false };

export function person(facts: Partial<SupportFacts> = {}, over: Partial<Omit<QuotePerson, 'facts'>> = {}): QuotePerson {
  return { dateOfBirth: '1980-05-10', sex: 'male', provinceCode: '01', facts: { ...noFacts, ...facts }, ...over };
}

export function quote(q: Partial<QuoteQuestion>, using: ReferenceSchedule = schedule) {
  return computeQuote(using, {
    scheme: 'VSI',
    paidOn: '2025-08-05',
    fromMonth: '2025-08',
    months: 1,
    method: 'monthly',
    incomeBasis: 1_500_000,
    memberPosition: null,
    person: person(),
    communeStatuses: statuses,
    supportedMonthsUsed: 0,
    participantId: '0190a000-0000-7000-8000-000000000001',
    ...q,
  });
}

/** The shipped schedule with Hà Nội's (01) top-ups as a test publishes them. */
export function withTopUps(topUps: NonNullable<ReferenceSchedule['provincialTopUps']>): ReferenceSchedule {
  return parseSchedule({ ...rates, version: 'test-top-ups', provincialTopUps: topUps });
}

/** The contract's VALIDATION error a rule raised: its field and both texts. */
export function refusal(run: () => unknown): { field: string | undefined; vi: string; en: string } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof OfficeError)) throw error;
    expect(error.code).toBe('VALIDATION');
    return { field: error.field, vi: error.message, en: error.messageEn };
  }
  throw new Error('expected a refusal');
}
