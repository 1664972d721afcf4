// Printing for receipts and reports (the `shell.print` method): the page the renderer shows goes
// to the system print dialog (or silently to the default printer when configured), and is archived
// as a PDF beside the data when the renderer names the archive.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WebContents } from 'electron';
import { OfficeError } from '../shared/contract/errors';
import type { ShellHandlers } from './shell-dispatch';

export function printHandler(archiveDir: () => string): ShellHandlers<WebContents>['shell.print'] {
  return async (options, contents) => {
    // Receipts are A5; a report (the day-end report) asks for A4.
    const pageSize = options.pageSize ?? 'A5';
    let pdfPath: string | undefined;
    if (options.archiveName) {
      const pdf = await contents.printToPDF({ pageSize, printBackground: true });
      mkdirSync(archiveDir(), { recursive: true });
      pdfPath = join(archiveDir(), `${options.archiveName}.pdf`);
      writeFileSync(pdfPath, pdf);
    }
    const failure = await new Promise<string | null>((resolve) =>
      // The paper for the printer is the page's own (@page) unless the caller names one.
      contents.print({ silent: Boolean(options.silent), printBackground: true, ...(options.pageSize ? { pageSize } : {}) }, (success, failureReason) =>
        resolve(success ? null : failureReason),
      ),
    );
    // A clerk who closes the dialog has not met an error; a printer that fails has.
    if (failure !== null && !/cancel/i.test(failure)) {
      throw new OfficeError('PRINT_FAILED', { details: { reason: failure, ...(pdfPath ? { pdfPath } : {}) } });
    }
    return { printed: failure === null, ...(pdfPath ? { pdfPath } : {}) };
  };
}
