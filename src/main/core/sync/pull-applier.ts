// Applies pulled changes and the new cursor in one transaction. A change never silently
// overwrites a local record that still has unsent operations: such a clash becomes a sync issue
// holding the central version, for the supervisor to accept or keep.
import { markPulledPage, startPulledPage } from '../db/repositories/visit-facts-repository';
import { pageMarks } from './page-marks';
import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { foldName } from '../../../shared/domain/name-folding';
import { indexAllQueuedNames } from '../db/name-index';
import { withUnansweredOperations } from '../db/repositories/outbox-repository';
import * as participants from '../db/repositories/participants-repository';
import { insertIssues } from '../db/repositories/sync-issues-repository';
import { followUpdateChannel, savePullCursor } from '../db/repositories/sync-state-repository';
import type { Database } from '../db/schema';
import { storeSchedule } from '../services/reference-schedule-store';
import { applyPulledAdminUnits } from '../services/admin-units-store';
import type { CentralChange } from '../../../shared/sync/changes';
import { factsFromCategory } from '../../../shared/domain/support-facts';
import { factColumns } from '../db/repositories/participants-repository';
import { insertParticipantRows, type ParticipantInsert } from '../db/repositories/pulled-people-repository';
import { settleFromCentral } from '../services/sync-issues-service';
import { keepDeviceKey } from '../db/repositories/device-keys-repository';
import { applyPulledAssignment, applyPulledHamlet, applyPulledVisit } from './field-applier';
import { applyOfficeChanges, isOfficeChange, type OfficeChange } from './office-picture-applier';

type ParticipantChange = Extract<CentralChange, { kind: 'participant' }>;

/** What one page of changes needs to know about local rows, fetched in three queries, not 3 per row. */
interface PageLookup {
  byId: Map<string, { id: string; version: number }>;
  byPersonalId: Map<string, { id: string; canonicalId: string | null }>;
  unsent: Set<string>;
  /** New people of this page, written together at its end (one statement per few hundred rows). */
  inserts: Map<string, ParticipantInsert>;
}

async function lookupPage(trx: Transaction<Database>, changes: CentralChange[]): Promise<PageLookup> {
  const people = changes.flatMap((c) => (c.kind === 'participant' ? [c.payload] : []));
  const ids = people.map((p) => p.id);
  const personalIds = people.map((p) => p.personalId);
  const lookup: PageLookup = { byId: new Map(), byPersonalId: new Map(), unsent: new Set(), inserts: new Map() };
  if (ids.length === 0) return lookup;
  for (const r of await participants.versionsOf(trx, ids)) lookup.byId.set(r.id, r);
  for (const r of await participants.holdersOf(trx, personalIds)) lookup.byPersonalId.set(r.personalId, r);
  lookup.unsent = await withUnansweredOperations(trx, ids);
  return lookup;
}

async function clash(trx: Transaction<Database>, change: ParticipantChange, entityId: string, at: string, vi: string, en: string): Promise<void> {
  await insertIssues(trx, [
    {
      id: uuidv7(),
      opId: null,
      kind: `pull.${change.kind}`,
      entityId,
      class: 'CONFLICT',
      code: 'CONFLICT',
      message: vi,
      messageEn: en,
      details: JSON.stringify({ central: change.payload }),
      state: 'open',
      resolution: null,
      resolutionNote: null,
      resolvedBy: null,
      resolvedAt: null,
      createdAt: at,
    },
  ]);
}

async function applyParticipant(trx: Transaction<Database>, change: ParticipantChange, at: string, lookup: PageLookup): Promise<void> {
  const p = change.payload;
  const id = p.id;
  const local = lookup.byId.get(id);
  if (local && lookup.unsent.has(id)) {
    await clash(
      trx,
      change,
      id,
      at,
      'Trung tâm đã sửa hồ sơ này trong khi máy còn thay đổi chưa gửi. Chọn giữ bản của máy hoặc nhận bản trung tâm.',
      'The central service changed this record while local changes are unsent.',
    );
    return;
  }
  const sameId = lookup.byPersonalId.get(p.personalId);
  if (sameId && sameId.id !== id && sameId.canonicalId === id) {
    // Our own registration of this person, already linked to the canonical one: nothing to add.
    await participants.updateParticipantRow(trx, sameId.id, { officialNumber: p.officialNumber ?? null });
    return;
  }
  if (sameId && sameId.id !== id) {
    await clash(
      trx,
      change,
      sameId.id,
      at,
      'Trung tâm có một hồ sơ khác cùng số định danh với hồ sơ trên máy.',
      'The central service holds another person with the same personal ID.',
    );
    return;
  }
  const row = pulledPersonRow(p, at);
  const queued = lookup.inserts.get(id);
  if (queued) {
    // The same person twice in a page: the later word stands, as a second insert would have it.
    lookup.inserts.set(id, row);
  } else if (local) {
    const { householdId: _household, createdBy: _by, createdAt: _at, ...changes } = row;
    await participants.updateParticipantRow(trx, id, changes);
  } else {
    lookup.inserts.set(id, row);
    lookup.byId.set(id, { id, version: row.version });
    lookup.byPersonalId.set(row.personalId, { id, canonicalId: row.canonicalId });
  }
}

