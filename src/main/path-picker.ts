// The desktop app's folder and file chooser for file sync (a USB stick): the system dialog, so a
// supervisor picks the drive instead of typing its path. Returns the chosen path, or null when the
// dialog is cancelled. The browser harness has no such dialog; there the path is typed.
import { BrowserWindow, dialog, ipcMain } from 'electron';

export function registerPathPicker(isAppFrame: (url: string | undefined) => boolean): void {
  ipcMain.handle('office:pick-path', async (event, kind: unknown) => {
    if (!isAppFrame(event.senderFrame?.url)) return null;
    const window = BrowserWindow.fromWebContents(event.sender);
    const options: Electron.OpenDialogOptions =
      kind === 'result-file'
        ? { title: 'Chọn tệp kết quả từ trung tâm', properties: ['openFile'], filters: [{ name: 'Kết quả đồng bộ', extensions: ['json'] }] }
        : { title: 'Chọn thư mục lưu tệp xuất (ví dụ USB)', properties: ['openDirectory', 'createDirectory'] };
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  });
}
