// Every call from any transport passes here: the method must exist, the caller's session must
// allow the method, the input must match the contract; then the handler runs and its output is
// checked against the contract too (so a row never leaks a field the contract does not name).
import type { z } from 'zod';
import { OfficeError, type RpcResult } from '../../shared/contract/errors';
import { inputIssueTexts } from '../../shared/contract/input-messages';
import { type Access, contract, isMethodName, type MethodName } from '../../shared/contract/methods';
import type { Caller, CoreContext } from './core-context';
import { findOffice } from './db/repositories/office-repository';
import type { HandlerTable } from './handlers';

export type Invoke = (method: string, input: unknown, token?: string) => Promise<RpcResult<unknown>>;

export function createDispatcher(ctx: CoreContext, handlers: HandlerTable, log: (e: unknown, method?: string) => void = console.error): Invoke {
  return (method, rawInput, token) =>
    settle(
      async () => {
        if (!isMethodName(method)) throw new OfficeError('UNKNOWN_METHOD', { details: { method } });
        const spec = contract[method];
        // Who may call comes before what they sent: a caller without the right session learns
        // nothing about the method's input, and no handler work is done for them.
        const caller = await authorise(ctx, method, token);
        const parsed = spec.input.safeParse(rawInput ?? {});
        if (!parsed.success) throw validationError(parsed.error);
        const handler = handlers[method] as (c: CoreContext, i: unknown, k: Caller) => unknown;
        const run = async () => handler(ctx, parsed.data, caller);
        return spec.output.parse(await (ctx.storeWrites ? ctx.storeWrites.call(run) : run()));
      },
      (error) => log(error, isMethodName(method) ? method : undefined),
    );
}

/**
 * Runs a call's work and wraps what comes of it for the transport: its value, its typed error, or
 * — for anything unexpected, which is logged — INTERNAL, so no stack or SQL reaches the renderer.
 */
export async function settle(work: () => Promise<unknown>, log: (e: unknown) => void): Promise<RpcResult<unknown>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof OfficeError) return { ok: false, error: error.toData() };
    log(error);
    return { ok: false, error: new OfficeError('INTERNAL').toData() };
  }
}

async function authorise(ctx: CoreContext, method: MethodName, token: string | undefined): Promise<Caller> {
  const { access, beforeSetup } = contract[method] as { access: Access; beforeSetup?: true };
  if (access === 'public' && beforeSetup) return { token, staffId: null, role: null };
  const office = await findOffice(ctx.db);
  // Only the first-run screen's methods answer before the office is set up.
  if (!office) throw new OfficeError('NOT_SET_UP');
  if (access === 'public') return { token, staffId: null, role: null };
  const nowMs = ctx.clock.now().getTime();
  const session = ctx.sessions.peek(token, nowMs, office.idleLockMinutes);
  if (!session) throw new OfficeError('UNAUTHENTICATED');
  if (session.locked) throw new OfficeError('SESSION_LOCKED');
  if (access !== 'any' && !access.includes(session.role)) throw new OfficeError('FORBIDDEN');
  ctx.sessions.touch(session, nowMs);
  return { token, staffId: session.staffId, role: session.role };
}

/** The typed VALIDATION error for a refused input: the first issue's field and message, all issues in details. */
export function validationError(error: z.ZodError): OfficeError {
  const { vi, en, field } = inputIssueTexts(error.issues[0]);
  return new OfficeError('VALIDATION', {
    field,
    vi,
    en,
    details: { issues: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
  });
}
