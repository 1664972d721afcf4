// Opens a person's household, or creates one with them as its head and opens that: from the person
// page (Alt+H) and from collecting household health insurance for someone not yet in a household.
import type { Participant } from '../../shared/contract/participant';
import { callKey, invalidateCalls, useCallMutation, useQueryClient } from '../api/use-call';
import { navigate } from '../routing/hash-router';
import { refreshWorkCounts } from './work-queries';

export function useOpenHousehold(person: Participant | undefined) {
  const queryClient = useQueryClient();
  const create = useCallMutation('households.create', {
    onSuccess: (household, input) => {
      invalidateCalls(queryClient, callKey('participants.get', { id: input.headParticipantId }));
      refreshWorkCounts(queryClient);
      navigate('household', household.id);
    },
  });
  const open = () => {
    if (!person || create.isPending) return;
    if (person.householdId) return navigate('household', person.householdId);
    create.mutate({ headParticipantId: person.id });
  };
  return { open, creating: create.isPending, error: create.error };
}
