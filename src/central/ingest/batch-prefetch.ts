// Reads, in a handful of queries, what a batch's operations will look up one by one: the people
// they name (by id, alias, personal ID, and the near-match key of each registration), the receipt
// numbers they use, and one official number per registration. Handlers then touch the database
// only to write. The keys travel as one array parameter (`= ANY($1::text[])`), not an `IN` list
// of hundreds of placeholders that Kysely compiles and PostgreSQL parses and binds one by one.
import { supportFactsOfData } from './person-support';
import { sql, type Transaction } from 'kysely';
import { foldName } from '../../shared/domain/name-folding';
import type { Operation } from '../../shared/sync/operations';
import type { CentralDb } from '../db/schema';
import { type BatchCache, type KnownPerson, nearMatchKey, nearMatchParts } from './op-context';
import { readPaidPeriods } from './paid-periods';

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
  const personColumns = ['id', 'officialNumber', 'fullName', 'nameFolded', 'personalId', 'dateOfBirth'] as const;
  if (ids.size > 0) {
    const list = [...ids];
    for (const id of list) cache.personOf.set(id, null);
    const persons = await trx
      .selectFrom('persons')
      .select(['id', 'data', 'officeCode'])
      .where(sql<boolean>`id = ANY(${list}::text[])`)
      .execute();
    const aliases = await trx
      .selectFrom('personAliases')
      .select(['localId', 'canonicalId'])
      .where(sql<boolean>`local_id = ANY(${list}::text[])`)
      .execute();
    for (const p of persons) {
      cache.personOf.set(p.id, p.id);
      cache.supportOf.set(p.id, supportFactsOfData((typeof p.data === 'string' ? JSON.parse(p.data) : p.data) as Record<string, unknown>));
      cache.officeOf.set(p.id, p.officeCode);
    }
    for (const a of aliases) cache.personOf.set(a.localId, a.canonicalId);
    // The canonical people reached through an alias: their office too.
    const unread = [...new Set(aliases.map((a) => a.canonicalId))].filter((id) => !cache.officeOf.has(id));
    if (unread.length > 0) {
      for (const p of await trx
        .selectFrom('persons')
        .select(['id', 'officeCode'])
        .where(sql<boolean>`id = ANY(${unread}::text[])`)
        .execute()) {
        cache.officeOf.set(p.id, p.officeCode);
      }
    }
    // What the payers already accepted have paid, to see months paid twice (paid-periods.ts).
    const paying = new Set([...payers].flatMap((id) => cache.personOf.get(id) ?? []));
    cache.paidOf = await readPaidPeriods(trx, [...paying]);
  }
  if (personalIds.size > 0) {
    for (const pid of personalIds) cache.byPersonalId.set(pid, null);
    const rows = await trx
      .selectFrom('persons')
      .select(personColumns)
      .where(sql<boolean>`personal_id = ANY(${[...personalIds]}::text[])`)
      .execute();
    for (const r of rows) cache.byPersonalId.set(r.personalId, known(r));
  }
  if (nearKeys.size > 0) {
    for (const key of nearKeys.keys()) cache.nearMatches.set(key, []);
    const parts = [...nearKeys.values()];
    for (const r of await nearMatchCandidates(trx, parts)) cache.nearMatches.get(nearMatchKey(r.dateOfBirth, r.nameFolded))?.push(known(r));
  }
  if (series.size > 0) {
    const rows = await trx
      .selectFrom('contributions')
      .select(['receiptSeries', 'receiptNumber'])
      .where(sql<boolean>`receipt_series = ANY(${[...series]}::text[])`)
      .where(sql<boolean>`receipt_number = ANY(${[...numbers]}::integer[])`)
      .execute();
    for (const s of series) for (const n of numbers) cache.receiptKeysLoaded.add(`${s}/${n}`);
    for (const r of rows) cache.receipts.add(`${r.receiptSeries}/${Number(r.receiptNumber)}`);
  }
  if (registrations > 0) {
    const reserved = await sql<{ n: number }>`SELECT nextval('official_number_seq') AS n FROM generate_series(1, ${registrations})`.execute(trx);
    cache.officialNumbers = reserved.rows.map((r) => Number(r.n)).sort((a, b) => a - b);
  }
  return cache;
}

/** The people under any of these near-match keys, through the index of migration 0002. */
export async function nearMatchCandidates(trx: Transaction<CentralDb>, keys: [string, string, string][]) {
  const result = await sql<KnownPerson & { dateOfBirth: string }>`
    SELECT p.id, p.official_number AS "officialNumber", p.full_name AS "fullName", p.name_folded AS "nameFolded", p.personal_id AS "personalId", p.date_of_birth AS "dateOfBirth"
    FROM unnest(${keys.map((k) => k[0])}::text[], ${keys.map((k) => k[1])}::text[], ${keys.map((k) => k[2])}::text[]) AS k(dob, family, given)
    JOIN persons p ON p.date_of_birth = k.dob AND split_part(p.name_folded, ' ', 1) = k.family AND split_part(p.name_folded, ' ', -1) = k.given`.execute(trx);
  return result.rows;
}

function known(r: { id: string; officialNumber: string | null; fullName: string; nameFolded: string; personalId: string }): KnownPerson {
  return { id: r.id, officialNumber: r.officialNumber, fullName: r.fullName, nameFolded: r.nameFolded, personalId: r.personalId };
}
