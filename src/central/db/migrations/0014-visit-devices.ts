// Visits the central stored before it kept each visit's device with it (before the office picture
// carried visits, ADR 0029) are named in a new device's picture as made on device ''. The device is
// not lost: every visit went out on the pull feed as a change whose payload names its device. This
// migration copies it from there into the stored visit, so pictures name the device from now on
// (ADR 0034); a visit with no such change keeps none (and is still named '').
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    UPDATE field_records f SET data = f.data || jsonb_build_object('deviceId', c.payload->>'deviceId')
    FROM changes c
    WHERE f.kind = 'visit' AND NOT (f.data ? 'deviceId')
      AND c.kind = 'visit' AND c.payload->>'id' = f.id AND coalesce(c.payload->>'deviceId', '') <> ''`.execute(db);
}