/**
 * A pulled person's whole row, made in one object of one shape (a picture brings a million: no
 * spread of the facts or of the row, which made each row anew and slowly).
 */
function pulledPersonRow(p: ParticipantChange['payload'], at: string): ParticipantInsert {
  const facts = pulledFacts(p);
  return {
    id: p.id,
    fullName: p.fullName,
    nameFolded: foldName(p.fullName),
    dateOfBirth: p.dateOfBirth,
    sex: p.sex === 'female' ? 'female' : 'male',
    ethnicity: p.ethnicity ?? 'Kinh',
    nationality: p.nationality ?? 'Việt Nam',
    personalId: p.personalId,
    siNumber: p.siNumber ?? null,
    phone: p.phone ?? null,
    provinceCode: p.provinceCode,
    communeCode: p.communeCode,
    addressLine: p.addressLine ?? '',
    declaredSupportCategory: facts.declared,
    povertyKind: facts.columns.povertyKind,
    povertyCertificateNo: facts.columns.povertyCertificateNo,
    povertyValidFrom: facts.columns.povertyValidFrom,
    povertyValidTo: facts.columns.povertyValidTo,
    student: facts.columns.student,
    agriAverage: facts.columns.agriAverage,
    legacyCommuneCode: facts.columns.legacyCommuneCode,
    legacyAddress: facts.columns.legacyAddress,
    householdId: null,
    hamletId: p.hamletId ?? null,
    officialNumber: p.officialNumber ?? null,
    canonicalId: p.canonicalId ?? null,
    version: p.version ?? 1,
    createdBy: null,
    createdAt: at,
    updatedAt: at,
  };
}

/** Applies one page of changes and stores the cursor; returns how many were applied. */
export async function applyPulledChanges(db: Kysely<Database>, changes: CentralChange[], nextCursor: string | null, at: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await applyChangesIn(trx, changes, at);
    await savePullCursor(trx, nextCursor, at);
    return changes.length;
  });
}

/**
 * The facts of a person as the central sends them: the facts themselves from offices that record
 * facts, or — from an office of an older release — the one support category, moved onto its fact
 * as migration 0019 moves a stored one (what no fact says stays declared, to be checked).
 */
function pulledFacts(p: Record<string, unknown>): { declared: string; columns: ReturnType<typeof factColumns> } {
  if ('poverty' in p || 'student' in p || 'agriAverage' in p) {
    const poverty = p.poverty as { kind: 'poor' | 'near-poor'; number: string | null; validFrom: string | null; validTo: string | null } | null | undefined;
    const legacy = p.legacyAddress as { legacyCommuneCode: string; text: string } | null | undefined;
    return {
      declared: 'other',
      columns: factColumns({ poverty: poverty ?? null, student: p.student === true, agriAverage: p.agriAverage === true, legacyAddress: legacy ?? null }),
    };
  }
  const category = String(p.supportCategory ?? 'other');
  const facts = factsFromCategory(category);
  return {
    declared: category === 'ethnic-minority' || category === 'island' ? category : 'other',
    columns: factColumns({ poverty: facts.poverty, student: facts.student, agriAverage: facts.agriAverage, legacyAddress: null }),
  };
}

/**
 * Applies changes inside the caller's transaction: people first (written together), then what the
 * office's other devices did, which may name them (office-picture-applier.ts). The picture's first
 * fill applies its pages through here too.
 */
export async function applyChangesIn(trx: Transaction<Database>, changes: CentralChange[], at: string): Promise<void> {
  // The visit list's marks: once for the page, not a trigger's write per row (page-marks.ts).
  const marks = pageMarks(changes);
  await startPulledPage(trx, marks.households);
  const lookup = await lookupPage(trx, changes);
  const office: OfficeChange[] = [];
  for (const change of changes) {
    if (isOfficeChange(change)) {
      office.push(change);
      continue;
    }
    switch (change.kind) {
      case 'reference.contribution-rates':
        await storeSchedule(trx, change.payload.body ?? change.payload, at);
        break;
      case 'reference.admin-units':
        await applyPulledAdminUnits(trx, change.payload.body, at);
        break;
      case 'participant':
        await applyParticipant(trx, change, at, lookup);
        break;
      case 'review.settled':
        await settleFromCentral(trx, change.payload.opId, change.payload.refunded, at);
        break;
      case 'office.update-channel':
        // Changes go to every office of the province: this one follows only its own channel.
        await followUpdateChannel(trx, change.payload.officeCode, change.payload.channel);
        break;
      case 'device.key':
        await keepDeviceKey(trx, change.payload, at);
        break;
      case 'hamlet':
        await applyPulledHamlet(trx, change.payload);
        break;
      case 'field.assignment':
        await applyPulledAssignment(trx, change.payload);
        break;
      case 'visit':
        await applyPulledVisit(trx, change.payload);
        break;
    }
  }
  await insertParticipantRows(trx, [...lookup.inserts.values()]);
  // A page can bring thousands of people: they are indexed for search here, in the page's
  // transaction, rather than left queued for the housekeeping between calls.
  await indexAllQueuedNames(trx);
  await applyOfficeChanges(trx, office, at);
  await markPulledPage(trx, marks.marks, marks.personalIds);
}
