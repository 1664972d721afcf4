// Administration of offices and devices: create offices, issue one-time enrollment codes, enroll a
// device with its public key, list and revoke devices. Used by the CLI and by the enroll route.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { parseSchedule, type ReferenceSchedule } from '../shared/domain/reference-schedule';
import type { CentralChange } from '../shared/sync/changes';
import { uuidv7 } from 'uuidv7';
import { CentralError } from './central-error';
import { queueCentralChange, queueDeviceKey } from './changes-feed';
import { keyIdOf } from '../shared/verification/receipt-payload';
import type { CentralDb } from './db/schema';
import { carryTopUpsForward, newestSchedule } from './reference-publish';

type RatesChange = Extract<CentralChange, { kind: 'reference.contribution-rates' }>['payload'];

export async function createOffice(db: Kysely<CentralDb>, o: { code: string; name: string; provinceCode: string; parentCode?: string | null }) {
  if (!/^[A-Z0-9]{2,12}$/.test(o.code))
    throw new CentralError(400, 'VALIDATION', 'Mã cơ quan 2–12 ký tự in hoa hoặc số.', 'Office code: 2–12 upper-case letters or digits.', undefined, 'code');
  if (!/^\d{2}$/.test(o.provinceCode)) throw new CentralError(400, 'VALIDATION', 'Mã tỉnh gồm 2 chữ số.', 'Province code has 2 digits.', undefined, 'province');
  await db
    .insertInto('offices')
    .values({ code: o.code, name: o.name, provinceCode: o.provinceCode, parentCode: o.parentCode ?? null })
    .onConflict((oc) => oc.column('code').doUpdateSet({ name: o.name, provinceCode: o.provinceCode, parentCode: o.parentCode ?? null }))
    .execute();
  return o;
}

export async function issueEnrollmentCode(db: Kysely<CentralDb>, officeCode: string): Promise<string> {
  const office = await db.selectFrom('offices').select('code').where('code', '=', officeCode).executeTakeFirst();
  if (!office) throw new CentralError(404, 'NOT_FOUND', `Không có cơ quan mã ${officeCode}.`, `Unknown office ${officeCode}.`);
  // 12 characters from an alphabet without look-alikes, read aloud over the phone to a clerk.
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const code = [...randomBytes(12)].map((b) => alphabet[b % alphabet.length]).join('');
  await db.insertInto('enrollmentCodes').values({ code, officeCode }).execute();
  return code;
}

export async function enrollDevice(db: Kysely<CentralDb>, input: { code: string; publicKey: string; deviceName: string }) {
  return db.transaction().execute(async (trx) => {
    const code = await trx.selectFrom('enrollmentCodes').selectAll().where('code', '=', input.code.trim().toUpperCase()).forUpdate().executeTakeFirst();
    if (!code || code.usedAt) {
      throw new CentralError(
        403,
        'BAD_ENROLLMENT_CODE',
        'Mã đăng ký không đúng hoặc đã được dùng.',
        'The enrollment code is wrong or already used.',
        undefined,
        'code',
      );
    }
    const taken = await trx.selectFrom('devices').select('id').where('publicKey', '=', input.publicKey).executeTakeFirst();
    if (taken) throw new CentralError(409, 'KEY_REUSED', 'Khóa của thiết bị đã được đăng ký.', 'This device key is already enrolled.');
    const id = uuidv7();
    const keyId = await keyIdOf(input.publicKey);
    await trx.insertInto('devices').values({ id, officeCode: code.officeCode, publicKey: input.publicKey, keyId, name: input.deviceName }).execute();
    await trx.updateTable('enrollmentCodes').set({ usedAt: new Date(), deviceId: id }).where('code', '=', code.code).execute();
    await queueDeviceKey(trx, id);
    const office = await trx.selectFrom('offices').select(['code', 'provinceCode']).where('code', '=', code.officeCode).executeTakeFirstOrThrow();
    return { deviceId: id, officeCode: office.code, provinceCode: office.provinceCode };
  });
}

export function listDevices(db: Kysely<CentralDb>) {
  return db.selectFrom('devices').select(['id', 'officeCode', 'name', 'enrolledAt', 'revokedAt', 'nextBatchNo']).orderBy('enrolledAt').execute();
}

/**
 * What waits for review, the oldest first: registrations held as a possible duplicate of a person
 * another office registered, and payments recorded from facts that differ from the central's
 * records (FACTS_DIFFER: receipt, amount and what differs) or for months the person had paid
 * (MONTHS_ALREADY_PAID). Which office sent them, whom they
 * name, and whether the office's supervisor has since reviewed a held registration (`reviewed`)
 * or it still waits (`open`; `all` lists both).
 */
