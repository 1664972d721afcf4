// What the visit list and the coverage figures read for a set of communes, in a few set-wise
// statements (no query per person: a commune holds 20 000 people): the people with their hamlet
// and household place, their enrollments, the month each scheme is paid through (this device's
// payments and those pulled from the office's other devices, receipts not voided), and the visits
// made to them or their households. SQL only; the rules are in
// domain/visit-status.ts and services/visit-list-service.ts.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, VisitsTable } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

/** Whom a read is about: the people of some communes, or some people by id (a kept picture brought up to date). */
export type AreaScope = { communes: readonly string[] } | { people: readonly string[] };

/** The condition on `participants` aliased `p` that picks the scope's people. */
function inScope(scope: AreaScope) {
  return 'communes' in scope ? sql`p.commune_code IN (${sql.join([...scope.communes])})` : sql`p.id IN (${sql.join([...scope.people])})`;
}

export interface AreaPersonRow {
  id: string;
  fullName: string;
  nameFolded: string;
  sex: 'male' | 'female';
  dateOfBirth: string;
  personalId: string;
  phone: string | null;
  addressLine: string;
  communeCode: string;
  hamletId: string | null;
  householdId: string | null;
  /** The household head's full name (a household is named by its head), null outside a household. */
  householdHead: string | null;
  position: number | null;
  coveredBy: string | null;
  createdAt: string;
}

/** The people of these communes (records linked to another person are that person's, and left out). */
export function peopleOfCommunes(db: Db, scope: AreaScope): Promise<AreaPersonRow[]> {
  const q = db
    .selectFrom('participants as p')
    .leftJoin('householdMembers as m', (join) => join.onRef('m.participantId', '=', 'p.id').onRef('m.householdId', '=', 'p.householdId'))
    .leftJoin('households as h', 'h.id', 'p.householdId')
    .leftJoin('participants as head', 'head.id', 'h.headParticipantId')
    .select([
      'p.id',
      'p.fullName',
      'p.nameFolded',
      'p.sex',
      'p.dateOfBirth',
      'p.personalId',
      'p.phone',
      'p.addressLine',
      'p.communeCode',
      'p.hamletId',
      'p.householdId',
      'head.fullName as householdHead',
      'm.position',
      'm.coveredBy',
      'p.createdAt',
    ])
    .where('p.canonicalId', 'is', null);
  return ('communes' in scope ? q.where('p.communeCode', 'in', [...scope.communes]) : q.where('p.id', 'in', [...scope.people])).execute();
}

export interface EnrollmentFactRow {
  participantId: string;
  scheme: 'VSI' | 'HHI';
  method: string;
  fromMonth: string;
  status: 'active' | 'stopped';
  createdAt: string;
  createdBy: string | null;
}

export function enrollmentsOfCommunes(db: Db, scope: AreaScope): Promise<EnrollmentFactRow[]> {
  const q = db
    .selectFrom('enrollments as e')
    .innerJoin('participants as p', 'p.id', 'e.participantId')
    .select(['e.participantId', 'e.scheme', 'e.method', 'e.fromMonth', 'e.status', 'e.createdAt', 'e.createdBy']);
  return ('communes' in scope ? q.where('p.communeCode', 'in', [...scope.communes]) : q.where('p.id', 'in', [...scope.people])).execute();
}

export interface PaidThroughRow {
  participantId: string;
  scheme: 'VSI' | 'HHI';
  paidThrough: string;
}

/**
 * Payments of these communes' people, taken on this device (`contributions`) or on another device of
 * the office and pulled (`pulled_contributions`, ADR 0026), their receipts not voided (one voids
 * table for both): what the office holds, so a person who paid at the office PC is not shown as due
 * on the officer's laptop. A lump sum for the months missing to a pension pays no calendar month and
 * is left out (ADR 0036): it neither moves "paid through" nor covers a month.
 */
