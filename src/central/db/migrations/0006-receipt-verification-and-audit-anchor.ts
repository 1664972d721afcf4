// What trust needs at the central, in one migration (the next number is the fraud signals'):
//
// Receipts anyone can verify (ADR 0027): each device's key id (what a receipt's payload names) is
// kept beside its key and indexed; every device enrolled so far is put on the change feed as a
// `device.key`, so offices pull the province's keys; and verification requests are counted per
// address and minute (the public page is rate-limited across all the central's processes).
//
// The devices' audit trails anchored at the central (ADR 0028): the entries themselves, received in
// batches like operations (one row per device and sequence), the head each batch carried with the
// device's signature and what the central held after it (with the problem, when the entries did
// not continue the chain it holds), and per device the last entry of the chain held whole.
import { type Kysely, sql } from 'kysely';
import { keyIdOf } from '../../../shared/verification/receipt-payload';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE devices ADD COLUMN key_id TEXT`.execute(db);
  const devices = await sql<{
    id: string;
    public_key: string;
    office_code: string;
    name: string;
    enrolled_at: Date;
    revoked_at: Date | null;
    province_code: string;
  }>`SELECT d.id, d.public_key, d.office_code, d.name, d.enrolled_at, d.revoked_at, o.province_code
     FROM devices d JOIN offices o ON o.code = d.office_code ORDER BY d.enrolled_at, d.id`.execute(db);
  for (const device of devices.rows) {
    await sql`UPDATE devices SET key_id = ${await keyIdOf(device.public_key)} WHERE id = ${device.id}`.execute(db);
    const payload = {
      deviceId: device.id,
      officeCode: device.office_code,
      publicKey: device.public_key,
      name: device.name,
      enrolledAt: new Date(device.enrolled_at).toISOString(),
      revokedAt: device.revoked_at ? new Date(device.revoked_at).toISOString() : null,
    };
    const counter = await sql<{ value: number }>`UPDATE change_counter SET value = value + 1 WHERE id = 1 RETURNING value`.execute(db);
    await sql`INSERT INTO changes (seq, kind, province_code, origin_device_id, payload)
              VALUES (${Number(counter.rows[0]!.value)}, 'device.key', ${device.province_code}, NULL, ${JSON.stringify(payload)})`.execute(db);
  }
  await sql`ALTER TABLE devices ALTER COLUMN key_id SET NOT NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX devices_key_id ON devices (key_id)`.execute(db);
  await sql`CREATE TABLE request_counts (bucket TEXT NOT NULL, window_start TIMESTAMPTZ NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (bucket, window_start))`.execute(
    db,
  );

  const auditStatements = [
    `ALTER TABLE devices ADD COLUMN audit_seq BIGINT NOT NULL DEFAULT 0`,
    `ALTER TABLE devices ADD COLUMN audit_hash TEXT NOT NULL DEFAULT '${'0'.repeat(64)}'`,
    `CREATE TABLE audit_entries (
      device_id TEXT NOT NULL REFERENCES devices (id), seq BIGINT NOT NULL, at TEXT NOT NULL, staff_id TEXT, action TEXT NOT NULL,
      entity TEXT NOT NULL, entity_id TEXT, details TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL, batch_no INTEGER NOT NULL,
      received_at TIMESTAMPTZ NOT NULL DEFAULT now(), PRIMARY KEY (device_id, seq))`,
    `CREATE INDEX audit_entries_action ON audit_entries (action, at)`,
    `CREATE TABLE audit_heads (
      device_id TEXT NOT NULL REFERENCES devices (id), batch_no INTEGER NOT NULL, seq BIGINT NOT NULL, hash TEXT NOT NULL, signature TEXT NOT NULL,
      held_seq BIGINT NOT NULL, problem TEXT, received_at TIMESTAMPTZ NOT NULL DEFAULT now(), PRIMARY KEY (device_id, batch_no))`,
  ];
  for (const statement of auditStatements) await sql.raw(statement).execute(db);
}
