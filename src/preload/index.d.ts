// Types `window.office` for the renderer (present in Electron, absent in the browser harness).
import type { RpcResult } from '../shared/contract/errors';

declare global {
  interface Window {
    office?: {
      invoke(method: string, input: unknown): Promise<RpcResult<unknown>>;
      print(options: { silent?: boolean; archiveName?: string; pageSize?: 'A4' | 'A5' }): Promise<{ ok: boolean; pdfPath?: string; error?: string }>;
      /** The system's folder or file chooser (desktop only); null when cancelled. */
      pickPath(kind: 'export-folder' | 'result-file'): Promise<string | null>;
    };
  }
}

export {};
