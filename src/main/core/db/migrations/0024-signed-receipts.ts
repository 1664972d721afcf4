// Receipts anyone can verify (ADR 0027): the signed payload printed as a QR code on a receipt or a
// refund voucher is kept once made, under the label it is printed with, so every reprint carries
// the same code and a restored copy keeps the old key's signatures. The province's device keys,
// pulled from the central (retired and revoked ones too), check a scanned payload offline.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE signed_documents (
    label TEXT PRIMARY KEY,
    receipt_id TEXT NOT NULL REFERENCES receipts (id),
    payload TEXT NOT NULL,
    signed_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE TABLE device_keys (
    key_id TEXT PRIMARY KEY,
    public_key TEXT NOT NULL,
    device_id TEXT,
    office_code TEXT,
    name TEXT,
    enrolled_at TEXT,
    revoked_at TEXT,
    source TEXT NOT NULL CHECK (source IN ('central', 'own-retired')),
    updated_at TEXT NOT NULL
  )`.execute(db);
}
