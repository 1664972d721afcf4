// The renderer's data hooks: contract calls through TanStack Query, typed from the method name.
// `useCall('participants.get', { id })` caches under the key [method, input] (callKey), so a page
// keeps no query keys, busy flags or error state of its own; `useCallMutation('staff.create')`
// runs a write and hands back its pending state and error. Invalidating [method] refreshes every
// cached answer of that method; [method, partial input] the answers whose input holds it.
import { useMutation, useQueries, useQuery, useQueryClient, type QueryClient, type UseMutationOptions, type UseQueryOptions } from '@tanstack/react-query';
import type { InvokeInput, InvokeName, InvokeOutput } from '../../shared/contract/invoke';
import { call, type ApiError } from './client';

/** The cache key of one call's answer: [method] for all of them, [method, input] for one. */
export function callKey<M extends InvokeName>(method: M, input?: Partial<InvokeInput<M>>): readonly unknown[] {
  return input === undefined ? [method] : [method, input];
}

type CallQueryOptions<M extends InvokeName, T> = Omit<UseQueryOptions<InvokeOutput<M>, ApiError, T>, 'queryKey' | 'queryFn' | 'enabled'> & {
  /** False holds the call back (and so does an input of null). */
  enabled?: boolean;
};

/**
 * Reads through the contract: the answer of `method` for `input`, cached and refreshed by TanStack
 * Query. `input` null means "not yet" (a dependent call waiting for what it needs).
 */
export function useCall<M extends InvokeName, T = InvokeOutput<M>>(method: M, input: InvokeInput<M> | null, options: CallQueryOptions<M, T> = {}) {
  const { enabled = true, ...rest } = options;
  return useQuery<InvokeOutput<M>, ApiError, T>({
    queryKey: callKey(method, input ?? undefined),
    queryFn: () => call(method, input as InvokeInput<M>),
    enabled: enabled && input !== null,
    ...rest,
  });
}

/** The answers of one method for several inputs (one cached call each, as `useCall`), in the inputs' order. */
export function useCalls<M extends InvokeName>(method: M, inputs: readonly InvokeInput<M>[]) {
  return useQueries({
    queries: inputs.map((input) => ({ queryKey: callKey(method, input), queryFn: () => call(method, input) })),
  });
}

type CallMutationOptions<M extends InvokeName> = Omit<UseMutationOptions<InvokeOutput<M>, ApiError, InvokeInput<M>>, 'mutationFn'>;

/** A write through the contract: `mutateAsync(input)` resolves to its output; `isPending` and `error` replace a page's own state. */
export function useCallMutation<M extends InvokeName>(method: M, options: CallMutationOptions<M> = {}) {
  return useMutation<InvokeOutput<M>, ApiError, InvokeInput<M>>({ mutationFn: (input) => call(method, input), ...options });
}

/** Marks cached answers stale (refetching those on screen): each entry a method, or a method with part of its input. */
export function invalidateCalls(queryClient: QueryClient, ...keys: readonly (readonly unknown[])[]): void {
  for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
}

/** Puts an answer in the cache as if `method` had just answered it for `input` (a write that returns the new state). */
export function setCallData<M extends InvokeName>(queryClient: QueryClient, method: M, input: InvokeInput<M>, data: InvokeOutput<M>): void {
  queryClient.setQueryData(callKey(method, input), data);
}

export { useQueryClient };
