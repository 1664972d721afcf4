// The typed client of the contract: `call('participants.search', {query})` is checked against the
// method's input type and resolves to its output type, or throws an ApiError carrying the typed
// error (code, Vietnamese message, field) for forms to show beside the field.
// Session-level errors (SESSION_LOCKED, UNAUTHENTICATED) are also announced to the session
// provider, which shows the unlock dialog over the current screen instead of losing it.
import type { ErrorCode, OfficeErrorData } from '../../shared/contract/errors';
import type { InvokeInput, InvokeName, InvokeOutput } from '../../shared/contract/invoke';
import { methodPolicy } from '../../shared/contract/methods';
import { send } from './transport';

export class ApiError extends Error {
  readonly data: OfficeErrorData;
  constructor(data: OfficeErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.data = data;
  }
}

type SessionListener = (code: ErrorCode) => void;
const sessionListeners = new Set<SessionListener>();

/** Subscribes to SESSION_LOCKED / UNAUTHENTICATED answers from any call; returns the unsubscribe. */
export function onSessionError(listener: SessionListener): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

/**
 * Calls a contract method; the shell's methods (`shell.print`, `shell.pickPath`) exist in the
 * desktop app only, so callers check `hasShell()` first.
 */
export async function call<M extends InvokeName>(method: M, input: InvokeInput<M>): Promise<InvokeOutput<M>> {
  const result = await send(method, input);
  if (!result.ok) {
    const code = result.error.code;
    if ((code === 'SESSION_LOCKED' || code === 'UNAUTHENTICATED') && methodPolicy(method).session !== 'opens') {
      for (const listener of sessionListeners) listener(code);
    }
    throw new ApiError(result.error);
  }
  return result.value;
}

/** True in the desktop app, whose shell prints through the system dialog and picks paths. */
export function hasShell(): boolean {
  return window.office !== undefined;
}

export function isApiError(error: unknown, code?: ErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.data.code === code);
}
