// The field officers' records at the central (issue 21, ADR 0029): a commune's hamlets, each
// officer's area and every visit's outcome, one row per record by kind and id, with the office
// that wrote it and its version (a hamlet or an area edited on an older version is refused, never
// overwritten; a visit is written once).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE field_records (
    kind TEXT NOT NULL, id TEXT NOT NULL, office_code TEXT NOT NULL, version INTEGER NOT NULL, data JSONB NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(), PRIMARY KEY (kind, id))`.execute(db);
  await sql`CREATE INDEX field_records_office ON field_records (office_code, kind)`.execute(db);
}
