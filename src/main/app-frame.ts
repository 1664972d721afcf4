// Which frame is the app's own: IPC is answered only for it. In development the renderer comes from
// electron-vite's dev server (ELECTRON_RENDERER_URL); built, it is a file inside the app (out/renderer
// or app.asar). A page that is not the app's — an https page reached by a bug, a data: URL, a
// frame inside the app's page — gets no answer from the core.
import { fileURLToPath } from 'node:url';

export function isAppFrame(url: string | undefined, rendererUrl: string | undefined = process.env.ELECTRON_RENDERER_URL): boolean {
  if (!url) return false;
  if (rendererUrl) return sameOrigin(url, rendererUrl);
  if (!url.startsWith('file://')) return false;
  let path: string;
  try {
    path = fileURLToPath(url).replace(/\\/g, '/');
  } catch {
    return false;
  }
  return path.includes('/out/renderer/') || path.includes('/app.asar/');
}

function sameOrigin(url: string, base: string): boolean {
  try {
    return new URL(url).origin === new URL(base).origin;
  } catch {
    return false;
  }
}
