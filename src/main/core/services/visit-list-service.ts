// The visit list (issue 21 item 2): the people of the officer's area who owe something or take
// part in no scheme, each with their statuses, what they owe today as the counter would quote it
// (buildQuote, the counter's own calculator, for the page shown), and their last visit. Ordered
// commune → hamlet → household, a promise due today brought to the top with its household; filtered
// by status and hamlet; searched without accents. Reads only this device's store: it works offline.
import type { PaymentMethod } from '../../../shared/contract/contribution';
import { OfficeError } from '../../../shared/contract/errors';
import { NO_HAMLET, type VisitListInput, type VisitListOutput, type VisitPerson } from '../../../shared/contract/field';
import { businessDate } from '../../../shared/domain/business-date';
import { foldName } from '../../../shared/domain/name-folding';
import { type VisitStatus, visitStatuses } from '../../../shared/domain/visit-status';
import type { Caller, CoreContext } from '../core-context';
import type { HamletsTable } from '../db/schema';
import { type AreaPerson, inArea } from './area-picture';
import { type KeptPicture, keptAreaPicture } from './area-picture-cache';
import { inListOrder } from './visit-list-order';
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

/** People of the area matching the filters, in the list's order (all of them: the page is cut after). */
export async function orderedPeople(
  ctx: CoreContext,
  caller: Caller,
  input: Pick<ListInput, 'communeCodes' | 'hamlet' | 'asOf' | 'statuses' | 'query' | 'includeClosed'>,
) {
  const asOf = input.asOf ?? businessDate(ctx.clock.now());
  const { area, communes } = await communesFor(ctx, caller, input.communeCodes);
  const picture = communes.length === 0 ? null : await keptAreaPicture(ctx, communes, asOf);
  if (picture === null) return { asOf, counts: emptyCounts(), people: [], hamlets: new Map<string, HamletsTable>(), picture };
  const words = input.query ? foldName(input.query).split(' ').filter(Boolean) : [];
  const wanted = new Set<VisitStatus>(input.statuses && input.statuses.length > 0 ? input.statuses : visitStatuses);
  const key = JSON.stringify([area, input.hamlet ?? null, [...wanted].sort(), words, input.includeClosed === true]);
  const listed = picture.lists.get(key);
  if (listed) return { asOf, counts: { ...listed.counts }, people: listed.people, hamlets: picture.hamlets, picture };
  // Each word starts a word of the person's text (name, address, hamlet, personal ID, phone).
  const inPlace = picture.people.filter(
    (p) =>
      inArea(area, p) &&
      (input.hamlet === undefined || (input.hamlet === NO_HAMLET ? p.placedIn === null : p.placedIn === input.hamlet)) &&
      (input.includeClosed || !p.closed),
  );
  // "All" counts whom the list can show: people with something to visit them for.
  const counts = emptyCounts();
  for (const p of inPlace) {
    if (p.standing.statuses.length > 0) counts.all!++;
    for (const s of p.standing.statuses) counts[s]!++;
  }
  const matching = new Set(
    inPlace.filter((p) => {
      if (!p.standing.statuses.some((s) => wanted.has(s))) return false;
      if (words.length === 0) return true;
      const tokens = picture.words(p);
      return words.every((w) => tokens.some((t) => t.startsWith(w)));
    }),
  );
  const everyone = matching.size === picture.people.length;
  const people = inListOrder(picture.households(), everyone ? () => true : (p) => matching.has(p), picture.hamletRanks());
  if (picture.lists.size >= KEPT_LISTS) picture.lists.delete(picture.lists.keys().next().value!);
  picture.lists.set(key, { counts: { ...counts }, people });
  return { asOf, counts, people, hamlets: picture.hamlets, picture };
}

/** Lists kept per picture (each an array of references into it). */
const KEPT_LISTS = 16;

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

/** What a person owes today, asked of the counter's quote once per kept picture (the picture's writes would change it). */
export async function keptAmountsDue(ctx: CoreContext, p: AreaPerson, asOf: string, picture: KeptPicture | null): Promise<VisitPerson['due']> {
  const known = picture?.amounts.get(p.id);
  if (known) return known.map((d) => ({ ...d }));
  const due = await amountsDue(ctx, p, asOf);
  picture?.amounts.set(
    p.id,
    due.map((d) => ({ ...d })),
  );
  return due;
}

export async function toVisitPerson(ctx: CoreContext, p: AreaPerson, asOf: string, priced: boolean, picture: KeptPicture | null = null): Promise<VisitPerson> {
  const due = priced ? await keptAmountsDue(ctx, p, asOf, picture) : [];
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
  const { asOf, counts, people, picture } = await orderedPeople(ctx, caller, input);
  const page = people.slice(offset, offset + limit);
  const items: VisitPerson[] = [];
  for (const p of page) items.push(await toVisitPerson(ctx, p, asOf, true, picture));
  return { asOf, total: people.length, counts, items, offset };
}
