// Participants: SQL only — insert, update, fetch, and the searches (B-tree prefix on the folded
// name first, then FTS5 word matches; exact lookups by personal ID, SI number, phone).
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Participant, ParticipantSummary } from '../../../../shared/contract/participant';
import type { SupportFacts } from '../../../../shared/domain/support-facts';
import { foldName, nameHasWords } from '../../../../shared/domain/name-folding';
import { type PreparedQuery, preparedInsert, preparedQuery } from '../prepared-query';
import type { Database, ParticipantsTable } from '../schema';
import { jsonList } from '../json-list';

type Db = Kysely<Database> | Transaction<Database>;
export type ParticipantRow = Omit<ParticipantsTable, 'rowid'>;

const summaryColumns = [
  'id',
  'fullName',
  'dateOfBirth',
  'sex',
  'personalId',
  'siNumber',
  'phone',
  'provinceCode',
  'communeCode',
  'addressLine',
  'householdId',
  'canonicalId',
] as const;

export function toParticipant(row: ParticipantRow): Participant {
  const {
    nameFolded: _folded,
    createdBy: _createdBy,
    declaredSupportCategory,
    povertyKind,
    povertyCertificateNo,
    povertyValidFrom,
    povertyValidTo,
    student,
    agriAverage,
    legacyCommuneCode,
    legacyAddress,
    ...rest
  } = row;
  return {
    ...rest,
    poverty: povertyKind ? { kind: povertyKind, number: povertyCertificateNo, validFrom: povertyValidFrom, validTo: povertyValidTo } : null,
    student: student === 1,
    agriAverage: agriAverage === 1,
    legacyAddress: legacyCommuneCode ? { legacyCommuneCode, text: legacyAddress ?? '' } : null,
    declaredSupportCategory: declaredSupportCategory === 'other' ? null : (declaredSupportCategory as Participant['declaredSupportCategory']),
  };
}

/** The columns of the facts, from the contract's fields (what the form sends). */
export function factColumns(fields: {
  poverty: { kind: 'poor' | 'near-poor'; number: string | null; validFrom: string | null; validTo: string | null } | null;
  student: boolean;
  agriAverage: boolean;
  legacyAddress: { legacyCommuneCode: string; text: string } | null;
}): Pick<
  ParticipantRow,
  'povertyKind' | 'povertyCertificateNo' | 'povertyValidFrom' | 'povertyValidTo' | 'student' | 'agriAverage' | 'legacyCommuneCode' | 'legacyAddress'
> {
  return {
    povertyKind: fields.poverty?.kind ?? null,
    povertyCertificateNo: fields.poverty?.number ?? null,
    povertyValidFrom: fields.poverty?.validFrom ?? null,
    povertyValidTo: fields.poverty?.validTo ?? null,
    student: fields.student ? 1 : 0,
    agriAverage: fields.agriAverage ? 1 : 0,
    legacyCommuneCode: fields.legacyAddress?.legacyCommuneCode ?? null,
    legacyAddress: fields.legacyAddress?.text ?? null,
  };
}

/** The facts the support rules read, from a stored row. */
export function supportFactsOf(row: ParticipantRow): SupportFacts {
  return {
    poverty: row.povertyKind ? { kind: row.povertyKind, number: row.povertyCertificateNo, validFrom: row.povertyValidFrom, validTo: row.povertyValidTo } : null,
    ethnicity: row.ethnicity,
    communeCode: row.communeCode,
    student: row.student === 1,
    agriAverage: row.agriAverage === 1,
  };
}

const rowColumns: Record<keyof ParticipantRow, true> = {
  id: true,
  fullName: true,
  nameFolded: true,
  dateOfBirth: true,
  sex: true,
  ethnicity: true,
  nationality: true,
  personalId: true,
  siNumber: true,
  phone: true,
  provinceCode: true,
  communeCode: true,
  addressLine: true,
  hamletId: true,
  declaredSupportCategory: true,
  povertyKind: true,
  povertyCertificateNo: true,
  povertyValidFrom: true,
  povertyValidTo: true,
  student: true,
  agriAverage: true,
  legacyCommuneCode: true,
  legacyAddress: true,
  householdId: true,
  officialNumber: true,
  canonicalId: true,
  version: true,
  createdBy: true,
  createdAt: true,
  updatedAt: true,
};
const insertRow = preparedInsert<'participants', ParticipantRow>('participants', rowColumns);

export async function insertParticipant(db: Db, row: ParticipantRow): Promise<void> {
  await insertRow.execute(db, row);
}

/** The records with these ids, and their versions. */
export async function versionsOf(db: Db, ids: readonly string[]): Promise<{ id: string; version: number }[]> {
  if (ids.length === 0) return [];
  return (await sql<{ id: string; version: number }>`SELECT id, version FROM participants WHERE id IN ${jsonList(ids)}`.execute(db)).rows;
}

/** The records holding these personal IDs, and the canonical person each is linked to. */
export async function holdersOf(db: Db, personalIds: readonly string[]): Promise<{ id: string; canonicalId: string | null; personalId: string }[]> {
  if (personalIds.length === 0) return [];
  return (
    await sql<{ id: string; canonicalId: string | null; personalId: string }>`SELECT id, canonical_id, personal_id FROM participants
      WHERE personal_id IN ${jsonList(personalIds)}`.execute(db)
  ).rows;
}

