// The one operation contract between an office and the central service: every operation an office
// writes to its outbox, as a zod union discriminated by `kind`. The office's `logMutation` takes a
// value of it (a payload that does not fit is a type error), the central parses each operation of a
// batch against it once and hands its handler the typed payload (a kind without a handler is a type
// error), and both sides read the record an operation is about from `operationEntity`.
//
// Adding a kind (docs/protocol.md, "Adding an operation"): its payload schema in
// operation-payloads.ts, one line in `operation` below, its entity in `entities`, its handler in the
// central's table (src/central/ingest/operation-handlers.ts), and its row in docs/protocol.md.
import { z } from 'zod';
import {
  cashHandoverPayload,
  contributionRecordPayload,
  dayClosePayload,
  enrollmentSetPayload,
  householdCreatePayload,
  householdSetMembersPayload,
  participantRegisterPayload,
  participantUpdatePayload,
  receiptVoidPayload,
} from './operation-payloads';
import { fieldAssignmentSetPayload, hamletSetPayload, visitRecordPayload } from './field-operation-payloads';

const kind = <K extends string, P extends z.ZodType>(name: K, payload: P) => z.object({ kind: z.literal(name), payload });

export const operation = z.discriminatedUnion('kind', [
  kind('participant.register', participantRegisterPayload),
  kind('participant.update', participantUpdatePayload),
  kind('household.create', householdCreatePayload),
  kind('household.setMembers', householdSetMembersPayload),
  kind('enrollment.set', enrollmentSetPayload),
  kind('contribution.record', contributionRecordPayload),
  kind('receipt.void', receiptVoidPayload),
  kind('day.close', dayClosePayload),
  kind('hamlet.set', hamletSetPayload),
  kind('field.assignment.set', fieldAssignmentSetPayload),
  kind('visit.record', visitRecordPayload),
  kind('cash.handover', cashHandoverPayload),
]);

/** An operation as the central applies it (defaults filled in). */
export type Operation = z.output<typeof operation>;
/** An operation as an office writes it. */
export type OperationInput = z.input<typeof operation>;
export type OperationKind = Operation['kind'];
export type OperationOf<K extends OperationKind> = Extract<Operation, { kind: K }>;
export type OperationPayload<K extends OperationKind> = OperationOf<K>['payload'];

export const operationKinds = operation.options.map((option) => option.shape.kind.value) as readonly OperationKind[];

export function isOperationKind(value: string): value is OperationKind {
  return (operationKinds as readonly string[]).includes(value);
}

/**
 * Each kind's payload schema, as the union holds it: a known kind's payload is parsed by its own
 * schema directly (the central, 500 operations a batch), with the same result as the union's.
 */
export const operationPayloadSchemas: { readonly [K in OperationKind]: z.ZodType<OperationPayload<K>> } = Object.fromEntries(
  operation.options.map((option) => [option.shape.kind.value, option.shape.payload]),
) as never;

/** What an operation is about: the outbox's entity, the audit entry's, and the sync inbox item's. */
export type OperationEntity = 'participant' | 'household' | 'enrollment' | 'contribution' | 'receipt' | 'day' | 'handover' | 'hamlet' | 'assignment' | 'visit';

type EntityOf = { [K in OperationKind]: (payload: Extract<OperationInput, { kind: K }>['payload']) => [OperationEntity, string] };

const entities: EntityOf = {
  'participant.register': (p) => ['participant', p.id],
  'participant.update': (p) => ['participant', p.id],
  'household.create': (p) => ['household', p.id],
  'household.setMembers': (p) => ['household', p.householdId],
  'enrollment.set': (p) => ['enrollment', p.id],
  'contribution.record': (p) => ['contribution', p.id],
  // The receipt voided (the void's own id is in the payload too).
  'receipt.void': (p) => ['receipt', p.receiptId],
  'day.close': (p) => ['day', p.businessDate],
  'hamlet.set': (p) => ['hamlet', p.id],
  'field.assignment.set': (p) => ['assignment', p.username],
  'visit.record': (p) => ['visit', p.id],
  'cash.handover': (p) => ['handover', p.id],
};

export function operationEntity(op: OperationInput): { entity: OperationEntity; entityId: string } {
  const [entity, entityId] = (entities[op.kind] as (payload: OperationInput['payload']) => [OperationEntity, string])(op.payload);
  return { entity, entityId };
}

// ── The audit trail, anchored at the central (ADR 0028) ─────────────────────────────────────────
// Besides its operations, a batch carries the device's audit entries not sent before, synced like
// operations (exactly once, by device and sequence), and the device's signed audit head: the last
// entry's sequence and hash. The central keeps both, checks the chain continues what it holds, and
// answers with its own signed acknowledgement of the head, which the office checks its chain
// against (a rewritten entry or a deleted tail no longer matches).

/** One audit entry as the office's hash chain holds it (`details` is the canonical JSON text hashed). */
export const auditEntry = z.object({
  seq: z.number().int().positive(),
  at: z.string().max(40),
  staffId: z.string().max(64).nullable(),
  action: z.string().min(1).max(64),
  entity: z.string().max(64),
  entityId: z.string().max(200).nullable(),
  details: z.string().max(1_000_000),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditEntry = z.infer<typeof auditEntry>;

/** The device's audit head at the batch's making, signed by the device key (auditHeadMessage). */
export const auditHead = z.object({
  seq: z.number().int().nonnegative(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
});
export type AuditHead = z.infer<typeof auditHead>;

/** A batch's audit section: the entries after the last sent, in order, ending at the head. */
export const batchAudit = z.object({ entries: z.array(auditEntry).max(5000), head: auditHead });
export type BatchAudit = z.infer<typeof batchAudit>;

/** The central's answer: the last head of this device's chain it holds whole, signed by the central key (auditAckMessage). */
export const auditAck = z.object({
  seq: z.number().int().nonnegative(),
  hash: z.string(),
  at: z.string(),
  signature: z.string(),
  /** Set when the entries sent did not continue the chain the central holds (the head is then not moved). */
  problem: z.string().optional(),
});
export type AuditAck = z.infer<typeof auditAck>;
