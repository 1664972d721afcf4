// The field officers' records pulled from the central (issue 21, ADR 0029): a commune's hamlets,
// the officers' areas and the visits made on the office's other devices. A hamlet or an area is
// taken when it is newer than the one held (a change made here and not yet answered has the higher
// version, so it is never overwritten); a visit is written once, marked with the device that made
// it. Areas and visits of other offices of the province are skipped.
import type { Transaction } from 'kysely';
import type { ChangePayload } from '../../../shared/sync/changes';
import { hamletKey } from '../../../shared/domain/hamlets';
import * as hamlets from '../db/repositories/hamlets-repository';
import { requireOfficeRow } from '../db/repositories/office-repository';
import { insertVisit } from '../db/repositories/visit-list-repository';
import type { Database } from '../db/schema';

export async function applyPulledHamlet(trx: Transaction<Database>, h: ChangePayload<'hamlet'>): Promise<void> {
  const held = await hamlets.findHamlet(trx, h.id);
  if (held && held.version >= h.version) return;
  let nameKey = hamletKey(h.kind, h.name);
  // Two devices made the same hamlet before either heard of the other: both are kept (the second
  // under its own key) for the supervisor to make one of them inactive.
  const same = await hamlets.findHamletByKey(trx, h.communeCode, nameKey);
  if (same && same.id !== h.id) nameKey = `${nameKey}#${h.id}`;
  await hamlets.putHamlet(trx, {
    id: h.id,
    communeCode: h.communeCode,
    kind: h.kind,
    name: h.name,
    nameKey,
    active: h.active ? 1 : 0,
    version: h.version,
    updatedAt: h.updatedAt,
    updatedByName: h.updatedByName,
  });
}

export async function applyPulledAssignment(trx: Transaction<Database>, a: ChangePayload<'field.assignment'>): Promise<void> {
  if (a.officeCode !== (await requireOfficeRow(trx)).code) return;
  const held = await hamlets.findAssignment(trx, a.username);
  if (held && held.version >= a.version) return;
  await hamlets.putAssignment(trx, {
    username: a.username,
    areas: JSON.stringify(a.areas),
    version: a.version,
    updatedAt: a.updatedAt,
    updatedByName: a.updatedByName,
  });
}

export async function applyPulledVisit(trx: Transaction<Database>, v: ChangePayload<'visit'>): Promise<void> {
  if (v.officeCode !== (await requireOfficeRow(trx)).code) return;
  await insertVisit(trx, {
    id: v.id,
    participantId: v.participantId,
    householdId: v.participantId ? null : v.householdId,
    outcome: v.outcome,
    promisedOn: v.promisedOn,
    declineReason: v.declineReason,
    note: v.note,
    receiptIds: JSON.stringify(v.receiptIds),
    visitedOn: v.visitedOn,
    visitedAt: v.visitedAt,
    staffId: v.staffId,
    staffName: v.staffName,
    staffUsername: v.staffUsername,
    sourceDeviceId: v.deviceId,
  });
}
