// What each operation handler works with: the batch's transaction, the device, and the changes it
// adds to the pull feed (numbered at commit time, see apply-batch.ts).
import type { Insertable, RawBuilder, Transaction } from 'kysely';
import type { CentralChange } from '../../shared/sync/changes';
import type { CommuneStatus } from '../../shared/domain/support-facts';
import type { CentralDb } from '../db/schema';
import { type BulkColumns, insertStatement, writeTogether } from './bulk-insert';
import { paidThroughStatement } from './paid-through';
import type { AuthenticatedDevice } from '../request-auth';

/** A change's content: as made by the handler, or a row just written that the database makes it from (batch-finish.ts). */
export type ChangeContent =
  | (CentralChange & {
      from?: undefined;
      /** `JSON.stringify(payload)`, when the handler has made it already. */
      payloadJson?: string;
    })
  /** A new person: the change is their record as stored (`persons.data`). */
  | { kind: 'participant'; from: { person: string }; payload?: undefined; payloadJson?: undefined }
  /** A contribution: the change is built from its row by the database (contributionChangeSql, batch-finish.ts). */
  | { kind: 'contribution'; from: { contribution: string }; payload?: undefined; payloadJson?: undefined };

/**
 * A change for the pull feed and who receives it: the offices of a province, or one office's devices
 * (`officeCode`: a payment, a void, a household …), or every office (neither).
 */
export type PendingChange = ChangeContent & {
  provinceCode: string | null;
  officeCode?: string | null;
};

/**
 * Birth date, family name and given name (the first and last words of the folded name): two
 * people under one key are a possible duplicate. The database indexes the same three parts
 * (migration 0002), with split_part(name_folded, ' ', 1) and split_part(name_folded, ' ', -1).
 */
export function nearMatchParts(dateOfBirth: string, nameFolded: string): [string, string, string] {
  const words = nameFolded.split(' ');
  return [dateOfBirth, words[0]!, words[words.length - 1]!];
}

export const nearMatchKey = (dateOfBirth: string, nameFolded: string) => nearMatchParts(dateOfBirth, nameFolded).join('\u0000');

export interface KnownPerson {
  id: string;
  officialNumber: string | null;
  fullName: string;
  nameFolded: string;
  personalId: string;
}

/**
 * What a batch's operations look up, read in a few queries before the first one runs and kept
 * current as they write: a key present in a map is authoritative for this transaction; a key
 * absent is read from the database (so a lookup the prefetch did not foresee still works).
 */
export interface BatchCache {
  /** Local or canonical person id → canonical id; null when no such person is accepted. */
  personOf: Map<string, string | null>;
  byPersonalId: Map<string, KnownPerson | null>;
  /** nearMatchKey → the people under it (see person-ops.ts: a close name is a same key). */
  nearMatches: Map<string, KnownPerson[]>;
  /** `series/number` of receipts already stored, for the numbers this batch uses. */
  receipts: Set<string>;
  receiptKeysLoaded: Set<string>;
  /** Official numbers reserved for this batch's registrations, handed out in order. */
  officialNumbers: number[];
  /** Canonical person id → the support category of the central's record ('other' when none). */
  supportOf: Map<string, PersonSupport>;
  /** Canonical person id → the periods paid for them (receipt not voided), this batch's included. */
  paidOf: Map<string, PaidPeriod[]>;
  /** The communes' statuses of the newest units version, read once per batch (null until asked). */
  communeStatuses: readonly CommuneStatus[] | null;
  /** Full name → its folded form, as the prefetch folded it for the near-match keys. */
  folded: Map<string, string>;
  /** Canonical person id → the office that registered them (a payment elsewhere is sent there too). */
  officeOf: Map<string, string>;
}

/** A period a person has paid in a scheme, with the receipt that says so. */
export interface PaidPeriod {
  scheme: string;
  fromMonth: string;
  toMonth: string;
  receiptId: string;
  receipt: string;
  officeCode: string;
}

/** Rows the fast path writes together at the end of a run of operations (see apply-batch.ts). */
export { audienceColumns, contributionColumns };

export interface DeferredWrites {
  persons: Insertable<CentralDb['persons']>[];
  personAliases: Insertable<CentralDb['personAliases']>[];
  enrollments: Insertable<CentralDb['enrollments']>[];
  contributions: Insertable<CentralDb['contributions']>[];
  /** Written after `contributions` (they reference them). */
  audience: Insertable<CentralDb['contributionAudience']>[];
  /** Each paying person's paid-through months (ADR 0035), merged per person. */
  paidThrough: Map<string, CentralDb['paidThrough']>;
}

