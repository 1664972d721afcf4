// A fraud signal's evidence in words (issue 22 item 5's detectors, src/central/signals): one
// sentence per kind from the figures the detector kept, and the receipts, numbers or people it
// names as labelled lists. Read defensively — evidence is whatever the central stored.
import type { TFunction } from 'i18next';
import type { SignalRow } from '../../shared/console/console-api';
import { signalKinds } from '../../shared/console/signal-kinds';
import { formatDate, formatInstant } from '../format';

export const isKnownKind = (kind: string) => (signalKinds as readonly string[]).includes(kind);

const num = (e: Record<string, unknown>, key: string) => (typeof e[key] === 'number' ? (e[key] as number) : 0);
const str = (e: Record<string, unknown>, key: string) => (typeof e[key] === 'string' ? (e[key] as string) : '');
const list = (e: Record<string, unknown>, key: string) => (Array.isArray(e[key]) ? (e[key] as unknown[]).map(String) : []);
const percent = (rate: number) => `${(rate * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;

/** The sentence that says what was found. */
export function evidenceSentence(t: TFunction, signal: SignalRow, staffName?: string): string {
  const e = signal.evidence;
  // The name on their receipts, else the one their device's audit chain gave, else the bare id.
  const staff = staffName ?? signal.staffName ?? signal.staffId ?? '—';
  const device = signal.deviceName ?? signal.deviceId ?? '—';
  switch (signal.kind) {
    case 'VOID_RATE':
      return t('evidence.VOID_RATE', {
        staff,
        voids: num(e, 'voids'),
        receipts: num(e, 'receipts'),
        rate: percent(num(e, 'rate')),
        officeRate: percent(num(e, 'officeRate')),
      });
    case 'OUT_OF_HOURS':
      return t('evidence.OUT_OF_HOURS', {
        receipt: str(e, 'receipt'),
        time: str(e, 'localTime'),
        date: formatDate(str(e, 'localDate')),
        reason: t(`evidence.reason.${str(e, 'reason') || 'afterHours'}`),
        device,
      });
    case 'CLOCK_SKEW':
      return str(e, 'direction') === 'ahead'
        ? t('evidence.CLOCK_SKEW_ahead', {
            receipt: str(e, 'receipt'),
            deviceAt: formatInstant(str(e, 'deviceAt')),
            receivedAt: formatInstant(str(e, 'receivedAt')),
            minutes: num(e, 'minutes'),
            device,
          })
        : t('evidence.CLOCK_SKEW_late', {
            receipt: str(e, 'receipt'),
            deviceAt: formatInstant(str(e, 'deviceAt')),
            receivedAt: formatInstant(str(e, 'receivedAt')),
            days: Math.round(-num(e, 'minutes') / 1440),
            device,
          });
    case 'BACKDATED':
      return t('evidence.BACKDATED', {
        receipt: str(e, 'receipt'),
        paidOn: formatDate(str(e, 'paidOn')),
        recordedOn: formatDate(str(e, 'recordedOn')),
        device,
      });
    case 'SERIES_GAP':
      return t('evidence.SERIES_GAP', { missing: num(e, 'missing'), series: str(e, 'series'), highest: str(e, 'highest'), device });
    case 'SAME_PERSON_OFFICES':
      return t('evidence.SAME_PERSON_OFFICES', {
        person: str(e, 'officialNumber') || '—',
        n: list(e, 'offices').length,
        offices: list(e, 'offices').join(', '),
      });
    case 'SHARED_CONTACT':
      return t(str(e, 'what') === 'phone' ? 'evidence.SHARED_CONTACT_phone' : 'evidence.SHARED_CONTACT_address', {
        staff,
        people: num(e, 'people'),
        value: str(e, 'value'),
      });
    case 'SILENT_DEVICE':
      return t('evidence.SILENT_DEVICE', {
        device: str(e, 'device') || device,
        days: num(e, 'silentDays'),
        last: formatInstant(str(e, 'lastBatchAt') || null),
        receipts: num(e, 'receiptsReceived'),
      });
    default:
      return '';
  }
}

/** The lists the evidence names (receipts, missing numbers, people), each labelled. */
export function evidenceLists(t: TFunction, signal: SignalRow): [string, string[]][] {
  const e = signal.evidence;
  switch (signal.kind) {
    case 'VOID_RATE':
      return [[t('evidence.voided'), list(e, 'voided')]];
    case 'SERIES_GAP':
      return [[t('evidence.missingNumbers'), list(e, 'numbers')]];
    case 'SAME_PERSON_OFFICES':
      return [[t('evidence.receipts'), list(e, 'receipts')]];
    case 'SHARED_CONTACT':
      return [[t('evidence.people'), list(e, 'officialNumbers')]];
    default:
      return [];
  }
}