export async function listHeldItems(db: Kysely<CentralDb>, options: { all: boolean } = { all: false }) {
  let query = db
    .selectFrom('heldItems')
    .innerJoin('devices', 'devices.id', 'heldItems.deviceId')
    .select(['heldItems.createdAt', 'devices.officeCode', 'heldItems.class', 'heldItems.kind', 'heldItems.payload', 'heldItems.status', 'heldItems.opId']);
  if (!options.all) query = query.where('heldItems.status', '=', 'open');
  const rows = await query.orderBy('heldItems.createdAt').execute();
  const items = rows.map(({ payload, ...row }) => ({ ...row, payload: (typeof payload === 'string' ? JSON.parse(payload) : payload) as HeldPayload }));
  const payers = await payersOf(
    db,
    items.flatMap((i) => (i.payload.participantId ? [i.payload.participantId] : [])),
  );
  return items.map(({ payload, ...row }) => {
    const person = payload.participantId ? (payers.get(payload.participantId) ?? {}) : payload;
    const about = payload.receipt ? `${payload.receipt.series}/${payload.receipt.number}, ${payload.total} đ — ${payload.review?.message ?? ''}` : '';
    return { ...row, fullName: person.fullName ?? '', dateOfBirth: person.dateOfBirth ?? '', personalId: person.personalId ?? '', about };
  });
}

interface HeldPayload {
  fullName?: string;
  dateOfBirth?: string;
  personalId?: string;
  participantId?: string;
  receipt?: { series: string; number: number };
  total?: number;
  review?: { message: string };
}

/** The people named by payments (their local or canonical ids) → name, birth date and personal ID. */
async function payersOf(db: Kysely<CentralDb>, ids: string[]) {
  const found = new Map<string, { fullName: string; dateOfBirth: string; personalId: string }>();
  if (ids.length === 0) return found;
  const rows = await db
    .selectFrom('persons')
    .leftJoin('personAliases', 'personAliases.canonicalId', 'persons.id')
    .select(['persons.id', 'personAliases.localId', 'persons.fullName', 'persons.dateOfBirth', 'persons.personalId'])
    .where((eb) => eb.or([eb('persons.id', 'in', ids), eb('personAliases.localId', 'in', ids)]))
    .execute();
  for (const { id, localId, ...person } of rows) {
    found.set(id, person);
    if (localId) found.set(localId, person);
  }
  return found;
}

/**
 * Marks an item waiting for review as reviewed at the central (its administrator has settled it:
 * a payment's difference collected or refunded, a hold cleared with the office); it leaves the
 * open list and stays in `--all`.
 */
export async function markHeldReviewed(db: Kysely<CentralDb>, opId: string): Promise<void> {
  const result = await db.updateTable('heldItems').set({ status: 'reviewed' }).where('opId', '=', opId).where('status', '=', 'open').executeTakeFirst();
  if (Number(result.numUpdatedRows) > 0) return;
  const known = await db.selectFrom('heldItems').select('status').where('opId', '=', opId).executeTakeFirst();
  if (known) throw new CentralError(409, 'CONFLICT', 'Mục này đã được xem xét trước đó.', 'This item was already reviewed.');
  throw new CentralError(404, 'NOT_FOUND', 'Không có mục chờ xem xét với mã thao tác này.', 'No item waiting for review has this operation id.');
}

/** Ends a device: every later request is refused. Its key stays on the feed, marked revoked: what it signed before still verifies. */
export async function revokeDevice(db: Kysely<CentralDb>, deviceId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const result = await trx.updateTable('devices').set({ revokedAt: new Date() }).where('id', '=', deviceId).where('revokedAt', 'is', null).executeTakeFirst();
    if (Number(result.numUpdatedRows) > 0) return queueDeviceKey(trx, deviceId);
    const known = await trx.selectFrom('devices').select('id').where('id', '=', deviceId).executeTakeFirst();
    if (!known) throw new CentralError(404, 'NOT_FOUND', 'Không có thiết bị này.', 'Unknown device.');
  });
}

/**
 * Publishes a contribution-rate schedule version to every office: stored once, and put on the
 * change feed (nation-wide, no province) in the same transaction under the counter's lock, so a
 * puller meets it in commit order. Returns false when that version was already published.
 */
export async function publishReferenceSchedule(db: Kysely<CentralDb>, body: unknown): Promise<boolean> {
  let schedule: ReferenceSchedule;
  try {
    schedule = parseSchedule(body);
  } catch (error) {
    throw new CentralError(
      400,
      'VALIDATION',
      `Bảng mức đóng không hợp lệ: ${(error as Error).message}`,
      'Invalid contribution-rate schedule.',
      undefined,
      'file',
    );
  }
  const { version } = schedule;
  return db.transaction().execute(async (trx) => {
    const previous = await newestSchedule(trx);
    const inserted = await trx
      .insertInto('referenceSchedules')
      .values({ version, body: JSON.stringify(body) })
      .onConflict((oc) => oc.column('version').doNothing())
      .returning('version')
      .executeTakeFirst();
    if (!inserted) return false;
    await queueCentralChange(trx, { kind: 'reference.contribution-rates', payload: { version, body } satisfies RatesChange }, null);
    // A province's top-ups stay in force when a schedule without them is published (reference-publish.ts).
    await carryTopUpsForward(trx, schedule, previous);
    return true;
  });
}
