// The one IPC channel, `office:invoke`: calls from the app's own frame go to the office core's
// dispatcher, or for `shell.*` methods to the shell's handlers; anything else is refused. The
// session token a sign-in returns is kept here, per window, and never handed to the renderer — a
// script injected into the page has no token to steal; the core gets it back on every call.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { RpcResult } from '../shared/contract/errors';
import { methodPolicy } from '../shared/contract/methods';
import { isShellMethodName, type ShellMethodName } from '../shared/contract/shell';
import type { Invoke } from './core/dispatcher';

export interface OfficeIpcOptions {
  /** The core's `invoke`, or null while it is not open (starting, or closed for the quit). */
  core: () => Invoke | null;
  /** The shell's methods, told the window and the session token kept for it. */
  shell: (method: ShellMethodName, input: unknown, sender: WebContents, token: string | undefined) => Promise<RpcResult<unknown>>;
  isAppFrame: (url: string | undefined) => boolean;
}

const notFromApp = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'Yêu cầu không đến từ ứng dụng.', messageEn: 'Request not from the app frame.' },
} as const;

export function registerOfficeIpc(ipcMain: IpcMain, options: OfficeIpcOptions): { signedIn: (windowId: number) => string | undefined } {
  const tokens = new Map<number, string>();
  ipcMain.handle('office:invoke', async (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    const invoke = options.core();
    // The frame that sent it, not only the window: a frame inside the app's page is not the app.
    if (!invoke || !isTopFrame(event) || !options.isAppFrame(event.senderFrame?.url)) return notFromApp;
    const id = event.sender.id;
    if (isShellMethodName(method)) return options.shell(method, input, event.sender, tokens.get(id));
    if (!tokens.has(id)) event.sender.once('destroyed', () => tokens.delete(id));
    const result = await invoke(String(method), input, tokens.get(id));
    const { session } = methodPolicy(method);
    if (result.ok && session === 'opens') {
      const value = result.value as { token: string };
      tokens.set(id, value.token);
      return { ok: true, value: { ...value, token: '' } };
    }
    if (session === 'ends') tokens.delete(id);
    return result;
  });
  return { signedIn: (windowId) => tokens.get(windowId) };
}

function isTopFrame(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return Boolean(frame) && frame!.parent === null;
}
