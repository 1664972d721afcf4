// Types `window.office` for the renderer (present in Electron, absent in the browser harness):
// `invoke` is typed by the contract, the core's methods and the shell's alike.
import type { RpcResult } from '../shared/contract/errors';
import type { InvokeInput, InvokeName, InvokeOutput } from '../shared/contract/invoke';

declare global {
  interface Window {
    office?: {
      invoke<M extends InvokeName>(method: M, input: InvokeInput<M>): Promise<RpcResult<InvokeOutput<M>>>;
    };
  }
}

export {};
