// People received from the central written many at a time (the pull and a new device's picture,
// which brings a million): one row shape with every column given, its values read in the columns'
// order by one function, a hundred rows per statement whose text is built once (bulk-insert.ts).
import type { Kysely, Transaction } from 'kysely';
import { bulkInsert } from '../bulk-insert';
import type { Database, ParticipantsTable } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

/** Every column of a participant's row, in the order a pulled person's values are given. */
export const PARTICIPANT_COLUMNS = [
  'id',
  'fullName',
  'nameFolded',
  'dateOfBirth',
  'sex',
  'ethnicity',
  'nationality',
  'personalId',
  'siNumber',
  'phone',
  'provinceCode',
  'communeCode',
  'addressLine',
  'declaredSupportCategory',
  'povertyKind',
  'povertyCertificateNo',
  'povertyValidFrom',
  'povertyValidTo',
  'student',
  'agriAverage',
  'legacyCommuneCode',
  'legacyAddress',
  'householdId',
  'hamletId',
  'officialNumber',
  'canonicalId',
  'version',
  'createdBy',
  'createdAt',
  'updatedAt',
] as const satisfies readonly Exclude<keyof ParticipantsTable, 'rowid'>[];

/** A person's row whole, every column given: what the pull writes for a person new here. */
export type ParticipantInsert = Pick<ParticipantsTable, (typeof PARTICIPANT_COLUMNS)[number]>;

const insertPeople = bulkInsert<unknown[]>('participants', PARTICIPANT_COLUMNS, (values) => values);

/**
 * People received from the central, a hundred rows per statement, the statement's text built once
 * (bulk-insert.ts): a picture brings a million, and the query builder walking 25 columns × 400 rows
 * per statement was a sixth of the fill. Each row's values are read in the columns' order by one
 * function (rows of one shape), not by column name over a row of unknown keys.
 */
export async function insertParticipantRows(db: Db, rows: readonly ParticipantInsert[]): Promise<void> {
  await insertPeople.run(db, rows.map(participantValues));
}

/** A row's values in `PARTICIPANT_COLUMNS` order (pulled-row-values.test.ts holds the two lists together). */
export function participantValues(r: ParticipantInsert): unknown[] {
  return [
    r.id,
    r.fullName,
    r.nameFolded,
    r.dateOfBirth,
    r.sex,
    r.ethnicity,
    r.nationality,
    r.personalId,
    r.siNumber,
    r.phone,
    r.provinceCode,
    r.communeCode,
    r.addressLine,
    r.declaredSupportCategory,
    r.povertyKind,
    r.povertyCertificateNo,
    r.povertyValidFrom,
    r.povertyValidTo,
    r.student,
    r.agriAverage,
    r.legacyCommuneCode,
    r.legacyAddress,
    r.householdId,
    r.hamletId,
    r.officialNumber,
    r.canonicalId,
    r.version,
    r.createdBy,
    r.createdAt,
    r.updatedAt,
  ];
}
