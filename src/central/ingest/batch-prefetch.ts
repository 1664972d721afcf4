// Reads, in one statement, what a batch's operations will look up one by one: the people they name
// (by id, alias, personal ID, and the near-match key of each registration), what the payers paid
// already, the receipt numbers they use, and one official number per registration. Handlers then
// touch the database only to write. The keys travel as one array parameter each (`= ANY(…)`), not
// an `IN` list of hundreds of placeholders that Kysely compiles and PostgreSQL parses and binds.
import { supportFactsOfData } from './person-support';
import { sql, type Transaction } from 'kysely';
import { foldName } from '../../shared/domain/name-folding';
import type { Operation } from '../../shared/sync/operations';
import type { CentralDb } from '../db/schema';
import { type BatchCache, type KnownPerson, nearMatchKey, nearMatchParts } from './op-context';
import { columnArray } from './bulk-insert';
import { paidPeriodsOfRows } from './paid-periods';

export async function prefetchBatch(trx: Transaction<CentralDb>, ops: Operation[]): Promise<BatchCache> {
  const ids = new Set<string>();
  const personalIds = new Set<string>();
  const nearKeys = new Map<string, [string, string, string]>();
  const series = new Set<string>();
  const numbers = new Set<number>();
  const payers = new Set<string>();
  let registrations = 0;
  const folded = new Map<string, string>();
  for (const op of ops) {
    switch (op.kind) {
      case 'participant.register':
      case 'participant.update': {
        const { id, personalId, dateOfBirth, fullName } = op.payload;
        ids.add(id);
        personalIds.add(personalId);
        if (op.kind === 'participant.register') {
          registrations++;
          const name = folded.get(fullName) ?? foldName(fullName);
          folded.set(fullName, name);
          nearKeys.set(nearMatchKey(dateOfBirth, name), nearMatchParts(dateOfBirth, name));
        }
        break;
      }
      case 'contribution.record':
        ids.add(op.payload.participantId);
        payers.add(op.payload.participantId);
        series.add(op.payload.receipt.series);
        numbers.add(op.payload.receipt.number);
        break;
      case 'enrollment.set':
        ids.add(op.payload.participantId);
        break;
      case 'household.create':
        ids.add(op.payload.headParticipantId);
        break;
    }
  }
  const cache: BatchCache = {
    personOf: new Map(),
    byPersonalId: new Map(),
    nearMatches: new Map(),
    receipts: new Set(),
    receiptKeysLoaded: new Set(),
    officialNumbers: [],
    supportOf: new Map(),
    paidOf: new Map(),
    communeStatuses: null,
    folded,
    officeOf: new Map(),
  };
  if (ids.size === 0 && personalIds.size === 0 && nearKeys.size === 0 && series.size === 0 && registrations === 0) return cache;
  for (const id of ids) cache.personOf.set(id, null);
  for (const pid of personalIds) cache.byPersonalId.set(pid, null);
  for (const key of nearKeys.keys()) cache.nearMatches.set(key, []);
  const near = [...nearKeys.values()];
  const found = (
    await prefetchQuery(trx, {
      ids: [...ids],
      payers: [...payers],
      personalIds: [...personalIds],
      near,
      series: [...series],
      numbers: [...numbers],
      registrations,
    })
  ).rows[0]!;
  for (const [id, data, officeCode] of json<[string, unknown, string][]>(found.persons)) {
    cache.personOf.set(id, id);
    cache.supportOf.set(id, supportFactsOfData((typeof data === 'string' ? JSON.parse(data) : data) as Record<string, unknown>));
    cache.officeOf.set(id, officeCode);
  }
  // The canonical people reached through an alias: their office too.
  for (const [localId, canonicalId, officeCode] of json<[string, string, string][]>(found.aliases)) {
    cache.personOf.set(localId, canonicalId);
    if (!cache.officeOf.has(canonicalId)) cache.officeOf.set(canonicalId, officeCode);
  }
  // What the payers already accepted have paid, to see months paid twice (paid-periods.ts).
  if (ids.size > 0) cache.paidOf = paidPeriodsOfRows([...new Set([...payers].flatMap((id) => cache.personOf.get(id) ?? []))], json(found.paid));
  for (const r of json<[string, string | null, string, string, string][]>(found.byPersonalId)) cache.byPersonalId.set(r[4], knownOf(r));
  for (const r of json<[string, string | null, string, string, string, string][]>(found.near))
    cache.nearMatches.get(nearMatchKey(r[5], r[3]))?.push(knownOf(r));
  for (const s of series) for (const n of numbers) cache.receiptKeysLoaded.add(`${s}/${n}`);
  for (const [s, n] of json<[string, number][]>(found.receipts)) cache.receipts.add(`${s}/${Number(n)}`);
  cache.officialNumbers = json<(string | number)[]>(found.officialNumbers).map(Number);
  return cache;
}

interface PrefetchKeys {
  ids: string[];
  payers: string[];
  personalIds: string[];
  near: [string, string, string][];
  series: string[];
  numbers: number[];
  registrations: number;
}

