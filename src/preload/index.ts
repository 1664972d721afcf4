// The renderer's only door to the core: `window.office.invoke(method, input)`. Nothing else from
// Node or Electron is exposed; the main process validates every call against the contract.
import { contextBridge, ipcRenderer } from 'electron';

const api = {
  invoke: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('office:invoke', method, input),
  print: (options: { silent?: boolean; archiveName?: string; pageSize?: 'A4' | 'A5' }): Promise<unknown> => ipcRenderer.invoke('office:print', options),
  pickPath: (kind: 'export-folder' | 'result-file'): Promise<string | null> => ipcRenderer.invoke('office:pick-path', kind),
};

contextBridge.exposeInMainWorld('office', api);
