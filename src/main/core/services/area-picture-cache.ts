// The area's picture kept between calls (issue 21 item 2, ADR 0034). Reading and computing a
// commune of 20 000 people is most of what a visit list costs; paging, a filter, a hamlet or a
// search over the same commune on the same day need none of it again. A picture is kept with the
// store's field change counter (migration 0028: a trigger raises it on every write to a table the
// list or the counter's quote reads) and served only while the counter has not moved and the day
// is the same; with it are kept what is derived from it once — each person's search words, the
// hamlets' order and the amounts the counter's quote gave — so they share its lifetime exactly.
// The counter is read before the picture: a write landing between the two makes the picture newer
// than its counter says, which only costs a recomputation on the next call, never a stale answer.
import type { Kysely } from 'kysely';
import type { VisitPerson } from '../../../shared/contract/field';
import { hamletLabel } from '../../../shared/domain/hamlets';
import { foldName } from '../../../shared/domain/name-folding';
import type { CoreContext } from '../core-context';
import { type AppendMarks, appendedSince, appendMarks, fieldChangeCount, peopleAround } from '../db/repositories/visit-list-repository';
import type { Database, HamletsTable } from '../db/schema';
import { type AreaPerson, type AreaPicture, areaPeople, areaPicture, searchText } from './area-picture';
import { type Household, orderedHouseholds, withPeople } from './visit-list-order';

/** Pictures kept per store: a supervisor flips between a few communes; each is ~20 MB for 20 000 people. */
const KEPT = 3;

export interface KeptPicture extends AreaPicture {
  /** The person's folded search words (name, address, hamlet, personal ID, phone), made once. */
  words(person: AreaPerson): string[];
  /** Each hamlet's place in the list's order ("Thôn 2" before "Thôn 10"), made once. */
  hamletRanks(): Map<string, number>;
  /** The picture's households in the list's order (visit-list-order.ts), made once. */
  households(): Household[];
  /** What the counter's quote gave for a person today, once asked (visit-list-service.ts). */
  readonly amounts: Map<string, VisitPerson['due']>;
  /** Lists already ordered from this picture, by their filters (a page turned, a filter set back). */
  readonly lists: Map<string, { counts: Record<string, number>; people: AreaPerson[] }>;
}

interface Kept {
  key: string;
  communes: readonly string[];
  count: number;
  marks: AppendMarks;
  picture: Internal;
}

/** A kept picture, and what one brought up to date from it takes over. */
interface Internal extends KeptPicture {
  carried(): Carried;
}

/** Rows added since a picture was kept beyond which it is read whole again (a sync pull, a day's batch). */
const BRING_UP_TO_DATE_AT_MOST = 500;

const kept = new WeakMap<Kysely<Database>, Kept[]>();

const hamletCollator = new Intl.Collator('vi', { numeric: true });

/** What a picture brought up to date takes over from the one before: all but what is about the people read again. */
interface Carried {
  words: Map<string, string[]>;
  ranks: Map<string, number> | null;
  households: Household[] | null;
  amounts: Map<string, VisitPerson['due']>;
}

function keep(picture: AreaPicture, carried?: Carried): Internal {
  const words = carried?.words ?? new Map<string, string[]>();
  const amounts = carried?.amounts ?? new Map<string, VisitPerson['due']>();
  let ranks = carried?.ranks ?? null;
  let households = carried?.households ?? null;
  const hamletRanks = () => (ranks ??= hamletRanksOf(picture.hamlets));
  return {
    ...picture,
    amounts,
    lists: new Map(),
    words(person) {
      let w = words.get(person.id);
      if (!w) {
        w = searchText(person, picture.hamlets).split(' ');
        words.set(person.id, w);
      }
      return w;
    },
    hamletRanks,
    households() {
      households ??= orderedHouseholds(picture.people, hamletRanks());
      return households;
    },
    carried: () => ({ words, ranks, households, amounts: new Map(amounts) }),
  };
}

