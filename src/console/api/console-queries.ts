// The console's data, loaded with TanStack Query like the office renderer: one hook per list of
// the console API, keyed by its filters, and the actions (revoke, enrollment code, reviews) as
// mutations that refresh the lists they change.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  collectorsResponse,
  devicesResponse,
  enrollmentCodeResponse,
  heldResponse,
  officesResponse,
  ok,
  reanchorAuditRequest,
  reanchorAuditResponse,
  receiptsResponse,
  signalsResponse,
  signInFailuresResponse,
  staffPasswordRequest,
  staffResponse,
} from '../../shared/console/console-api';
import { centralVerification } from '../../shared/verification/central-verification';
import { consoleCall } from './console-client';

export interface ReceiptFilter {
  office?: string;
  device?: string;
  collector?: string;
  from?: string;
  to?: string;
}

export interface SignalFilter {
  office?: string;
  kind?: string;
  status: 'open' | 'reviewed' | 'cleared' | 'all';
}

export const useOffices = () => useQuery({ queryKey: ['offices'], queryFn: () => consoleCall('/offices', officesResponse) });

export const useDevices = (office?: string) =>
  useQuery({ queryKey: ['devices', office ?? ''], queryFn: () => consoleCall('/devices', devicesResponse, { query: { office } }) });

export const useHeld = (all: boolean) =>
  useQuery({ queryKey: ['held', all], queryFn: () => consoleCall('/held', heldResponse, { query: { all: all ? '1' : undefined } }) });

export const useSignals = (filter: SignalFilter) =>
  useQuery({ queryKey: ['signals', filter], queryFn: () => consoleCall('/signals', signalsResponse, { query: { ...filter } }) });

export const useReceipts = (filter: ReceiptFilter) =>
  useQuery({ queryKey: ['receipts', filter], queryFn: () => consoleCall('/receipts', receiptsResponse, { query: { ...filter, limit: '500' } }) });

export const useCollectors = (office?: string) =>
  useQuery({ queryKey: ['collectors', office ?? ''], queryFn: () => consoleCall('/collectors', collectorsResponse, { query: { office } }) });

export const useStaff = (enabled: boolean) => useQuery({ queryKey: ['staff'], enabled, queryFn: () => consoleCall('/staff', staffResponse) });
export const useSignInFailures = (enabled: boolean) =>
  useQuery({ queryKey: ['sign-in-failures'], enabled, refetchInterval: 60_000, queryFn: () => consoleCall('/sign-in-failures', signInFailuresResponse) });

export const verifyReceipt = (payload: string) => consoleCall('/receipts/verify', centralVerification, { query: { p: payload } });

/** An action, and the lists to load again once it is done. */
function useAction<I>(run: (input: I) => Promise<unknown>, refresh: string[]) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await Promise.all(refresh.map((key) => client.invalidateQueries({ queryKey: [key] })));
    },
  });
}

export const useRevokeDevice = () =>
  useAction((id: string) => consoleCall(`/devices/${encodeURIComponent(id)}/revoke`, ok, { method: 'POST' }), ['devices', 'offices']);

export const useReanchorAudit = () =>
  useAction(
    ({ id, note }: { id: string; note: string }) =>
      consoleCall(`/devices/${encodeURIComponent(id)}/audit-reanchor`, reanchorAuditResponse, { method: 'POST', body: reanchorAuditRequest.parse({ note }) }),
    ['devices', 'offices'],
  );

export const useEnrollmentCode = () =>
  useMutation({
    mutationFn: (officeCode: string) => consoleCall(`/offices/${encodeURIComponent(officeCode)}/enrollment-codes`, enrollmentCodeResponse, { method: 'POST' }),
  });

export const useReviewHeld = () =>
  useAction((opId: string) => consoleCall(`/held/${encodeURIComponent(opId)}/review`, ok, { method: 'POST' }), ['held', 'offices']);

export const useReviewSignal = () =>
  useAction(
    ({ key, note }: { key: string; note: string }) => consoleCall(`/signals/${encodeURIComponent(key)}/review`, ok, { method: 'POST', body: { note } }),
    ['signals', 'offices'],
  );

export const useDisableStaff = () =>
  useAction((username: string) => consoleCall(`/staff/${encodeURIComponent(username)}/disable`, ok, { method: 'POST' }), ['staff']);

export const useStaffPassword = () =>
  useAction(
    ({ username, password }: { username: string; password: string }) =>
      consoleCall(`/staff/${encodeURIComponent(username)}/password`, ok, { method: 'POST', body: staffPasswordRequest.parse({ password }) }),
    ['staff'],
  );
