// Households for household health insurance: an ordered list of members. The order decides who
// counts as the "first" member (docs/domain.md), so it is kept and can be changed.
import { z } from 'zod';
import { uuid } from './primitives';
import { says } from './input-messages';

/**
 * Schemes that already insure a household member, who then stays on the list but is left out of
 * the household's HHI sequence (docs/domain.md: employees, pensioners, children under 6 …).
 */
export const otherCoverages = ['employee', 'pensioner', 'child-under-6', 'state-funded', 'student', 'other'] as const;
export type OtherCoverage = (typeof otherCoverages)[number];

export const householdMember = z.object({
  participantId: uuid,
  /** Place on the household's list (1 = first). */
  position: z.number().int().positive(),
  fullName: z.string(),
  dateOfBirth: z.string(),
  personalId: z.string(),
  coveredBy: z.enum(otherCoverages).nullable(),
  /** Place in the HHI sequence that sets the amount (first, second …), null if covered elsewhere. */
  hhiPosition: z.number().int().positive().nullable(),
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
export const setHouseholdCoverageInput = z.object({
  householdId: uuid,
  participantId: uuid,
  coveredBy: z.enum(otherCoverages, says('Chọn diện BHYT khác của thành viên.', "Choose the member's other health insurance scheme.")).nullable(),
});
export const reorderHouseholdInput = z.object({
  householdId: uuid,
  /** Every current member's id, in the new order. */
  memberIds: z.array(uuid).min(1),
});
