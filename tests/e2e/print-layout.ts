// Checks of a printed document's layout, read from the PDF Chromium prints (pdftotext -bbox-layout:
// every word with its box, grouped in lines): no two words overlap (a stamp over the office name,
// a label running into the next column), no line holds only a unit ("đ" wrapped onto its own
// line), and the texts that must not break (receipt and voucher numbers) are each on one line.
// The same document is printed in each font the office PCs may fall back to (fontFiles), since a
// layout that fits Times-metric Liberation Serif can overflow in the wider DejaVu Serif.
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';

export interface Word {
  text: string;
  page: number;
  line: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfLayout {
  words: Word[];
  /** Each line's text, words joined by a space, per page. */
  lines: { page: number; text: string }[];
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The words of a PDF with their boxes (points), in pdftotext's lines. */
export function pdfLayout(pdfPath: string): PdfLayout {
  const xhtml = execFileSync('pdftotext', ['-bbox-layout', pdfPath, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const words: Word[] = [];
  const lines: PdfLayout['lines'] = [];
  let page = 0;
  let line = 0;
  for (const part of xhtml.split(/(?=<page |<line )/)) {
    if (part.startsWith('<page ')) page += 1;
    if (!part.startsWith('<line ')) continue;
    line += 1;
    const inLine: string[] = [];
    for (const m of part.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      const text = decode(m[5]!);
      inLine.push(text);
      words.push({ text, page, line, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) });
    }
    lines.push({ page, text: inLine.join(' ') });
  }
  return { words, lines };
}

/** Text this tall (points) is a stamp laid across the sheet on purpose ("ĐÃ HỦY", 64 pt): not a line of the document. */
const STAMP_HEIGHT = 30;

/**
 * Pairs of words whose boxes overlap: across more than half a point, and over more than a quarter
 * of the lower one's height (the boxes of two lines set close together touch, their glyphs do not).
 * A void stamp meant to lie across the sheet is left out.
 */
export function overlappingWords(layout: PdfLayout): string[] {
  const words = layout.words.filter((w) => w.yMax - w.yMin < STAMP_HEIGHT);
  const found: string[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j < words.length; j++) {
      const a = words[i]!;
      const b = words[j]!;
      if (a.page !== b.page) continue;
      const x = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const y = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      if (x > 0.5 && y > 0.25 * Math.min(a.yMax - a.yMin, b.yMax - b.yMin)) found.push(`"${a.text}" × "${b.text}" (page ${a.page})`);
    }
  }
  return found;
}

/** Lines that hold nothing but one of `texts` (a unit wrapped away from its number or its words). */
export function strandedLines(layout: PdfLayout, texts: readonly string[] = ['đ', 'đồng']): string[] {
  return layout.lines.filter((l) => texts.includes(l.text.trim())).map((l) => `"${l.text}" (page ${l.page})`);
}

/** The texts of `whole` (receipt and voucher numbers) that appear on no single line: broken. */
export function brokenTexts(layout: PdfLayout, whole: readonly string[]): string[] {
  return whole.filter((text) => !layout.lines.some((l) => l.text.includes(text)));
}

/** An A5 sheet's printed height (210 mm) in CSS pixels: a sheet taller than this prints on two pages. */
const A5_SHEET_PX = (210 / 25.4) * 96;

/** How many pages a PDF has. */
export function pdfPages(pdfPath: string): number {
  return Number(/^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))?.[1]);
}

/** The serif fonts a printout may be set in on an office PC: Times-metric, and the wider fallback. */
export const PRINT_FONTS = ['Liberation Serif', 'DejaVu Serif'] as const;

/** A document's cells and fields, whose text must stay inside them. */
const CELLS =
  '.day-report-table td, .day-report-table th, .route-sheet-table td, .route-sheet-table th, .receipt-fields dd, .receipt-fields dt, .receipt-serial';

/**
 * Prints the page to `path` with its printed documents set in `font` (by a style added for the
 * print and removed after), so one document is checked in each font. Answers the texts that
 * spill out of their cell as printed — wider than the cell, running into the next column — which
 * the PDF cannot tell from a word that merely touches its neighbour.
 */
export async function printInFont(page: Page, path: string, font: string, format: 'A4' | 'A5' | 'page-css'): Promise<string[]> {
  const style = await page.addStyleTag({ content: `.receipt-a5, .day-report-a4, .route-sheet-a4 { font-family: '${font}', serif !important; }` });
  await page.emulateMedia({ media: 'print' });
  // An A5 sheet sizes its text again for the face now set (use-size-that-fits.ts): wait till every
  // sheet is one page tall, or at its smallest size, before printing (a sheet that never fits is
  // printed anyway after 10 s, and its page count tells).
  await page
    .waitForFunction(
      (sheetPx) => {
        type Sheet = { getBoundingClientRect(): { height: number }; dataset: Record<string, string | undefined> };
        const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<Sheet> } }).document;
        return [...doc.querySelectorAll('.receipt-a5')].every((el) => el.getBoundingClientRect().height <= sheetPx || el.dataset.fontPt === '8');
      },
      A5_SHEET_PX,
      { timeout: 10_000 },
    )
    .catch(() => undefined);
  const spilled = await page
    .locator(CELLS)
    .evaluateAll((cells) => cells.filter((cell) => cell.scrollWidth > cell.clientWidth + 1).map((cell) => `spills "${cell.textContent}"`));
  // 'page-css': the size the document's own @page rule names (the route sheet's A4 landscape).
  await page.pdf(format === 'page-css' ? { path, preferCSSPageSize: true, printBackground: true } : { path, format, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  await style.evaluate((node) => (node as unknown as { remove(): void }).remove());
  return spilled;
}

/** Every problem of a printed PDF, as lines to read in a failure: overlaps, stranded units, broken numbers. */
export function printProblems(pdfPath: string, options: { whole?: readonly string[] } = {}): string[] {
  const layout = pdfLayout(pdfPath);
  return [
    ...overlappingWords(layout).map((p) => `overlap ${p}`),
    ...strandedLines(layout).map((p) => `alone on its line ${p}`),
    ...brokenTexts(layout, options.whole ?? []).map((p) => `broken "${p}"`),
  ];
}