/** Hamlets' labels in the list's order, compared once per hamlet, not once per pair of households. */
function hamletRanksOf(hamlets: Map<string, HamletsTable>): Map<string, number> {
  const labels = [...hamlets.values()].map((h) => ({ id: h.id, label: foldName(hamletLabel(h)) }));
  labels.sort((a, b) => hamletCollator.compare(a.label, b.label));
  return new Map(labels.map((h, i) => [h.id, i]));
}

/**
 * The kept picture brought up to date when every write since it was kept is a row added to a table
 * only ever added to (a visit, a payment here or pulled, a receipt, a void) — the counter moved by
 * exactly as many rows as were added — by reading again only the people those rows are about and
 * their households. Anything else (an edit, a hamlet, a rate, more rows than a handful) is null:
 * the picture is read whole.
 */
async function broughtUpToDate(ctx: CoreContext, k: Kept, count: number, asOf: string): Promise<{ picture: Internal; marks: AppendMarks } | null> {
  const marks = await appendMarks(ctx.db);
  const added = await appendedSince(ctx.db, k.marks, BRING_UP_TO_DATE_AT_MOST);
  if (added.length !== count - k.count || added.length > BRING_UP_TO_DATE_AT_MOST) return null;
  const ids = await peopleAround(
    ctx.db,
    added.flatMap((r) => (r.participantId ? [r.participantId] : [])),
    added.flatMap((r) => (r.householdId ? [r.householdId] : [])),
  );
  const communes = new Set(k.communes);
  const fresh = ids.length === 0 ? [] : await areaPeople(ctx, { people: ids }, [...k.picture.hamlets.values()], asOf);
  const read = new Map(fresh.filter((p) => communes.has(p.communeCode)).map((p) => [p.id, p]));
  const old = k.picture;
  const people = old.people.map((p) => read.get(p.id) ?? p);
  // Someone read again who was not in the picture (a new person is an edit of participants, never only an addition here).
  let swapped = 0;
  for (let i = 0; i < people.length; i++) if (people[i] !== old.people[i]) swapped++;
  if (swapped !== read.size) return null;
  const carried = old.carried();
  for (const id of ids) carried.amounts.delete(id);
  if (carried.households) carried.households = withPeople(carried.households, read);
  return { picture: keep({ asOf, people, hamlets: old.hamlets }, carried), marks };
}

/** The picture of these communes today: the kept one while no write has happened since, brought up to date after additions, else read anew. */
export async function keptAreaPicture(ctx: CoreContext, communeCodes: readonly string[], asOf: string): Promise<KeptPicture> {
  const count = await fieldChangeCount(ctx.db);
  if (count < 0) return keep(await areaPicture(ctx, communeCodes, asOf));
  const key = `${asOf}|${[...communeCodes].sort().join(',')}`;
  const list = kept.get(ctx.db) ?? [];
  kept.set(ctx.db, list);
  const at = list.findIndex((k) => k.key === key);
  const found = at >= 0 ? list.splice(at, 1)[0]! : null;
  if (found && found.count === count) {
    list.unshift(found);
    return found.picture;
  }
  // The counter is read first, the marks next, the rows last: a write landing between them is read
  // again next time (or makes the counts disagree, and the picture is read whole) — never lost.
  const updated = found ? await broughtUpToDate(ctx, found, count, asOf) : null;
  const marks = updated?.marks ?? (await appendMarks(ctx.db));
  const picture = updated?.picture ?? keep(await areaPicture(ctx, communeCodes, asOf));
  const again = list.findIndex((k) => k.key === key);
  if (again >= 0) list.splice(again, 1);
  list.unshift({ key, communes: [...communeCodes], count, marks, picture });
  list.length = Math.min(list.length, KEPT);
  return picture;
}

/** Forgets every kept picture of a store (tests compare a picture brought up to date with one read whole). */
export function forgetKeptPictures(db: Kysely<Database>): void {
  kept.delete(db);
}