function officePayments(scope: AreaScope) {
  return sql`
    SELECT c.participant_id, c.scheme, c.to_month, c.paid_on, c.receipt_id
    FROM participants p JOIN contributions c ON c.participant_id = p.id
    WHERE ${inScope(scope)} AND c.method <> 'lump-sum-shortfall'
    UNION ALL
    SELECT c.participant_id, c.scheme, c.to_month, c.paid_on, c.receipt_id
    FROM participants p JOIN pulled_contributions c ON c.participant_id = p.id
    WHERE ${inScope(scope)} AND c.method <> 'lump-sum-shortfall'`;
}

/**
 * The last month each person paid in each scheme: the later of the central's count as of the last
 * pull (`paid_through`, ADR 0035: it covers payments this device never held) and the office's
 * payments this device holds, receipts not voided (a payment taken here or pulled since is later
 * than the central's figure). A void made here drops the central's figure until it answers.
 */
export async function paidThroughOfCommunes(db: Db, scope: AreaScope): Promise<PaidThroughRow[]> {
  const { rows } = await sql<PaidThroughRow>`
    SELECT c.participant_id AS "participantId", c.scheme AS scheme, max(c.to_month) AS "paidThrough"
    FROM (
      SELECT c.participant_id, c.scheme, c.to_month FROM (${officePayments(scope)}) c
      WHERE NOT EXISTS (SELECT 1 FROM receipt_voids v WHERE v.receipt_id = c.receipt_id)
      UNION ALL
      SELECT t.participant_id, t.scheme, t.month FROM participants p JOIN paid_through t ON t.participant_id = p.id
      WHERE ${inScope(scope)} AND t.month IS NOT NULL
    ) c
    GROUP BY c.participant_id, c.scheme`.execute(db);
  return rows;
}

/** Every payment's last month and day (coverage trend), per person: the office's, receipts not voided. */
export async function paymentsOfCommunes(db: Db, communeCodes: readonly string[]) {
  const { rows } = await sql<{ participantId: string; scheme: 'VSI' | 'HHI'; toMonth: string; businessDate: string }>`
    SELECT c.participant_id AS "participantId", c.scheme AS scheme, c.to_month AS "toMonth", c.paid_on AS "businessDate"
    FROM (${officePayments({ communes: communeCodes })}) c
    WHERE NOT EXISTS (SELECT 1 FROM receipt_voids v WHERE v.receipt_id = c.receipt_id)`.execute(db);
  return rows;
}

/** Visits to these communes' people and households (the latest of each is the list's "last visit"). */
export async function visitsOfCommunes(db: Db, scope: AreaScope): Promise<VisitsTable[]> {
  const households =
    'communes' in scope
      ? sql`SELECT id FROM households WHERE commune_code IN (${sql.join([...scope.communes])})`
      : sql`SELECT household_id FROM participants WHERE id IN (${sql.join([...scope.people])}) AND household_id IS NOT NULL`;
  const { rows } = await sql<VisitsTable>`
    SELECT v.id, v.participant_id AS "participantId", v.household_id AS "householdId", v.outcome, v.promised_on AS "promisedOn",
           v.decline_reason AS "declineReason", v.note, v.receipt_ids AS "receiptIds", v.visited_on AS "visitedOn", v.visited_at AS "visitedAt",
           v.staff_id AS "staffId", v.staff_name AS "staffName", v.staff_username AS "staffUsername", v.source_device_id AS "sourceDeviceId"
    FROM visits v JOIN participants p ON p.id = v.participant_id WHERE ${inScope(scope)}
    UNION ALL
    SELECT v.id, v.participant_id, v.household_id, v.outcome, v.promised_on, v.decline_reason, v.note, v.receipt_ids, v.visited_on, v.visited_at,
           v.staff_id, v.staff_name, v.staff_username, v.source_device_id
    FROM visits v WHERE v.household_id IN (${households})`.execute(db);
  return rows;
}

