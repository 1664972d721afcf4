// The desktop app's folder and file chooser for file sync and backups (a USB stick), the
// `shell.pickPath` method: the system dialog, so a supervisor picks the drive instead of typing
// its path. The browser harness has no such dialog; there the path is typed.
import { BrowserWindow, dialog, type WebContents } from 'electron';
import type { ShellHandlers } from './shell-dispatch';

export const pickPathHandler: ShellHandlers<WebContents>['shell.pickPath'] = async ({ kind }, contents) => {
  const window = BrowserWindow.fromWebContents(contents);
  const folder = (title: string): Electron.OpenDialogOptions => ({ title, properties: ['openDirectory', 'createDirectory'] });
  const options: Electron.OpenDialogOptions =
    kind === 'result-file'
      ? { title: 'Chọn tệp kết quả từ trung tâm', properties: ['openFile'], filters: [{ name: 'Kết quả đồng bộ', extensions: ['json'] }] }
      : kind === 'backup-file'
        ? { title: 'Chọn tệp bản sao dữ liệu (trên USB)', properties: ['openFile'], filters: [{ name: 'Bản sao Field Office', extensions: ['age'] }] }
        : folder(kind === 'backup-folder' ? 'Chọn thư mục lưu bản sao dữ liệu (ví dụ USB)' : 'Chọn thư mục lưu tệp xuất (ví dụ USB)');
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return { path: result.canceled ? null : (result.filePaths[0] ?? null) };
};
