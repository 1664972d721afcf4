// The console's sessions (ADR 0032), in the database so that every central process behind a load
// balancer knows them: only the SHA-256 of the cookie's token is kept, with its account, when it
// began (the absolute lifetime) and when it was last used (the idle timeout).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE console_sessions (
    token_hash TEXT PRIMARY KEY, username TEXT NOT NULL REFERENCES console_staff (username),
    created_at TIMESTAMPTZ NOT NULL, last_seen_at TIMESTAMPTZ NOT NULL, expires_at TIMESTAMPTZ NOT NULL)`.execute(db);
  await sql`CREATE INDEX console_sessions_user ON console_sessions (username)`.execute(db);
}
