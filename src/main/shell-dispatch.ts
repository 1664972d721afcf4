// Routes the shell's methods (src/shared/contract/shell.ts) arriving on the one `invoke` channel:
// the input is checked against the shell contract before a handler runs and the output after, as
// the core's dispatcher does for its own methods, and every failure comes back as a typed error.
// Plain TypeScript (the handlers, given by the Electron main file, hold the Electron calls), so
// the routing and its checks are tested without Electron.
import type { RpcResult } from '../shared/contract/errors';
import { type ShellInput, type ShellMethodName, type ShellOutput, shellContract } from '../shared/contract/shell';
import { settle, validationError } from './core/dispatcher';

/** One handler per shell method; `context` is what the caller needs from the request (its window). */
export type ShellHandlers<C> = { [M in ShellMethodName]: (input: ShellInput<M>, context: C) => Promise<ShellOutput<M>> };

export function createShellDispatcher<C>(
  handlers: ShellHandlers<C>,
  log: (e: unknown) => void = console.error,
): (method: ShellMethodName, input: unknown, context: C) => Promise<RpcResult<unknown>> {
  return (method, rawInput, context) =>
    settle(async () => {
      const spec = shellContract[method];
      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) throw validationError(parsed.error);
      const handler = handlers[method] as (input: unknown, context: C) => Promise<unknown>;
      return spec.output.parse(await handler(parsed.data, context));
    }, log);
}
