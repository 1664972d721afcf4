// The visit list (issue 21 item 2): the people of the officer's area who owe something or take
// part in no scheme, each with their statuses, what they owe today as the counter would quote it
// (buildQuote, the counter's own calculator, for the page shown), and their last visit. Ordered
// commune → hamlet → household, a promise due today brought to the top with its household; filtered
// by status and hamlet; searched without accents. Reads only this device's store: it works offline.
// A page is one read of the commune's facts kept in the store (visit-facts.ts, ADR 0039), the
// order and counts made from it (visit-list-order.ts); only the page's people are read whole and priced.
import type { PaymentMethod } from '../../../shared/contract/contribution';
import { OfficeError } from '../../../shared/contract/errors';
import { NO_HAMLET, type VisitListInput, type VisitListOutput, type VisitPerson } from '../../../shared/contract/field';
import { businessDate } from '../../../shared/domain/business-date';
import { foldName } from '../../../shared/domain/name-folding';
import { HHI_EXPIRY_WARNING_DAYS, type VisitStatus, visitStatuses } from '../../../shared/domain/visit-status';
import type { Caller, CoreContext } from '../core-context';
import { hamletsOfCommunes, listAssignments } from '../db/repositories/hamlets-repository';
import { listStaff } from '../db/repositories/staff-repository';
import { type FactsQuery, placedFacts, STATUS_BITS } from '../db/repositories/visit-facts-repository';
import type { HamletsTable } from '../db/schema';
import { type AreaPerson, areaPeople } from './area-picture';
import { addDays, amountMemo, freshFacts, hamletRanksOf } from './visit-facts';
import { listFacts } from './visit-list-order';
import { buildQuote } from './contribution-service';
import { areaOf } from './field-area';

type ListInput = Omit<VisitListInput, 'offset' | 'limit'> & { offset?: number; limit?: number };

/** The communes asked for, checked against the caller's area; a field officer's own area when none are named. */
export async function communesFor(ctx: CoreContext, caller: Caller, asked: readonly string[] | undefined) {
  const area = await areaOf(ctx.db, caller);
  if (asked && asked.length > 0) {
    if (area !== null) {
      const outside = asked.filter((c) => !area.some((p) => p.communeCode === c));
      if (outside.length > 0) {
        throw new OfficeError('FORBIDDEN', {
          field: 'communeCodes',
          vi: `Xã/phường ${outside.join(', ')} không thuộc địa bàn được giao cho bạn.`,
          en: `Commune ${outside.join(', ')} is not in the area assigned to you.`,
        });
      }
    }
    return { area, communes: [...new Set(asked)] };
  }
  if (area === null) {
    throw new OfficeError('VALIDATION', { field: 'communeCodes', vi: 'Chọn xã/phường cần xem.', en: 'Choose the commune to show.' });
  }
  return { area, communes: [...new Set(area.map((p) => p.communeCode))] };
}

/** The list's query on the kept facts (brought up to date first) for these filters. */
async function factsQuery(
  ctx: CoreContext,
  caller: Caller,
  input: Pick<ListInput, 'communeCodes' | 'hamlet' | 'asOf' | 'includeClosed'>,
): Promise<{ query: FactsQuery; hamletRows: HamletsTable[] }> {
  const asOf = input.asOf ?? businessDate(ctx.clock.now());
  const { area, communes } = await communesFor(ctx, caller, input.communeCodes);
  await freshFacts(ctx.db, communes);
  const hamletRows = await hamletsOfCommunes(ctx.db, communes);
  const query: FactsQuery = {
    communes,
    area,
    hamlet: input.hamlet === undefined ? undefined : input.hamlet === NO_HAMLET ? null : input.hamlet,
    includeClosed: input.includeClosed === true,
    asOf,
    expiringBy: addDays(asOf, HHI_EXPIRY_WARNING_DAYS),
    ranks: hamletRanksOf(hamletRows),
  };
  return { query, hamletRows };
}

