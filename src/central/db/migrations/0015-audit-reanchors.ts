// An administrator's settling of a device whose audit entries the central refused (ADR 0028, "after
// a refusal"): who moved the device's held chain to which head it had signed, from where, and why.
// The refused heads stay in audit_heads with their problem — the settling never erases evidence.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE audit_reanchors (
    device_id TEXT NOT NULL REFERENCES devices (id),
    from_seq BIGINT NOT NULL, from_hash TEXT NOT NULL,
    to_seq BIGINT NOT NULL, to_hash TEXT NOT NULL, to_batch_no INTEGER NOT NULL,
    settled_by TEXT NOT NULL, note TEXT NOT NULL,
    settled_at TIMESTAMPTZ NOT NULL DEFAULT now())`.execute(db);
  await sql`CREATE INDEX audit_reanchors_device ON audit_reanchors (device_id, settled_at)`.execute(db);
}
