// How the audit screen says an entry in words (issue 22 item 4): the action by its name in the
// supervisor's language (the code stays beside it, small, for the central's staff), and the
// details — stored as canonical JSON, cut to 16 000 characters by the core — as labelled values
// (money in đồng, yes/no, dates as the office writes them) instead of raw JSON; the whole entry
// opens below its row. Details that no longer parse (cut mid-way) are shown as they are.
import type { TFunction } from 'i18next';
import { foldName } from '../../../shared/domain/name-folding';
import { groupDigits } from '../../../shared/domain/typed-amount';

export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

/** Keys whose numbers are amounts of money. */
const MONEY = /(total|amount|cash|counted|expected|difference|refund|basis|income|salary|line)$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What the one-line view says first; ids, empty values and the month-by-month lines are left to the opened entry. */
const FIRST = ['receipt', 'total', 'scheme', 'fromMonth', 'months', 'method', 'paidOn', 'reason', 'reasons', 'fullName', 'collectorName', 'note'];
const LINE_SKIPS = new Set(['lines', 'values', 'support', 'topUp', 'referenceVersion', 'createdAt', 'updatedAt', 'version']);

export function actionLabel(t: TFunction, action: string): string {
  return t(`auditAction.${action}`, { defaultValue: action });
}

/** The action filter finds an action by its name (without accents) or by its code. */
export function matchesAction(typed: string, code: string, label: string): boolean {
  const wanted = foldName(typed);
  return foldName(code).includes(wanted) || foldName(label).includes(wanted);
}

export function parse(details: string): Value | undefined {
  try {
    return JSON.parse(details) as Value;
  } catch {
    return undefined;
  }
}

export function fieldLabel(t: TFunction, key: string): string {
  return t(`auditField.${key}`, { defaultValue: key });
}

export function valueText(t: TFunction, key: string, value: Value): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return t(value ? 'auditField.yes' : 'auditField.no');
  if (typeof value === 'number') return MONEY.test(key) ? `${groupDigits(value)} đ` : String(value);
  if (typeof value === 'string') {
    if (key === 'scheme' || key === 'method') return t(`${key}.${value}`, { defaultValue: value });
    return DAY.test(value) ? value.split('-').reverse().join('/') : value;
  }
  if (Array.isArray(value)) return value.map((v) => valueText(t, key, v)).join('; ');
  // A receipt as it is printed: series and number.
  if (typeof value.series === 'string' && typeof value.number === 'number') return `${value.series}/${value.number}`;
  return Object.entries(value)
    .map(([k, v]) => `${fieldLabel(t, k)}: ${valueText(t, k, v)}`)
    .join(', ');
}

const isEmpty = (v: Value) => v === null || v === '' || (Array.isArray(v) ? v.length === 0 : typeof v === 'object' && Object.keys(v).length === 0);

/** The fields in telling order; the one-line view (`all` false) also leaves out ids, empty values and the detail lists. */
export function lineEntries(value: { [key: string]: Value }, all = false): [string, Value][] {
  const rank = (key: string) => (FIRST.includes(key) ? FIRST.indexOf(key) : FIRST.length);
  return Object.entries(value)
    .filter(([k, v]) => all || (!isEmpty(v) && !LINE_SKIPS.has(k) && !/(^id|Id|Ids)$/.test(k)))
    .sort(([a], [b]) => rank(a) - rank(b));
}

/** One line: the details' fields as "label: value · …", the telling ones first (the table cell, cut by its ellipsis). */
export function detailsLine(t: TFunction, details: string): string {
  const value = parse(details);
  if (value === undefined) return details;
  if (value === null) return '';
  if (typeof value !== 'object' || Array.isArray(value)) return valueText(t, '', value);
  return lineEntries(value)
    .map(([k, v]) => `${fieldLabel(t, k)}: ${valueText(t, k, v)}`)
    .join(' · ');
}
