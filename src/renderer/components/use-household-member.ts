// A person's entry in their household: their place in the HHI sequence, or the other scheme that
// insures them. Shares the household page's query, so a mark changed there shows here at once.
import type { Household } from '../../shared/contract/household';
import { useCall } from '../api/use-call';

export function useHouseholdMember(participantId: string, householdId: string | null | undefined): Household['members'][number] | null {
  const household = useCall('households.get', householdId ? { id: householdId } : null);
  if (!householdId) return null;
  return household.data?.members.find((m) => m.participantId === participantId) ?? null;
}