export interface OpContext {
  trx: Transaction<CentralDb>;
  device: AuthenticatedDevice;
  changes: PendingChange[];
  cache?: BatchCache;
  /** Present on the fast path: the handlers of DEFERRABLE_KINDS (operation-handlers.ts) queue their rows here. */
  deferred?: DeferredWrites;
  /**
   * The payload of the operation being applied as JSON, when it is the payload as sent (its
   * canonical form, made for its hash: checkOperation); a handler storing the payload adds its own
   * keys to it (withKeysAtEnd) instead of serialising the parsed payload again.
   */
  sentJson?: string | undefined;
}

export function emptyDeferredWrites(): DeferredWrites {
  return { persons: [], personAliases: [], enrollments: [], contributions: [], audience: [], paidThrough: new Map() };
}

const personColumns: BulkColumns = {
  id: 'text',
  officialNumber: 'text',
  personalId: 'text',
  fullName: 'text',
  nameFolded: 'text',
  dateOfBirth: 'text',
  provinceCode: 'text',
  officeCode: 'text',
  data: 'jsonb',
  version: 'integer',
  originDeviceId: 'text',
};
const aliasColumns: BulkColumns = { localId: 'text', canonicalId: 'text', deviceId: 'text' };
const enrollmentColumns: BulkColumns = { id: 'text', personId: 'text', scheme: 'text', data: 'jsonb', officeCode: 'text' };
const audienceColumns: BulkColumns = { officeCode: 'text', contributionId: 'text' };
const contributionColumns: BulkColumns = {
  id: 'text',
  personId: 'text',
  scheme: 'text',
  fromMonth: 'text',
  months: 'integer',
  paidOn: 'text',
  total: 'bigint',
  receiptId: 'text',
  receiptSeries: 'text',
  receiptNumber: 'integer',
  officeCode: 'text',
  deviceId: 'text',
  data: 'jsonb',
  householdId: 'text',
  method: 'text',
  incomeBasis: 'bigint',
  memberPosition: 'integer',
  supportedMonths: 'integer',
  businessDate: 'text',
  issuedAt: 'text',
  collectorStaffId: 'text',
  collectorName: 'text',
};

/**
 * Writes the queued rows, one statement for every table (writeTogether: foreign keys are checked
 * at its end, so parents and children go side by side).
 */
export async function flushDeferredWrites(ctx: OpContext): Promise<void> {
  const d = ctx.deferred;
  if (!d) return;
  const writes: RawBuilder<unknown>[] = [];
  const add = (table: string, columns: BulkColumns, rows: readonly Record<string, unknown>[], onConflict?: string) => {
    if (rows.length > 0) writes.push(insertStatement(table, columns, rows, onConflict));
  };
  add('persons', personColumns, d.persons);
  add('person_aliases', aliasColumns, d.personAliases, 'ON CONFLICT (local_id) DO NOTHING');
  // One statement may upsert a row once only; the last setting of an enrollment is the one kept,
  // as when they are applied one after another.
  add(
    'enrollments',
    enrollmentColumns,
    [...new Map(d.enrollments.map((e) => [e.id, e])).values()],
    'ON CONFLICT (id) DO UPDATE SET person_id = excluded.person_id, scheme = excluded.scheme, data = excluded.data, office_code = excluded.office_code',
  );
  add('contributions', contributionColumns, d.contributions);
  add('contribution_audience', audienceColumns, d.audience, 'ON CONFLICT DO NOTHING');
  const paidThrough = paidThroughStatement(d.paidThrough);
  if (paidThrough) writes.push(paidThrough);
  ctx.deferred = emptyDeferredWrites();
  await writeTogether(ctx.trx, writes);
}

/**
 * A person's support facts as the central holds them (`category` only from an office of an older
 * release), and what the rules also ask of the person: birth date and sex (age limits, the lump sum
 * for missing years) and the province (its top-up).
 */
export interface PersonSupport {
  facts: import('../../shared/domain/support-facts').SupportFacts;
  category: string | null;
  dateOfBirth: string;
  sex: 'male' | 'female';
  provinceCode: string;
}
