// The sync-issues inbox: what the central refused, held or flagged, and clashes found on pull, each
// with the decision that closed it. SQL only; the decisions are services/sync-issues-service.ts.
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { IssueResolution } from '../../../../shared/contract/sync';
import type { Database, SyncIssuesTable } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;
export type SyncIssueRow = SyncIssuesTable;

/** Rows per multi-row statement: a few hundred bound values, well under SQLite's limit. */
const ROWS_PER_INSERT = 100;

/** Newest first, at most 1000, with who resolved each and, for a payment, its receipt. */
export function listIssues(db: Db, state: 'open' | 'resolved' | 'all') {
  let query = db
    .selectFrom('syncIssues')
    .leftJoin('staff', 'staff.id', 'syncIssues.resolvedBy')
    .leftJoin('contributions', (join) => join.onRef('contributions.id', '=', 'syncIssues.entityId').on('syncIssues.kind', '=', 'contribution.record'))
    .selectAll('syncIssues')
    .select(['staff.fullName as resolvedByName', 'contributions.receiptId']);
  if (state !== 'all') query = query.where('syncIssues.state', '=', state);
  return query.orderBy('syncIssues.createdAt', 'desc').limit(1000).execute();
}

export function findIssue(db: Db, id: string): Promise<SyncIssueRow | undefined> {
  return db.selectFrom('syncIssues').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countOpen(db: Db): Promise<number> {
  const row = await db
    .selectFrom('syncIssues')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('state', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertIssues(trx: Transaction<Database>, rows: Insertable<Database['syncIssues']>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT)
    await trx
      .insertInto('syncIssues')
      .values(rows.slice(i, i + ROWS_PER_INSERT))
      .execute();
}

export interface Decision {
  resolution: IssueResolution | string;
  note: string;
  staffId: string | null;
  at: string;
}

export async function resolveIssue(trx: Transaction<Database>, id: string, decision: Decision): Promise<void> {
  await trx
    .updateTable('syncIssues')
    .set({ state: 'resolved', resolution: decision.resolution, resolutionNote: decision.note, resolvedBy: decision.staffId, resolvedAt: decision.at })
    .where('id', '=', id)
    .execute();
}

/** The open review flags (months paid twice, facts that differ) of a payment. */
export async function openFlagsOfPayment(trx: Transaction<Database>, contributionId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('syncIssues')
    .select('id')
    .where('class', 'in', ['MONTHS_ALREADY_PAID', 'FACTS_DIFFER'])
    .where('entityId', '=', contributionId)
    .where('state', '=', 'open')
    .execute();
  return rows.map((r) => r.id);
}

/** The open months-paid-twice flag of an operation, if any. */
export async function openMonthsPaidTwice(trx: Transaction<Database>, opId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('syncIssues')
    .select('id')
    .where('opId', '=', opId)
    .where('class', '=', 'MONTHS_ALREADY_PAID')
    .where('state', '=', 'open')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Items with one of these codes, with the kind and payload of their operation (from the outbox), in
 * the order the operations were made: only the given ones, or all but one, and with
 * `notResolvedAs` none already resolved that way.
 */
export function issuesWithOperations(
  trx: Transaction<Database>,
  codes: readonly string[],
  filter: { only?: string[]; except?: string; notResolvedAs?: string },
): Promise<{ id: string; kind: string; payload: string }[]> {
  let query = trx
    .selectFrom('syncIssues')
    .innerJoin('outbox', 'outbox.opId', 'syncIssues.opId')
    .select(['syncIssues.id', 'outbox.kind', 'outbox.payload'])
    .where('syncIssues.code', 'in', codes);
  if (filter.only) query = query.where('syncIssues.id', 'in', filter.only);
  if (filter.except) query = query.where('syncIssues.id', '!=', filter.except);
  const notAs = filter.notResolvedAs;
  if (notAs) query = query.where((eb) => eb.or([eb('syncIssues.resolution', 'is', null), eb('syncIssues.resolution', '!=', notAs)]));
  return query.orderBy('outbox.seq').execute();
}

/** Registrations the supervisor decided on after a hold, with that decision. */
export function reviewedRegistrations(trx: Transaction<Database>, resolutions: readonly string[]) {
  return trx
    .selectFrom('syncIssues')
    .select(['entityId', 'resolutionNote', 'resolvedBy'])
    .where('kind', '=', 'participant.register')
    .where('resolution', 'in', resolutions)
    .execute();
}

/** The open clashes of a household (the central refused this device's change, made on an older list: ADR 0026). */
export function openHouseholdClashes(db: Db, householdId: string): Promise<Pick<SyncIssueRow, 'id' | 'details'>[]> {
  return db
    .selectFrom('syncIssues')
    .select(['id', 'details'])
    .where('entityId', '=', householdId)
    .where('code', '=', 'CONFLICT')
    .where('kind', '=', 'household.setMembers')
    .where('state', '=', 'open')
    .execute();
}

export async function replaceIssueDetails(trx: Transaction<Database>, id: string, details: string): Promise<void> {
  await trx.updateTable('syncIssues').set({ details }).where('id', '=', id).execute();
}
