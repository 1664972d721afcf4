// A refund pays cash out, and cash out goes against a numbered voucher (phiếu chi), as cash in goes
// against a numbered receipt: each refund takes the next number of the device's voucher series
// ("HT-" + the receipt series), gap-free like receipts — taken in the refund's transaction from the
// same counter table (a series of its own there). NULL for voids that are not refunds.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE receipt_voids ADD COLUMN refund_voucher_series TEXT`.execute(db);
  await sql`ALTER TABLE receipt_voids ADD COLUMN refund_voucher_number INTEGER`.execute(db);
  await sql`CREATE UNIQUE INDEX receipt_voids_voucher ON receipt_voids (refund_voucher_series, refund_voucher_number) WHERE refund_voucher_number IS NOT NULL`.execute(
    db,
  );
}
