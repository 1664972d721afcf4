// A household changed on two devices of the office between syncs (ADR 0026): the central refused the
// later change, made on a list it no longer holds, and the supervisor chooses. "Take the central's"
// writes the central's list here (its version and writer become this device's base); "send ours
// again" sends this device's list as it stands, made now on the central's list, so it replaces it
// knowingly. Either way every open clash of that household is settled by the one decision.
import type { Transaction } from 'kysely';
import { OfficeError } from '../../../shared/contract/errors';
import { type OtherCoverage, otherCoverages } from '../../../shared/contract/household';
import { householdChangePayload } from '../../../shared/sync/changes';
import type { Caller } from '../core-context';
import { findHouseholdRow, placePulledHousehold, rebaseHousehold } from '../db/repositories/households-repository';
import { openHouseholdClashes } from '../db/repositories/sync-issues-repository';
import { localRecordsOf } from '../db/repositories/participants-repository';
import type { Database } from '../db/schema';
import { resendHouseholdMembers } from './household-service';

export function isHouseholdConflict(issue: { kind: string; code: string }): boolean {
  return issue.code === 'CONFLICT' && issue.kind === 'household.setMembers';
}

/** The central's list an issue holds: the latest pulled (`central`), else the one the refusal named. */
function centralList(details: { central?: unknown; error?: { details?: { central?: unknown } } | null }) {
  const parsed = householdChangePayload.safeParse(details.central ?? details.error?.details?.central);
  if (!parsed.success) {
    throw new OfficeError('VALIDATION', { field: 'resolution', vi: 'Mục này không có danh sách của trung tâm.', en: 'This item holds no central list.' });
  }
  return parsed.data;
}

export async function settleHouseholdConflict(
  trx: Transaction<Database>,
  caller: Caller,
  at: string,
  issue: { entityId: string },
  resolution: string,
  details: { central?: unknown; error?: { details?: { central?: unknown } } | null },
): Promise<string[]> {
  const central = centralList(details);
  const local = await findHouseholdRow(trx, issue.entityId);
  if (!local)
    throw new OfficeError('NOT_FOUND', { field: 'entityId', vi: 'Hộ gia đình không còn trên máy này.', en: 'The household is no longer on this machine.' });
  if (resolution === 'accept-central') {
    const people = await localRecordsOf(trx, [central.headParticipantId, ...central.members.map((m) => m.participantId)]);
    const list = central.members.flatMap((m) => {
      const id = people.get(m.participantId);
      const coveredBy = (otherCoverages as readonly string[]).includes(m.coveredBy ?? '') ? (m.coveredBy as OtherCoverage) : null;
      return id ? [{ participantId: id, coveredBy }] : [];
    });
    await placePulledHousehold(
      trx,
      {
        ...local,
        headParticipantId: people.get(central.headParticipantId) ?? local.headParticipantId,
        version: central.version,
        baseDeviceId: central.deviceId,
        updatedAt: at,
      },
      list,
    );
  } else if (resolution === 'resend-household') {
    // This device's list, made on the central's: the central applies it over its own, knowingly.
    await rebaseHousehold(trx, issue.entityId, central.version, central.deviceId);
    await resendHouseholdMembers(trx, caller, at, issue.entityId);
  } else {
    throw new OfficeError('VALIDATION', {
      field: 'resolution',
      vi: 'Chọn nhận danh sách của trung tâm, hoặc gửi lại danh sách của máy này.',
      en: "Take the central's list, or send this device's list again.",
    });
  }
  return (await openHouseholdClashes(trx, issue.entityId)).map((o) => o.id);
}
