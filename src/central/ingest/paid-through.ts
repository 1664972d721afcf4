// Each person's paid-through month per scheme at the central (ADR 0035, central migration 0012): the
// figure the feed tells the office after every payment and void, kept in `paid_through` so the
// office's picture reads it by (office, person) instead of opening each person's payments. A payment
// can only move it later (written with the batch's other deferred rows on the fast path); a void
// sets it to what is left.
import { type RawBuilder, sql, type Transaction } from 'kysely';
import type { CentralDb } from '../db/schema';
import { insertRows, insertStatement } from './bulk-insert';

export type PaidThroughRow = CentralDb['paidThrough'];

/** What of an operation's context (op-context.ts's OpContext) the figure needs: its transaction, and the fast path's deferred rows. */
interface PaidThroughContext {
  trx: Transaction<CentralDb>;
  deferred?: { paidThrough: Map<string, PaidThroughRow> } | undefined;
}

const columns = { personId: 'text', officeCode: 'text', vsi: 'text', hhi: 'text' } as const;
const later = 'ON CONFLICT (person_id) DO UPDATE SET vsi = greatest(paid_through.vsi, excluded.vsi), hhi = greatest(paid_through.hhi, excluded.hhi)';

/** A payment: the person's figure in its scheme is at least `month` now. */
export async function notePayment(ctx: PaidThroughContext, personId: string, officeCode: string, scheme: string, month: string): Promise<void> {
  const column = scheme === 'HHI' ? 'hhi' : 'vsi';
  if (ctx.deferred) {
    const held = ctx.deferred.paidThrough.get(personId) ?? { personId, officeCode, vsi: null, hhi: null };
    if (held[column] === null || month > held[column]) held[column] = month;
    ctx.deferred.paidThrough.set(personId, held);
    return;
  }
  await insertRows(ctx.trx, 'paid_through', columns, [{ personId, officeCode, vsi: null, hhi: null, [column]: month }], later);
}

/** The deferred payments' figures, one write (a person once); null when there are none. */
export function paidThroughStatement(rows: Map<string, PaidThroughRow>): RawBuilder<unknown> | null {
  return rows.size > 0 ? insertStatement('paid_through', columns, [...rows.values()], later) : null;
}

/** A void: the person's figure in its scheme is what their other receipts still pay (null: none). */
export async function noteVoid(ctx: PaidThroughContext, personId: string, officeCode: string, scheme: string, month: string | null): Promise<void> {
  const column = sql.raw(scheme === 'HHI' ? 'hhi' : 'vsi');
  await sql`INSERT INTO paid_through (person_id, office_code, ${column}) VALUES (${personId}, ${officeCode}, ${month})
    ON CONFLICT (person_id) DO UPDATE SET ${column} = excluded.${column}`.execute(ctx.trx);
}
