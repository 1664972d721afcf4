// The field officer's operations (issue 21, ADR 0029): a commune's hamlet as the supervisor keeps
// it, an officer's area, and a visit's outcome. Each travels to the central like any operation
// (operations.ts) and reaches the office's other devices through the pull feed, so the officer's
// laptop learns its area and the office sees every visit.
import { z } from 'zod';
import { declineReasons, visitOutcomes } from '../contract/field';
import { isoDate, uuid } from '../contract/primitives';
import { hamletKinds } from '../domain/hamlets';

const instant = z.string().min(1).max(40);
const version = z.number().int().positive();
const name = z.string().max(200);
const communeCode = z.string().regex(/^\d{5}$/);

/** A hamlet made, renamed or made inactive by the supervisor; the version it was made from is `version - 1`. */
export const hamletSetPayload = z.object({
  id: uuid,
  communeCode,
  kind: z.enum(hamletKinds),
  name: z.string().min(1).max(60),
  active: z.boolean(),
  version,
  updatedAt: instant,
  updatedByName: name.nullable(),
});

/** A field officer's whole area, by the username they sign in with on every device. */
export const fieldAssignmentSetPayload = z.object({
  username: z.string().min(3).max(32),
  areas: z.array(z.object({ communeCode, hamletIds: z.array(uuid).max(200) })).max(50),
  version,
  updatedAt: instant,
  updatedByName: name.nullable(),
});

/** A visit's outcome, to one person or one household. */
export const visitRecordPayload = z.object({
  id: uuid,
  participantId: uuid.nullable(),
  householdId: uuid.nullable(),
  outcome: z.enum(visitOutcomes),
  promisedOn: isoDate.nullable(),
  declineReason: z.enum(declineReasons).nullable(),
  note: z.string().max(500).nullable(),
  receiptIds: z.array(uuid).max(100),
  visitedOn: isoDate,
  visitedAt: instant,
  staffId: uuid.nullable(),
  staffName: name,
  staffUsername: z.string().max(32).nullable(),
});
