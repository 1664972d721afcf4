// Printing for receipts and reports (the `shell.print` method): the page the renderer shows goes
// to the system print dialog (or silently to the default printer when configured), and is archived
// as a PDF beside the data when the renderer names the archive. The renderer names a receipt's
// first print by its label and each reprint `…_BAN-SAO-<n>`; an archived PDF is never written over —
// a name already taken gets `-2`, `-3`… — and each is written whole (a temporary file, then renamed).
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
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
      pdfPath = archivePdf(archiveDir(), options.archiveName, pdf);
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

function archivePdf(dir: string, name: string, pdf: Buffer): string {
  mkdirSync(dir, { recursive: true });
  let path = join(dir, `${name}.pdf`);
  for (let n = 2; existsSync(path); n++) path = join(dir, `${name}-${n}.pdf`);
  const partial = `${path}.partial`;
  writeFileSync(partial, pdf);
  renameSync(partial, path);
  return path;
}
