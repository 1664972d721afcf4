// The picture of an area a field officer walks (issue 21 items 2, 4, 5, 7): every person of the
// chosen communes with their hamlet, household place, statuses today (domain/visit-status.ts) and
// last visit, read set-wise (visit-list-repository.ts) so a commune of 20 000 people costs a few
// statements and a pass in memory. The coverage figures read it whole; the visit list's facts
// kept in the store are made from it (visit-facts.ts), and the page's people are read by it — so
// the list, the route sheet, the reminders and the coverage agree on who is due.
import type { PaymentMethod } from '../../../shared/contract/contribution';
import type { AreaPart, VisitOutcome } from '../../../shared/contract/field';
import { HamletMatcher, hamletLabel } from '../../../shared/domain/hamlets';
import { foldName } from '../../../shared/domain/name-folding';
import { type PersonFacts, type SchemeFacts, type VisitStanding, visitStanding } from '../../../shared/domain/visit-status';
import type { CoreContext } from '../core-context';
import * as hamlets from '../db/repositories/hamlets-repository';
import * as repo from '../db/repositories/visit-list-repository';
import type { Database, HamletsTable, VisitsTable } from '../db/schema';
import type { Kysely, Transaction } from 'kysely';

/** A person of the area as the store says today, before the day is applied (visit-facts.ts keeps it per person). */
export interface AreaRecord extends repo.AreaPersonRow {
  /** The hamlet found for the person (record, else address), or null. */
  placedIn: string | null;
  lastVisit: (VisitsTable & { forHousehold: boolean }) | null;
  closed: boolean;
  enrolled: { VSI: boolean; HHI: boolean };
  /** The last month paid in each scheme (the central's count and the receipts not voided), enrolled or not. */
  paid: { VSI: string | null; HHI: string | null };
  /** What the status rules read (domain/visit-status.ts). */
  facts: PersonFacts;
}

export interface AreaPerson extends AreaRecord {
  standing: VisitStanding;
}

export interface AreaPicture {
  asOf: string;
  people: AreaPerson[];
  hamlets: Map<string, HamletsTable>;
}

/** Outcomes after which the person is no longer walked to (shown only when asked for). */
const CLOSING: ReadonlySet<VisitOutcome> = new Set(['moved', 'deceased']);

/** The later of two visits: by day, then instant, then id (UUIDv7 made in order on one device). */
function later(a: VisitsTable | undefined, b: VisitsTable): boolean {
  if (!a) return true;
  if (b.visitedOn !== a.visitedOn) return b.visitedOn > a.visitedOn;
  if (b.visitedAt !== a.visitedAt) return b.visitedAt > a.visitedAt;
  return b.id > a.id;
}

export async function areaPicture(ctx: CoreContext, communeCodes: readonly string[], asOf: string): Promise<AreaPicture> {
  const hamletRows = await hamlets.hamletsOfCommunes(ctx.db, communeCodes);
  const people = await areaPeople(ctx, { communes: communeCodes }, hamletRows, asOf);
  return { asOf, people, hamlets: new Map(hamletRows.map((h) => [h.id, h])) };
}

/** The people of a scope (communes, or people by id) as the picture holds them, placed in the given hamlets, on a day. */
export async function areaPeople(ctx: CoreContext, scope: repo.AreaScope, hamletRows: HamletsTable[], asOf: string): Promise<AreaPerson[]> {
  return (await areaRecords(ctx.db, scope, hamletRows)).map((r) => ({ ...r, standing: visitStanding(r.facts, asOf) }));
}

/** The people of a scope with what the status rules read, whatever the day. */
export async function areaRecords(db: Kysely<Database> | Transaction<Database>, scope: repo.AreaScope, hamletRows: HamletsTable[]): Promise<AreaRecord[]> {
  const [rows, enrollments, paid, visits] = await Promise.all([
    repo.peopleOfCommunes(db, scope),
    repo.enrollmentsOfCommunes(db, scope),
    repo.paidThroughOfCommunes(db, scope),
    repo.visitsOfCommunes(db, scope),
  ]);
  const paidThrough = new Map(paid.map((p) => [`${p.participantId}|${p.scheme}`, p.paidThrough]));
  const schemes = new Map<string, { VSI: SchemeFacts | null; HHI: SchemeFacts | null }>();
  for (const e of enrollments) {
    if (e.status !== 'active') continue;
    const entry = schemes.get(e.participantId) ?? { VSI: null, HHI: null };
    entry[e.scheme] = { method: e.method as PaymentMethod, fromMonth: e.fromMonth, paidThrough: paidThrough.get(`${e.participantId}|${e.scheme}`) ?? null };
    schemes.set(e.participantId, entry);
  }
  const lastByPerson = new Map<string, VisitsTable>();
  const lastByHousehold = new Map<string, VisitsTable>();
  for (const v of visits) {
    if (v.participantId && later(lastByPerson.get(v.participantId), v)) lastByPerson.set(v.participantId, v);
    if (v.householdId && later(lastByHousehold.get(v.householdId), v)) lastByHousehold.set(v.householdId, v);
  }
  // A commune's hamlets place its own people only (two communes may each have a "Thôn 1").
  const byCommune = new Map<string, HamletsTable[]>();
  for (const h of hamletRows) byCommune.set(h.communeCode, [...(byCommune.get(h.communeCode) ?? []), h]);
  const matchers = new Map([...byCommune].map(([code, hs]) => [code, new HamletMatcher(hs)]));
  const none = new HamletMatcher([]);
  return rows.map((row) => {
    const own = lastByPerson.get(row.id);
    const home = row.householdId ? lastByHousehold.get(row.householdId) : undefined;
    const last = home && later(own, home) ? { ...home, forHousehold: true } : own ? { ...own, forHousehold: false } : null;
    const s = schemes.get(row.id) ?? { VSI: null, HHI: null };
    return {
      ...row,
      placedIn: (matchers.get(row.communeCode) ?? none).hamletOf(row),
      lastVisit: last,
      closed: last !== null && CLOSING.has(last.outcome),
      enrolled: { VSI: s.VSI !== null, HHI: s.HHI !== null },
      paid: { VSI: paidThrough.get(`${row.id}|VSI`) ?? null, HHI: paidThrough.get(`${row.id}|HHI`) ?? null },
      facts: { vsi: s.VSI, hhi: s.HHI, coveredElsewhere: row.coveredBy !== null, promisedOn: last?.outcome === 'promised' ? last.promisedOn : null },
    };
  });
}

/** Whether a person is inside an area (null: anywhere). */
export function inArea(area: AreaPart[] | null, person: { communeCode: string; placedIn: string | null }): boolean {
  if (area === null) return true;
  const part = area.find((p) => p.communeCode === person.communeCode);
  if (!part) return false;
  return part.hamletIds.length === 0 || (person.placedIn !== null && part.hamletIds.includes(person.placedIn));
}

/** The folded text a search runs over: name, address, hamlet, personal ID and phone. */
export function searchText(person: AreaRecord, hamletsById: Map<string, HamletsTable>): string {
  const h = person.placedIn ? hamletsById.get(person.placedIn) : undefined;
  return `${person.nameFolded} ${foldName(person.addressLine)} ${h ? foldName(hamletLabel(h)) : ''} ${person.personalId} ${person.phone ?? ''}`;
}