/** Official numbers the central gave new people, a few hundred rows per statement. */
export async function applyOfficialNumbers(db: Db, numbers: { id: string; officialNumber: string }[]): Promise<void> {
  for (let i = 0; i < numbers.length; i += 100) {
    const values = numbers.slice(i, i + 100).map((r) => sql`(${r.id}, ${r.officialNumber})`);
    await sql`UPDATE participants SET official_number = v.column2 FROM (VALUES ${sql.join(values)}) AS v WHERE participants.id = v.column1`.execute(db);
  }
}

/** The central says this record is a person it already had: the record points at that one. */
export async function linkToCanonical(db: Db, link: { id: string; canonicalId: string; officialNumber: string | null }): Promise<void> {
  await db.updateTable('participants').set({ canonicalId: link.canonicalId, officialNumber: link.officialNumber }).where('id', '=', link.id).execute();
}

export async function updateParticipantRow(db: Db, id: string, changes: Partial<ParticipantRow>): Promise<void> {
  await db.updateTable('participants').set(changes).where('id', '=', id).execute();
}

const byId = preparedQuery<{ id: string }, ParticipantRow>((db, arg) => db.selectFrom('participants').selectAll().where('id', '=', arg('id')));

export function findParticipant(db: Db, id: string): Promise<ParticipantRow | undefined> {
  return byId.executeTakeFirst(db, { id });
}

const canonicalOf = preparedQuery<{ id: string }, { canonicalId: string | null }>((db, arg) =>
  db.selectFrom('participants').select('canonicalId').where('id', '=', arg('id')),
);
const linkedTo = preparedQuery<{ canonicalId: string }, { id: string }>((db, arg) =>
  db.selectFrom('participants').select('id').where('canonicalId', '=', arg('canonicalId')),
);

/**
 * The records on this machine of the person of record `id`: that record (first), the record of the
 * canonical person it is linked to, and every record linked to that one (index of migration 0015).
 * An id in the list may have no row here (a canonical person never pulled to this office). A caller
 * holding the record passes its `canonicalId` (null included), which is then not read again.
 */
export async function samePersonRecords(db: Db, record: { id: string; canonicalId?: string | null }): Promise<string[]> {
  const known = record.canonicalId !== undefined ? record.canonicalId : (await canonicalOf.executeTakeFirst(db, { id: record.id }))?.canonicalId;
  const canonical = known ?? record.id;
  const linked = await linkedTo.execute(db, { canonicalId: canonical });
  return [...new Set([record.id, canonical, ...linked.map((r) => r.id)])];
}

const byPersonalId = preparedQuery<{ personalId: string }, ParticipantRow>((db, arg) =>
  db.selectFrom('participants').selectAll().where('personalId', '=', arg('personalId')),
);

export function findByPersonalId(db: Db, personalId: string): Promise<ParticipantRow | undefined> {
  return byPersonalId.executeTakeFirst(db, { personalId });
}

const namesBornOn = preparedQuery<{ dateOfBirth: string }, { rowid: number; nameFolded: string }>((db, arg) =>
  db.selectFrom('participants').select(['rowid', 'nameFolded']).where('dateOfBirth', '=', arg('dateOfBirth')).limit(1000),
);

/**
 * Everyone born on a date, as (rowid, folded name) read from the (date_of_birth, name_folded)
 * index alone: the candidate set for the near-duplicate check (tens of rows at a million people),
 * without a random table read per candidate on every registration.
 */
export function findNamesBornOn(db: Db, dateOfBirth: string): Promise<{ rowid: number; nameFolded: string }[]> {
  return namesBornOn.execute(db, { dateOfBirth });
}

