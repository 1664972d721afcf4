// A payer's name in the day report's lists (ADR 0044). The report is filed with the office's cash
// records and read by an accountant: a name is set at the table's size on at most two lines, so a
// row stays a row. A name that needs more is cut at a word, ends with "…" and a note mark "[1]",
// and is printed whole under its table beside the receipt's number and the payer's personal ID —
// never shortened without saying so. Whether a name fits is measured in the report's own column
// and font (Times or DejaVu Serif are far apart), on screen and in print alike (the sheet is 210 mm
// wide in both), and measured again once the fonts have loaded.
import { type RefObject, useEffect, useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The lines a payer's name may take in a list. */
const MAX_LINES = 2;

export interface PayerRow {
  key: string;
  name: string;
  /** The receipt's number (or the voucher's) the name belongs to, for the note. */
  label: string;
  personalId: string;
}

/** The text a cut name shows: its first words, "…", and its note's mark. */
const shortened = (start: string, mark: number) => `${start.trimEnd()}… [${mark}]`;

const graphemes = (text: string) => [...new Intl.Segmenter('vi', { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);

/** The start of `name` that fits in two lines with its mark (null: the whole name fits), measured in `span`'s cell. */
function cutToFit(span: HTMLElement, name: string, mark: number): string | null {
  const probe = document.createElement('span');
  probe.className = span.className;
  Object.assign(probe.style, {
    position: 'absolute',
    visibility: 'hidden',
    left: '0',
    top: '0',
    display: 'block',
    width: `${span.getBoundingClientRect().width}px`,
  });
  span.parentElement!.appendChild(probe);
  try {
    const lineHeight = parseFloat(getComputedStyle(probe).lineHeight);
    const fits = (text: string) => {
      probe.textContent = text;
      return probe.getBoundingClientRect().height <= MAX_LINES * lineHeight + 0.5;
    };
    if (fits(name)) return null;
    const chars = graphemes(name);
    // The longest start that fits with "… [n]" (a binary search: fitting only grows shorter with length).
    let low = 0;
    let high = chars.length - 1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (fits(shortened(chars.slice(0, mid).join(''), mark))) low = mid;
      else high = mid - 1;
    }
    const start = chars.slice(0, low).join('');
    // Cut at the last whole word when there is one; a single long word is cut where it must be.
    const space = start.lastIndexOf(' ');
    return space > 0 && name[start.length] !== ' ' ? start.slice(0, space) : start;
  } finally {
    probe.remove();
  }
}

/** The fonts' load, as a number that changes when it is done (a reason to measure again). */
function useFontsLoaded(): number {
  const [loaded, setLoaded] = useState(0);
  useEffect(() => {
    let live = true;
    void document.fonts?.ready.then(() => live && setLoaded((n) => n + 1));
    return () => {
      live = false;
    };
  }, []);
  return loaded;
}

/**
 * The names of a table's rows that do not fit in two lines: row key → the start shown, in the
 * table's order (the note marks count in that order, from 1).
 */
export function useCutNames(table: RefObject<HTMLTableElement | null>, rows: PayerRow[]): Map<string, string> {
  const [cuts, setCuts] = useState<Map<string, string>>(() => new Map());
  const fonts = useFontsLoaded();
  const signature = rows.map((r) => `${r.key}\u0000${r.name}`).join('\u0001');
  useLayoutEffect(() => {
    const spans = table.current?.querySelectorAll<HTMLElement>('[data-payer-key]') ?? [];
    const next = new Map<string, string>();
    for (const span of spans) {
      const cut = cutToFit(span, span.dataset.payerName ?? '', next.size + 1);
      if (cut !== null) next.set(span.dataset.payerKey!, cut);
    }
    setCuts((prev) => (prev.size === next.size && [...next].every(([k, v]) => prev.get(k) === v) ? prev : next));
  }, [table, signature, fonts]);
  return cuts;
}

/** A payer's name in a list's cell: whole, or its start, "…" and the mark of its note (the full name also in the cell's title). */
export function PayerCell({ row, cuts }: { row: PayerRow; cuts: Map<string, string> }) {
  const start = cuts.get(row.key);
  const mark = start === undefined ? 0 : [...cuts.keys()].indexOf(row.key) + 1;
  return (
    <td title={row.name}>
      <span className="day-report-payer" data-payer-key={row.key} data-payer-name={row.name}>
        {start === undefined ? row.name : shortened(start, mark)}
      </span>
    </td>
  );
}

/** Under a table: each name cut above, whole, with its mark, the receipt's number and the personal ID. */
export function FullNames({ rows, cuts, testId }: { rows: PayerRow[]; cuts: Map<string, string>; testId: string }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT('vi');
  if (cuts.size === 0) return null;
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return (
    <div className="day-report-full-names" data-testid={testId}>
      <div className="day-report-small">{t('dayReport.fullNames')}</div>
      {[...cuts.keys()].map((key, i) => {
        const row = byKey.get(key)!;
        return (
          <div key={key} className="day-report-full-name">
            {t('dayReport.fullNameOf', { mark: i + 1, label: row.label, id: row.personalId })} <strong>{row.name}</strong>
          </div>
        );
      })}
    </div>
  );
}
