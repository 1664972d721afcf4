// The central's age recipient (`age1…`), received at enrollment: batch files for the USB stick are
// sealed to it (ADR 0012). Null for a device enrolled before; such a device cannot export a file
// until it enrolls again (it says so).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE sync_state ADD COLUMN central_sealing_recipient TEXT`.execute(db);
}