/** People of exactly this folded name born on any of these dates (the birth-date typo check). */
export function findSameNameBornOnAny(
  db: Db,
  nameFolded: string,
  dates: string[],
): Promise<Pick<ParticipantRow, 'id' | 'fullName' | 'personalId' | 'dateOfBirth'>[]> {
  if (dates.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('participants')
    .select(['id', 'fullName', 'personalId', 'dateOfBirth'])
    .where('dateOfBirth', 'in', dates)
    .where('nameFolded', '=', nameFolded)
    .execute();
}

export function findByRowids(db: Db, rowids: number[]): Promise<Pick<ParticipantRow, 'id' | 'fullName' | 'personalId' | 'dateOfBirth'>[]> {
  if (rowids.length === 0) return Promise.resolve([]);
  return db.selectFrom('participants').select(['id', 'fullName', 'personalId', 'dateOfBirth']).where('rowid', 'in', rowids).execute();
}

type NumberColumn = 'personalId' | 'siNumber' | 'phone';
const byNumberQuery = (column: NumberColumn) =>
  preparedQuery<{ value: string; limit: number }, ParticipantSummary>((db, arg) =>
    db.selectFrom('participants').select(summaryColumns).where(column, '=', arg('value')).limit(arg('limit')),
  );
const byNumber: Record<NumberColumn, PreparedQuery<{ value: string; limit: number }, ParticipantSummary>> = {
  personalId: byNumberQuery('personalId'),
  siNumber: byNumberQuery('siNumber'),
  phone: byNumberQuery('phone'),
};

export function findByNumber(db: Db, column: NumberColumn, value: string, limit: number): Promise<ParticipantSummary[]> {
  return byNumber[column].execute(db, { value, limit });
}

const byNamePrefix = preparedQuery<{ from: string; to: string; limit: number }, ParticipantSummary>((db, arg) =>
  db
    .selectFrom('participants')
    .select(summaryColumns)
    .where('nameFolded', '>=', arg('from'))
    .where('nameFolded', '<', arg('to'))
    .orderBy('nameFolded')
    .limit(arg('limit')),
);

/** Names that start with the folded query, in name order: the clerk typed the name from the start. */
export function findByNamePrefix(db: Db, folded: string, limit: number): Promise<ParticipantSummary[]> {
  return byNamePrefix.execute(db, { from: folded, to: folded + '\uffff', limit });
}

/**
 * The query's words anywhere in the name, in any order (`an thi` finds `Lê Thị An`). Words before
 * the last are whole words and only the last is a prefix — how a clerk types, and what keeps
 * common words cheap: a prefix on `nguyen` or `thi` would make FTS5 merge hundreds of thousands
 * of rows before it can intersect anything. People saved or renamed since the index last caught
 * up (db/name-index.ts, usually none or the one just saved) are matched by their queued names.
 */
export async function findByNameWords(db: Db, folded: string, limit: number): Promise<ParticipantSummary[]> {
  const words = folded.split(' ').filter((w) => /^[a-z0-9]+$/.test(w));
  if (words.length === 0) return [];
  const match = words.map((w, i) => (i === words.length - 1 ? `"${w}"*` : `"${w}"`)).join(' ');
  const indexed = await byNameMatch.execute(db, { match, candidates: limit * 4, limit });
  const queued = (await queuedPeople.execute(db, {})).filter((p) => nameHasWords(p.nameFolded, words));
  if (queued.length === 0) return indexed;
  const byName = [...indexed.map((p) => ({ ...p, nameFolded: foldName(p.fullName) })), ...queued].sort((a, b) =>
    a.nameFolded < b.nameFolded ? -1 : a.nameFolded > b.nameFolded ? 1 : 0,
  );
  return byName.slice(0, limit).map(({ nameFolded: _n, ...summary }) => summary);
}

const byNameMatch = preparedQuery<{ match: string; candidates: number; limit: number }, ParticipantSummary>((db, arg) =>
  db
    .selectFrom('participants')
    .select(summaryColumns.map((c) => `participants.${c}` as const))
    .where(sql<boolean>`participants.rowid IN (SELECT rowid FROM participants_fts WHERE participants_fts MATCH ${arg('match')} LIMIT ${arg('candidates')})`)
    // A renamed person still queued is in the index under the old name: found by the new one below.
    .where(sql<boolean>`participants.rowid NOT IN (SELECT participant_rowid FROM name_index_queue)`)
    .orderBy('nameFolded')
    .limit(arg('limit')),
);

/** People recorded with one of these old communes (their old address), in name order, with the folded name to filter by. */
export async function findByLegacyCommunes(
  db: Db,
  legacyCommuneCodes: readonly string[],
  limit: number,
): Promise<(ParticipantSummary & { nameFolded: string })[]> {
  if (legacyCommuneCodes.length === 0) return [];
  return db
    .selectFrom('participants')
    .select([...summaryColumns, 'nameFolded'])
    .where('legacyCommuneCode', 'in', legacyCommuneCodes)
    .orderBy('nameFolded')
    .limit(limit)
    .execute();
}

const queuedPeople = preparedQuery<Record<string, never>, ParticipantSummary & { nameFolded: string }>((db) =>
  db
    .selectFrom('participants')
    .select([...summaryColumns, 'nameFolded'])
    .where('rowid', 'in', (eb) => eb.selectFrom('nameIndexQueue').select('participantRowid')),
);

/**
 * The record on this machine of each of these central (canonical) person ids: the record with that
 * id (pulled, or registered here and accepted as new), else a record of this office linked to it
 * (registered here and answered DUPLICATE). An id with neither is absent from the map.
 */
export async function localRecordsOf(db: Db, canonicalIds: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (canonicalIds.length === 0) return found;
  // The ids as one JSON parameter (a picture's page names thousands): one statement each, prepared once.
  const ids = JSON.stringify([...new Set(canonicalIds)]);
  const linked = await sql<{ id: string; canonicalId: string }>`SELECT id, canonical_id FROM participants
    WHERE canonical_id IN (SELECT value FROM json_each(${ids})) ORDER BY rowid`.execute(db);
  for (const r of linked.rows) if (!found.has(r.canonicalId)) found.set(r.canonicalId, r.id);
  const own = await sql<{ id: string }>`SELECT id FROM participants WHERE id IN (SELECT value FROM json_each(${ids}))`.execute(db);
  for (const r of own.rows) found.set(r.id, r.id);
  return found;
}
