// The central's handler table: one handler per operation kind of the shared union, typed by it — a
// kind without a handler, or a handler reading a field its payload lacks, is a type error. Each
// operation of a batch is checked once, before the batch's transaction: its payload hash over the
// payload as sent, its kind, then the payload against that kind's schema of the union; the handler gets the parsed,
// typed payload and never validates its shape again.
import { inputIssueTexts } from '../../shared/contract/input-messages';
import { isOperationKind, type Operation, type OperationKind, type OperationPayload, operationPayloadSchemas } from '../../shared/sync/operations';
import { type OpResult, rejected } from '../../shared/sync/op-results';
import type { WireOp } from '../../shared/sync/protocol';
import { recordVisit, setAssignment, setHamlet } from './field-ops';
import { recordHandover } from './handover-ops';
import { createHousehold, setEnrollment, setHouseholdMembers } from './household-ops';
import { closeDay, recordContribution, voidReceipt } from './money-ops';
import type { OpContext } from './op-context';
import { contributionRecordFits } from './contribution-record-check';
import { participantRegisterFits } from './participant-register-check';
import { sameJsonValue } from './same-json';
import { registerPerson, updatePerson } from './person-ops';

export type OperationHandler<K extends OperationKind> = (ctx: OpContext, opId: string, payload: OperationPayload<K>) => Promise<OpResult>;

const handlers: { [K in OperationKind]: OperationHandler<K> } = {
  'participant.register': registerPerson,
  'participant.update': updatePerson,
  'household.create': createHousehold,
  'household.setMembers': setHouseholdMembers,
  'enrollment.set': setEnrollment,
  'contribution.record': recordContribution,
  'receipt.void': voidReceipt,
  'day.close': closeDay,
  'hamlet.set': setHamlet,
  'field.assignment.set': setAssignment,
  'visit.record': recordVisit,
  'cash.handover': recordHandover,
};

/** Kinds whose handlers store the payload as sent when they can (CheckedOp's `sentJson`): only theirs is compared. */
const STORES_SENT_JSON: ReadonlySet<OperationKind> = new Set(['participant.register', 'contribution.record']);

/** Kinds with a quick check: true only for a payload their schema would accept and return unchanged. */
const QUICK_CHECKS: Partial<Record<OperationKind, (payload: unknown) => boolean>> = {
  'contribution.record': contributionRecordFits,
  'participant.register': participantRegisterFits,
};

/** Kinds whose every lookup is answered by the batch cache, so their writes can wait (apply-batch.ts). */
export const DEFERRABLE_KINDS: ReadonlySet<OperationKind> = new Set(['participant.register', 'contribution.record', 'enrollment.set']);

export function applyOperation(ctx: OpContext, opId: string, op: Operation): Promise<OpResult> {
  // The union's kind and payload travel together; TypeScript cannot see that through the lookup.
  return (handlers[op.kind] as OperationHandler<typeof op.kind>)(ctx, opId, op.payload as never);
}

/**
 * An operation of a batch as checked: to apply, or already answered by its refusal. `sentJson` is
 * the payload's canonical JSON as sent (made for its hash) when the parsed payload is the same value
 * (the schema trimmed, recomposed, filled in or dropped nothing): a handler storing the payload
 * takes that text instead of serialising the parsed one again.
 */
export type CheckedOp = { operation: Operation; sentJson?: string | undefined; refused?: undefined } | { operation?: undefined; refused: OpResult };

export function checkOperation(op: WireOp, intact: boolean, canonicalPayload?: string): CheckedOp {
  if (!intact) {
    return {
      refused: rejected(
        op.opId,
        'PAYLOAD_HASH',
        'Nội dung thao tác không khớp mã băm (dữ liệu bị sửa trên đường truyền?).',
        'The payload does not match its hash.',
        'payloadHash',
      ),
    };
  }
  if (!isOperationKind(op.kind)) {
    return {
      refused: rejected(op.opId, 'UNKNOWN_KIND', `Trung tâm chưa hỗ trợ loại thao tác "${op.kind}".`, `Unknown operation kind ${op.kind}.`, 'kind'),
    };
  }
  // A payment or registration zod would accept and return unchanged is taken as sent, without
  // zod's copy of it (contribution-record-check.ts, participant-register-check.ts); any other goes
  // through the schema below.
  const quick = QUICK_CHECKS[op.kind];
  if (quick !== undefined && quick(op.payload)) {
    return { operation: { kind: op.kind, payload: op.payload } as Operation, sentJson: canonicalPayload };
  }
  // The kind's payload schema, as the union would choose it (the kind is known): issues name the
  // fields within the payload, as the office's own forms name them.
  const parsed = operationPayloadSchemas[op.kind].safeParse(op.payload);
  if (parsed.success) {
    const sentJson = canonicalPayload !== undefined && STORES_SENT_JSON.has(op.kind) && sameJsonValue(op.payload, parsed.data) ? canonicalPayload : undefined;
    return { operation: { kind: op.kind, payload: parsed.data } as Operation, sentJson };
  }
  const issue = parsed.error.issues[0];
  const texts = inputIssueTexts(issue);
  const general = texts.vi === inputIssueTexts(undefined).vi || !issue;
  return {
    refused: rejected(
      op.opId,
      'VALIDATION',
      general ? `Dữ liệu thao tác ${op.kind} không hợp lệ${texts.field ? ` (${texts.field})` : ''}.` : texts.vi,
      texts.en,
      texts.field,
    ),
  };
}
