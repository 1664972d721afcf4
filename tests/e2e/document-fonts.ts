// The printed documents (receipt, refund voucher, day-end report) are set in 'Times New Roman'.
// A machine without it shows them in its metric twin, Liberation Serif, or — where that is not
// installed either — in DejaVu Serif, a wider face. A layout that fits in one and spills in the
// other would pass on one machine and fail on another (it did: the refund journey passed only
// where Liberation happened to be installed). So the journeys' layout checks of a printed document
// (spills, one sheet) run once per family installed here, with that family forced on the documents
// from their first render (so a receipt sizes its text for it); printouts.spec checks every
// printout word by word in the same faces (print-layout.ts). Under CI both faces must be installed:
// a face that is missing would silently be checked as the other.
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { PRINT_FONTS } from './print-layout';

/** The faces printed documents are checked in: the print-layout checks' own list. */
export const DOCUMENT_FONTS = PRINT_FONTS;
const KEY = 'e2e.document-font';
const DOCUMENTS = ['.receipt-a5', '.day-report-a4'];

let installed: string[] | undefined;

/** The document families fontconfig has on this machine; under CI, all of them or a failure. */
export function installedDocumentFonts(): string[] {
  if (!installed) {
    const families = execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' });
    installed = DOCUMENT_FONTS.filter((family) => families.split('\n').some((line) => line.split(',').includes(family)));
    const missing = DOCUMENT_FONTS.filter((family) => !installed!.includes(family));
    if (missing.length > 0 && process.env.CI) {
      throw new Error(
        `CI must check printed documents in every face they may be printed in; missing: ${missing.join(', ')} (.ci/run installs fonts-liberation and fonts-dejavu)`,
      );
    }
    if (installed.length === 0) throw new Error(`none of ${DOCUMENT_FONTS.join(', ')} is installed (apt-get install fonts-liberation fonts-dejavu-core)`);
  }
  return installed;
}

const forcing = new WeakSet<Page>();

/** The few browser globals used here (this file is type-checked without the DOM library). */
interface Browser {
  sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void; removeItem(key: string): void };
  document: {
    fonts: { ready: Promise<unknown> };
    documentElement: { appendChild(node: unknown): void };
    createElement(tag: 'style'): { dataset: Record<string, string>; textContent: string };
  };
}

/** Forces the family kept in sessionStorage (if any) on the documents, before the page's own scripts run. */
async function installForcing(page: Page): Promise<void> {
  if (forcing.has(page)) return;
  forcing.add(page);
  await page.addInitScript(
    ({ key, documents }) => {
      const { sessionStorage, document } = globalThis as unknown as Browser;
      const family = sessionStorage.getItem(key);
      if (!family) return;
      const style = document.createElement('style');
      style.dataset.e2e = 'document-font';
      style.textContent = `${documents.flatMap((d) => [d, `${d} *`]).join(', ')} { font-family: '${family}' !important; }`;
      document.documentElement.appendChild(style);
    },
    { key: KEY, documents: DOCUMENTS },
  );
}

/**
 * Runs `check` once per installed document family, each time with the page reloaded and that
 * family forced on its documents; the page is reloaded as it was (no family forced) afterwards.
 */
export async function forEachDocumentFont(page: Page, check: (family: string) => Promise<void>): Promise<void> {
  await installForcing(page);
  try {
    for (const family of installedDocumentFonts()) {
      await page.evaluate(([key, value]) => (globalThis as unknown as Browser).sessionStorage.setItem(key, value), [KEY, family] as const);
      await page.reload();
      await page.evaluate(() => (globalThis as unknown as Browser).document.fonts.ready.then(() => undefined));
      await check(family);
    }
  } finally {
    await page.evaluate((key) => (globalThis as unknown as Browser).sessionStorage.removeItem(key), KEY);
    await page.reload();
  }
}
