// Printing for receipts and reports: the page the renderer shows goes to the system print dialog
// (or silently to the default printer when configured), and is archived as a PDF beside the data.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ipcMain, type WebContents } from 'electron';

export function registerPrinting(isAppFrame: (url: string | undefined) => boolean, archiveDir: () => string): void {
  ipcMain.handle('office:print', async (event, options: { silent?: boolean; archiveName?: string; pageSize?: 'A4' | 'A5' }) => {
    if (!isAppFrame(event.senderFrame?.url)) return { ok: false, error: 'forbidden' };
    const contents: WebContents = event.sender;
    // Receipts are A5; a report (the day-end report) asks for A4.
    const pageSize = options?.pageSize === 'A4' ? 'A4' : 'A5';
    let pdfPath: string | undefined;
    if (options?.archiveName && /^[\w.-]+$/.test(options.archiveName)) {
      const pdf = await contents.printToPDF({ pageSize, printBackground: true });
      mkdirSync(archiveDir(), { recursive: true });
      pdfPath = join(archiveDir(), `${options.archiveName}.pdf`);
      writeFileSync(pdfPath, pdf);
    }
    const printed = await new Promise<{ ok: boolean; error?: string }>((resolve) =>
      contents.print({ silent: Boolean(options?.silent), printBackground: true, ...(options?.pageSize ? { pageSize } : {}) }, (success, failureReason) =>
        resolve(success ? { ok: true } : { ok: false, error: failureReason }),
      ),
    );
    return { ...printed, pdfPath };
  });
}