/** The name of each household's head (a route sheet names a household by its head, owing or not). */
export async function householdHeadNames(db: Db, householdIds: readonly string[]): Promise<Map<string, string>> {
  if (householdIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('households as h')
    .innerJoin('participants as p', 'p.id', 'h.headParticipantId')
    .select(['h.id', 'p.fullName'])
    .where('h.id', 'in', [...householdIds])
    .execute();
  return new Map(rows.map((r) => [r.id, r.fullName]));
}

/** The members of a household (a household visit is to them). */
export function householdMemberIds(db: Db, householdId: string): Promise<{ participantId: string }[]> {
  return db.selectFrom('householdMembers').select('participantId').where('householdId', '=', householdId).execute();
}

/** Receipts issued on this device, with their void if voided (a "paid" visit names them). */
export function receiptsWithVoids(db: Db, receiptIds: readonly string[]) {
  return db
    .selectFrom('receipts')
    .leftJoin('receiptVoids', 'receiptVoids.receiptId', 'receipts.id')
    .select(['receipts.id', 'receipts.participantId', 'receiptVoids.id as voidId'])
    .where('receipts.id', 'in', [...receiptIds])
    .execute();
}

/** Receipts pulled from the office's other devices (ADR 0026), with their void if voided (a "paid" visit may name them too). */
export function pulledReceiptsWithVoids(db: Db, receiptIds: readonly string[]) {
  return db
    .selectFrom('pulledContributions')
    .leftJoin('receiptVoids', 'receiptVoids.receiptId', 'pulledContributions.receiptId')
    .select(['pulledContributions.receiptId as id', 'pulledContributions.participantId', 'receiptVoids.id as voidId'])
    .where('pulledContributions.receiptId', 'in', [...receiptIds])
    .execute();
}

/** The visits of one person or household, latest first. */
export function visitsOf(db: Db, target: { participantId?: string | undefined; householdId?: string | undefined }): Promise<VisitsTable[]> {
  let q = db.selectFrom('visits').selectAll();
  q = target.participantId ? q.where('participantId', '=', target.participantId) : q.where('householdId', '=', target.householdId!);
  return q.orderBy('visitedOn', 'desc').orderBy('visitedAt', 'desc').orderBy('id', 'desc').execute();
}

export async function insertVisit(db: Db, row: VisitsTable): Promise<boolean> {
  const result = await db
    .insertInto('visits')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Visits made between two days (coverage per officer). */
export function visitsBetween(
  db: Db,
  from: string,
  to: string,
): Promise<Pick<VisitsTable, 'visitedOn' | 'staffName' | 'staffUsername' | 'participantId' | 'householdId'>[]> {
  return db
    .selectFrom('visits')
    .select(['visitedOn', 'staffName', 'staffUsername', 'participantId', 'householdId'])
    .where('visitedOn', '>=', from)
    .where('visitedOn', '<=', to)
    .execute();
}

/** The commune of the province holding the most of the office's people (null: none yet): a supervisor's list opens on it. */
export async function busiestCommune(db: Db, provinceCode: string): Promise<string | null> {
  const row = await db
    .selectFrom('participants')
    .select(['communeCode', (eb) => eb.fn.countAll<number>().as('people')])
    .where('provinceCode', '=', provinceCode)
    .where('canonicalId', 'is', null)
    .groupBy('communeCode')
    .orderBy('people', 'desc')
    .orderBy('communeCode')
    .limit(1)
    .executeTakeFirst();
  return row?.communeCode ?? null;
}

/** These people, the households' members, and everyone sharing a household with them (a household's visit or payment is theirs too). */
export async function peopleAround(db: Db, participantIds: readonly string[], householdIds: readonly string[]): Promise<string[]> {
  const ids = [...participantIds];
  const homes = [...householdIds];
  if (ids.length === 0 && homes.length === 0) return [];
  const some = (xs: string[]) => sql.join(xs.length ? xs : ['']);
  // Households by household_members (indexed both ways), not by participants.household_id (not indexed).
  const { rows } = await sql<{ id: string }>`
    SELECT id FROM participants WHERE id IN (${some(ids)})
    UNION SELECT participant_id FROM household_members WHERE household_id IN (${some(homes)})
    UNION SELECT m.participant_id FROM household_members m
      WHERE m.household_id IN (SELECT household_id FROM household_members WHERE participant_id IN (${some(ids)}))`.execute(db);
  return rows.map((r) => r.id);
}
