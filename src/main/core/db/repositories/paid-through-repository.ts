// Each person's paid-through month per scheme as the central last told this device (ADR 0035): SQL
// only. Written by the feed's `paid-through` changes and the picture; dropped for a person and
// scheme when this device voids one of their receipts (the central's figure then waits for the
// next pull: the device's own voids never come back to it by the feed), and all of it when the
// picture starts over.
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { ChangePayload } from '../../../../shared/sync/changes';
import { bulkInsert } from '../bulk-insert';
import type { Database, PaidThroughTable } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

const upsert = bulkInsert<PaidThroughTable>('paid_through', ['participantId', 'scheme', 'month'], (r) => [r.participantId, r.scheme, r.month], 'replace');

/** The rows a page's `paid-through` changes say, the last word on each person and scheme kept. */
export async function storePaidThrough(db: Db, changes: readonly ChangePayload<'paid-through'>[]): Promise<void> {
  const rows = new Map<string, PaidThroughTable>();
  for (const c of changes)
    for (const scheme of ['VSI', 'HHI'] as const) {
      const month = c[scheme];
      if (month !== undefined) rows.set(`${c.participantId}|${scheme}`, { participantId: c.participantId, scheme, month });
    }
  await upsert.run(db, [...rows.values()]);
}

/** The central's paid-through month of these records (a record's own id or its canonical one), per scheme; undefined: not told. */
export async function centralPaidThrough(db: Db, participantIds: readonly string[], scheme: 'VSI' | 'HHI'): Promise<string | null | undefined> {
  const ids = participantIds.filter((id) => id);
  if (ids.length === 0) return undefined;
  const rows = await db.selectFrom('paidThrough').select('month').where('participantId', 'in', ids).where('scheme', '=', scheme).execute();
  if (rows.length === 0) return undefined;
  return rows.reduce<string | null>((last, r) => (r.month !== null && (last === null || r.month > last) ? r.month : last), null);
}

/** This device voided one of the person's receipts: the central's figure for that scheme is out of date until it answers. */
export async function forgetPaidThrough(db: Db, participantIds: readonly string[], scheme: 'VSI' | 'HHI'): Promise<void> {
  const ids = participantIds.filter((id) => id);
  if (ids.length > 0) await db.deleteFrom('paidThrough').where('participantId', 'in', ids).where('scheme', '=', scheme).execute();
}

/** The picture starts over: what it said is said again. */
export async function clearPaidThrough(db: Db): Promise<void> {
  await db.executeQuery(CompiledQuery.raw('DELETE FROM paid_through'));
}