/**
 * Every lookup of the prefetch in one statement, each answered as a JSON array: one round trip, one
 * parse and plan, and one result row to read, where there were up to eight. The keys are given once
 * (the `k` row) and each lookup reads them through its index, as its own statement did: persons by
 * id, aliases with their canonical person's office, the paid periods of the payers' canonical people
 * (voided receipts and lump sums for missing months left out, as readPaidPeriods), people by personal
 * ID, near-match candidates (the index of migration 0002), the receipt numbers used, and one official
 * number per registration (in increasing order).
 */
function prefetchQuery(trx: Transaction<CentralDb>, keys: PrefetchKeys) {
  return sql<Record<'persons' | 'aliases' | 'paid' | 'byPersonalId' | 'near' | 'receipts' | 'officialNumbers', unknown>>`
    WITH k AS MATERIALIZED (
      SELECT ${columnArray(keys.ids, 'text')} AS ids, ${columnArray(keys.payers, 'text')} AS payers,
        ${columnArray(keys.personalIds, 'text')} AS personal_ids,
        ${columnArray(
          keys.near.map((n) => n[0]),
          'text',
        )} AS dobs,
        ${columnArray(
          keys.near.map((n) => n[1]),
          'text',
        )} AS families,
        ${columnArray(
          keys.near.map((n) => n[2]),
          'text',
        )} AS givens,
        ${columnArray(keys.series, 'text')} AS series, ${columnArray(keys.numbers, 'integer')} AS numbers)
    SELECT
      (SELECT coalesce(json_agg(json_build_array(p.id, p.data, p.office_code)), '[]') FROM persons p
        WHERE p.id = ANY((SELECT ids FROM k)::text[])) AS persons,
      (SELECT coalesce(json_agg(json_build_array(a.local_id, a.canonical_id, p.office_code)), '[]')
        FROM person_aliases a JOIN persons p ON p.id = a.canonical_id WHERE a.local_id = ANY((SELECT ids FROM k)::text[])) AS aliases,
      (SELECT coalesce(json_agg(json_build_array(c.person_id, c.scheme, c.from_month, c.months, c.receipt_id, c.receipt_series, c.receipt_number, c.office_code)), '[]')
        FROM contributions c
        WHERE c.person_id IN (
            SELECT a.canonical_id FROM person_aliases a WHERE a.local_id = ANY((SELECT payers FROM k)::text[])
            UNION
            SELECT p.id FROM persons p WHERE p.id = ANY((SELECT payers FROM k)::text[]) AND NOT EXISTS (SELECT 1 FROM person_aliases a WHERE a.local_id = p.id))
          AND coalesce(c.method, 'monthly') <> 'lump-sum-shortfall'
          AND NOT EXISTS (SELECT 1 FROM receipt_voids v WHERE v.receipt_id = c.receipt_id)) AS paid,
      (SELECT coalesce(json_agg(json_build_array(p.id, p.official_number, p.full_name, p.name_folded, p.personal_id)), '[]') FROM persons p
        WHERE p.personal_id = ANY((SELECT personal_ids FROM k)::text[])) AS "byPersonalId",
      (SELECT coalesce(json_agg(json_build_array(p.id, p.official_number, p.full_name, p.name_folded, p.personal_id, p.date_of_birth)), '[]')
        FROM unnest((SELECT dobs FROM k), (SELECT families FROM k), (SELECT givens FROM k)) AS n(dob, family, given)
        JOIN persons p ON p.date_of_birth = n.dob AND split_part(p.name_folded, ' ', 1) = n.family AND split_part(p.name_folded, ' ', -1) = n.given) AS near,
      (SELECT coalesce(json_agg(json_build_array(c.receipt_series, c.receipt_number)), '[]') FROM contributions c
        WHERE c.receipt_series = ANY((SELECT series FROM k)::text[]) AND c.receipt_number = ANY((SELECT numbers FROM k)::integer[])) AS receipts,
      (SELECT coalesce(json_agg(s.n ORDER BY s.n), '[]') FROM (SELECT nextval('official_number_seq') AS n FROM generate_series(1, ${keys.registrations}::integer)) AS s)
        AS "officialNumbers"`.execute(trx);
}

/** A JSON column as the driver gives it: parsed already (PostgreSQL), or as text. */
const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

const knownOf = (r: [string, string | null, string, string, string, ...unknown[]]): KnownPerson => ({
  id: r[0],
  officialNumber: r[1],
  fullName: r[2],
  nameFolded: r[3],
  personalId: r[4],
});

/** The people under any of these near-match keys, through the index of migration 0002. */
export async function nearMatchCandidates(trx: Transaction<CentralDb>, keys: [string, string, string][]) {
  const result = await sql<KnownPerson & { dateOfBirth: string }>`
    SELECT p.id, p.official_number AS "officialNumber", p.full_name AS "fullName", p.name_folded AS "nameFolded", p.personal_id AS "personalId", p.date_of_birth AS "dateOfBirth"
    FROM unnest(${keys.map((k) => k[0])}::text[], ${keys.map((k) => k[1])}::text[], ${keys.map((k) => k[2])}::text[]) AS k(dob, family, given)
    JOIN persons p ON p.date_of_birth = k.dob AND split_part(p.name_folded, ' ', 1) = k.family AND split_part(p.name_folded, ' ', -1) = k.given`.execute(trx);
  return result.rows;
}
