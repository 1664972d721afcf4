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
  contributionRecordPayload,
  dayClosePayload,
  enrollmentSetPayload,
  householdCreatePayload,
  householdSetMembersPayload,
  participantRegisterPayload,
  participantUpdatePayload,
  receiptVoidPayload,
} from './operation-payloads';

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

/** What an operation is about: the outbox's entity, the audit entry's, and the sync inbox item's. */
export type OperationEntity = 'participant' | 'household' | 'enrollment' | 'contribution' | 'receipt' | 'day';

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
};

export function operationEntity(op: OperationInput): { entity: OperationEntity; entityId: string } {
  const [entity, entityId] = (entities[op.kind] as (payload: OperationInput['payload']) => [OperationEntity, string])(op.payload);
  return { entity, entityId };
}
