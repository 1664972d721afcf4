// The support category the central derives for a person, as the offices do: from the facts on
// its record of the (canonical) person — certificate, ethnicity, commune (with the commune
// statuses of the newest units version), student, farming household — by the same rules (support-facts.ts) and the schedule
// in force on the payment date; a record from an office of an older release keeps its one category.
import { chosenCategory } from '../../shared/domain/contribution-lines';
import { entryOn, type ReferenceSchedule } from '../../shared/domain/reference-schedule';
import { type SupportFacts, supportBasis } from '../../shared/domain/support-facts';
import { newestCommuneStatuses } from './commune-statuses';
import type { OpContext, PersonSupport } from './op-context';

/** What the central keeps of a person's support facts (or, from an office of an older release, its one category). */
export const supportFactsOfData = (data: Record<string, unknown>): PersonSupport => ({
  facts: {
    poverty: (data.poverty as SupportFacts['poverty'] | undefined) ?? null,
    ethnicity: typeof data.ethnicity === 'string' ? data.ethnicity : 'Kinh',
    communeCode: typeof data.communeCode === 'string' ? data.communeCode : '',
    student: data.student === true,
    agriAverage: data.agriAverage === true,
  },
  category: typeof data.supportCategory === 'string' ? data.supportCategory : null,
  dateOfBirth: typeof data.dateOfBirth === 'string' ? data.dateOfBirth : '',
  sex: data.sex === 'female' ? 'female' : 'male',
  provinceCode: typeof data.provinceCode === 'string' ? data.provinceCode : '',
});

/** The central's record of a (canonical) person, as the rules read it (kept in the batch's cache). */
export async function centralPerson(ctx: OpContext, personId: string): Promise<PersonSupport> {
  let support = ctx.cache?.supportOf.get(personId);
  if (support === undefined) {
    const row = await ctx.trx.selectFrom('persons').select('data').where('id', '=', personId).executeTakeFirst();
    const data = (typeof row?.data === 'string' ? JSON.parse(row.data) : (row?.data ?? {})) as Record<string, unknown>;
    support = supportFactsOfData(data);
    ctx.cache?.supportOf.set(personId, support);
  }
  return support;
}

/**
 * The support category the central's record of a (canonical) person gives in a scheme on a payment
 * date: derived from its facts with the same rules as the office (support-facts.ts), the highest
 * share of the schedule in force; an older office's single category as it was sent.
 */
export async function centralSupportCategory(
  ctx: OpContext,
  personId: string,
  schedule: ReferenceSchedule,
  scheme: 'VSI' | 'HHI',
  paidOn: string,
): Promise<string> {
  const support = await centralPerson(ctx, personId);
  if (support.category !== null) return support.category;
  if (ctx.cache && ctx.cache.communeStatuses === null) ctx.cache.communeStatuses = await newestCommuneStatuses(ctx.trx);
  const statuses = ctx.cache?.communeStatuses ?? (await newestCommuneStatuses(ctx.trx));
  const categories = supportBasis(support.facts, statuses, scheme, paidOn).applies.map((a) => a.category);
  const statePaid = scheme === 'HHI' ? (entryOn(schedule.hhi.statePaid ?? [], paidOn)?.value ?? []) : [];
  const paidByState = categories.find((c) => statePaid.includes(c));
  if (paidByState) return paidByState;
  const table = entryOn(scheme === 'VSI' ? schedule.vsi.supportShares : schedule.hhi.supportShares, paidOn)?.value ?? {};
  return chosenCategory(table, categories);
}
