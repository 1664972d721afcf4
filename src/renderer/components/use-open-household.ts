// Opens a person's household, or creates one with them as its head and opens that: from the person
// page (Alt+H) and from collecting household health insurance for someone not yet in a household.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Participant } from '../../shared/contract/participant';
import { call } from '../api/client';
import { navigate } from '../routing/hash-router';
import { refreshWorkCounts } from './work-queries';

export function useOpenHousehold(person: Participant | undefined) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [creating, setCreating] = useState(false);
  const open = async () => {
    if (!person || creating) return;
    if (person.householdId) return navigate('household', person.householdId);
    setCreating(true);
    setError(null);
    try {
      const household = await call('households.create', { headParticipantId: person.id });
      void queryClient.invalidateQueries({ queryKey: ['participants.get', person.id] });
      refreshWorkCounts(queryClient);
      navigate('household', household.id);
    } catch (e) {
      setError(e);
    } finally {
      setCreating(false);
    }
  };
  return { open, creating, error };
}
