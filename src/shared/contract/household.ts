// Households for household health insurance: an ordered list of members. The order decides who
// counts as the "first" member (DOMAIN.md), so it is kept and can be changed.
import { z } from 'zod';
import { uuid } from './primitives';

export const householdMember = z.object({
  participantId: uuid,
  position: z.number().int().positive(),
  fullName: z.string(),
  dateOfBirth: z.string(),
  personalId: z.string(),
});

export const household = z.object({
  id: uuid,
  headParticipantId: uuid,
  provinceCode: z.string(),
  communeCode: z.string(),
  addressLine: z.string(),
  members: z.array(householdMember),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Household = z.infer<typeof household>;

export const createHouseholdInput = z.object({ headParticipantId: uuid });
export const addHouseholdMemberInput = z.object({ householdId: uuid, participantId: uuid });
export const removeHouseholdMemberInput = z.object({ householdId: uuid, participantId: uuid });
export const reorderHouseholdInput = z.object({
  householdId: uuid,
  /** Every current member's id, in the new order. */
  memberIds: z.array(uuid).min(1),
});