/** The statuses asked for as the facts' bits (none asked: all of them). */
function wantedBits(statuses: readonly VisitStatus[] | undefined): number {
  return (statuses && statuses.length > 0 ? statuses : visitStatuses).reduce((bits, s) => bits | STATUS_BITS[s], 0);
}

/** The search's folded words: each must start a word of the person's text (name, address, hamlet, personal ID, phone). */
const searchWords = (query: string | undefined) => (query ? foldName(query).split(' ').filter(Boolean) : []);

/** These people read whole and judged on the day, in the order of `ids`. */
async function peopleInOrder(ctx: CoreContext, ids: readonly string[], hamletRows: HamletsTable[], communes: readonly string[], asOf: string) {
  if (ids.length === 0) return [];
  const read = await areaPeople(ctx, ids.length <= PEOPLE_BY_ID ? { people: ids } : { communes }, hamletRows, asOf);
  const byId = new Map(read.map((p) => [p.id, p]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** People read by id (more: the communes are read whole and picked from). */
const PEOPLE_BY_ID = 2000;

/** People of the area matching the filters, in the list's order (all of them: a route sheet, reminders). */
export async function orderedPeople(
  ctx: CoreContext,
  caller: Caller,
  input: Pick<ListInput, 'communeCodes' | 'hamlet' | 'asOf' | 'statuses' | 'query' | 'includeClosed'>,
) {
  const { query, hamletRows } = await factsQuery(ctx, caller, input);
  const hamlets = new Map(hamletRows.map((h) => [h.id, h]));
  if (query.communes.length === 0) return { asOf: query.asOf, people: [] as AreaPerson[], hamlets };
  const page = listFacts(await placedFacts(ctx.db, query, searchWords(input.query)), wantedBits(input.statuses), query.ranks, 0, null);
  return { asOf: query.asOf, people: await peopleInOrder(ctx, page.ids, hamletRows, query.communes, query.asOf), hamlets };
}

/** "All" and every status at 0. */
function emptyCounts(): Record<string, number> {
  const counts: Record<string, number> = { all: 0 };
  for (const s of visitStatuses) counts[s] = 0;
  return counts;
}

/** What a person owes today, by scheme, priced by the counter's own quote. */
export async function amountsDue(ctx: CoreContext, p: AreaPerson, asOf: string): Promise<VisitPerson['due']> {
  const due: VisitPerson['due'] = [];
  const st = p.standing;
  const vsiOwed = st.vsi && p.enrolled.VSI && (st.statuses.includes('vsi-due') || st.statuses.includes('vsi-overdue') || st.statuses.includes('never-paid'));
  const hhiOwed =
    st.hhi &&
    p.enrolled.HHI &&
    (st.statuses.includes('hhi-expired') || st.statuses.includes('hhi-expiring') || (st.statuses.includes('never-paid') && st.hhi.daysLeft === null));
  const ask: { scheme: 'VSI' | 'HHI'; method: PaymentMethod; fromMonth: string; months: number; deadline: string | null }[] = [];
  if (vsiOwed && st.vsi) ask.push({ scheme: 'VSI', method: st.vsi.method, fromMonth: st.vsi.nextFrom, months: st.vsi.monthsDue, deadline: st.vsi.deadline });
  if (hhiOwed && st.hhi) ask.push({ scheme: 'HHI', method: st.hhi.method, fromMonth: st.hhi.nextFrom, months: st.hhi.monthsDue, deadline: st.hhi.validTo });
  for (const { method, ...a } of ask) {
    try {
      const quote = await buildQuote(ctx, ctx.db, { participantId: p.id, scheme: a.scheme, method, fromMonth: a.fromMonth, months: a.months, paidOn: asOf });
      due.push({ ...a, method, total: quote.total, problem: null, problemEn: null });
    } catch (error) {
      if (!(error instanceof OfficeError)) throw error;
      // The counter would refuse it too (age, a record to correct …): say why instead of an amount.
      due.push({ ...a, method, total: null, problem: error.message, problemEn: error.messageEn });
    }
  }
  return due;
}

/** What a person owes today, asked of the counter's quote once while nothing about them is written (visit-facts.ts `amountMemo`). */
export async function keptAmountsDue(ctx: CoreContext, p: AreaPerson, asOf: string): Promise<VisitPerson['due']> {
  const memo = amountMemo(ctx.db, asOf);
  const known = memo.amounts.get(p.id);
  if (known) return known.map((d) => ({ ...d }));
  const generation = memo.generation;
  const due = await amountsDue(ctx, p, asOf);
  if (memo.generation === generation && memo.asOf === asOf)
    memo.amounts.set(
      p.id,
      due.map((d) => ({ ...d })),
    );
  return due;
}

export async function toVisitPerson(ctx: CoreContext, p: AreaPerson, asOf: string, priced: boolean): Promise<VisitPerson> {
  const due = priced ? await keptAmountsDue(ctx, p, asOf) : [];
  const v = p.lastVisit;
  return {
    participantId: p.id,
    fullName: p.fullName,
    dateOfBirth: p.dateOfBirth,
    personalId: p.personalId,
    phone: p.phone,
    addressLine: p.addressLine,
    communeCode: p.communeCode,
    hamletId: p.placedIn,
    householdId: p.householdId,
    householdHead: p.householdId ? p.householdHead : null,
    position: p.householdId ? p.position : null,
    statuses: [...p.standing.statuses],
    vsiPaidThrough: p.paid.VSI,
    hhiValidTo: p.standing.hhi?.validTo ?? null,
    due,
    totalDue: due.reduce((n, d) => n + (d.total ?? 0), 0),
    lastVisit: v
      ? {
          id: v.id,
          outcome: v.outcome,
          visitedOn: v.visitedOn,
          promisedOn: v.promisedOn,
          declineReason: v.declineReason,
          note: v.note,
          staffName: v.staffName,
          forHousehold: v.forHousehold,
        }
      : null,
    closed: p.closed,
  };
}

export async function visitList(ctx: CoreContext, caller: Caller, input: ListInput): Promise<VisitListOutput> {
  const offset = input.offset ?? 0;
  const limit = input.limit ?? 100;
  const { query, hamletRows } = await factsQuery(ctx, caller, input);
  if (query.communes.length === 0) return { asOf: query.asOf, total: 0, counts: emptyCounts(), items: [], offset };
  const { counts, total, ids } = listFacts(await placedFacts(ctx.db, query, searchWords(input.query)), wantedBits(input.statuses), query.ranks, offset, limit);
  const items: VisitPerson[] = [];
  for (const p of await peopleInOrder(ctx, ids, hamletRows, query.communes, query.asOf)) items.push(await toVisitPerson(ctx, p, query.asOf, true));
  return { asOf: query.asOf, total, counts, items, offset };
}

/** First pages priced ahead at most (officers × communes of their areas): the keeper's work stays bounded. */
const PRICED_AHEAD_AT_MOST = 10;

/**
 * The first page of each commune of each field officer's area on this device, listed as the
 * officer's list opens it, so its ~100 amounts are asked of the counter's quote and kept
 * (`amountMemo`) before the officer's first list after the app starts (the facts keeper calls it
 * between calls; ADR 0039). `stopped` ends it early when the app closes.
 */
export async function priceFirstPages(ctx: CoreContext, stopped: () => boolean = () => false): Promise<void> {
  const assigned = new Set((await listAssignments(ctx.db)).map((a) => a.username));
  let pages = 0;
  for (const s of await listStaff(ctx.db)) {
    if (s.role !== 'field' || s.active !== 1 || !assigned.has(s.username)) continue;
    const caller: Caller = { token: undefined, staffId: s.id, role: 'field' };
    for (const communeCode of new Set(((await areaOf(ctx.db, caller)) ?? []).map((p) => p.communeCode))) {
      if (stopped() || pages++ >= PRICED_AHEAD_AT_MOST) return;
      await visitList(ctx, caller, { communeCodes: [communeCode] });
    }
  }
}
