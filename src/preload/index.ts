// The renderer's only door: `window.office.invoke(method, input)`, one IPC channel. Nothing else
// from Node or Electron is exposed. The main process accepts calls from the app's own frame only
// and validates every one against the contract (src/shared/contract: the core's methods, and the
// shell's print and file chooser).
import { contextBridge, ipcRenderer } from 'electron';

const api = {
  invoke: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('office:invoke', method, input),
};

contextBridge.exposeInMainWorld('office', api);
