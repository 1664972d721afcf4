// How the renderer reaches the core: over IPC in Electron (window.office, where the main process
// keeps the session token) or over loopback HTTP in the browser harness (token kept in
// sessionStorage so a reload keeps the session, and a closed tab ends it).
import type { RpcResult } from '../../shared/contract/errors';
import type { InvokeInput, InvokeName, InvokeOutput } from '../../shared/contract/invoke';
import { methodPolicy } from '../../shared/contract/methods';

const TOKEN_KEY = 'field-office.token';

export async function send<M extends InvokeName>(method: M, input: InvokeInput<M>): Promise<RpcResult<InvokeOutput<M>>> {
  if (window.office) return window.office.invoke(method, input);
  const token = sessionStorage.getItem(TOKEN_KEY);
  let response: Response;
  try {
    response = await fetch(`/rpc/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return {
      ok: false,
      error: { code: 'INTERNAL', message: 'Không kết nối được với dịch vụ của ứng dụng.', messageEn: 'Cannot reach the app service.' },
    };
  }
  const result = (await response.json()) as RpcResult<InvokeOutput<M>>;
  const { session } = methodPolicy(method);
  if (result.ok && session === 'opens') {
    const value = result.value as { token?: string };
    if (value.token) sessionStorage.setItem(TOKEN_KEY, value.token);
  }
  if (session === 'ends') sessionStorage.removeItem(TOKEN_KEY);
  return result;
}
