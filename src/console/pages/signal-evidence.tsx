// A fraud signal's evidence in words (issue 22 item 5's detectors, src/central/signals): one
// sentence per kind from the figures the detector kept, and the receipts, numbers or people it
// names as short lists. Read defensively — evidence is whatever the central stored; a kind this
// page does not know is shown as labelled lines, never as raw JSON.
import { Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SignalRow } from '../../shared/console/console-api';
import { signalKinds } from '../../shared/console/signal-kinds';
import { formatDate, formatInstant } from '../format';

const num = (e: Record<string, unknown>, key: string) => (typeof e[key] === 'number' ? (e[key] as number) : 0);
const str = (e: Record<string, unknown>, key: string) => (typeof e[key] === 'string' ? (e[key] as string) : '');
const list = (e: Record<string, unknown>, key: string) => (Array.isArray(e[key]) ? (e[key] as unknown[]).map(String) : []);
const percent = (rate: number) => `${(rate * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;

export const isKnownKind = (kind: string) => (signalKinds as readonly string[]).includes(kind);

/** The sentence that says what was found. */
export function evidenceSentence(t: TFunction, signal: SignalRow, staffName?: string): string {
  const e = signal.evidence;
  const staff = staffName ?? signal.staffId ?? '—';
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
function evidenceLists(t: TFunction, signal: SignalRow): [string, string[]][] {
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

/** Evidence of a kind this page does not know: each field on its own line, values as text. */
function plainLines(evidence: Record<string, unknown>): string[] {
  return Object.entries(evidence).map(
    ([key, value]) =>
      `${key}: ${
        Array.isArray(value)
          ? value.map(String).join(', ')
          : typeof value === 'object' && value !== null
            ? Object.entries(value)
                .map(([k, v]) => `${k} ${String(v)}`)
                .join('; ')
            : String(value)
      }`,
  );
}

/** `staffName`: the collector the signal names, by name (the signal itself holds their staff id). */
export function SignalEvidence({ signal, staffName }: { signal: SignalRow; staffName?: string }) {
  const { t } = useTranslation();
  if (!isKnownKind(signal.kind)) {
    return (
      <div data-testid="signal-evidence">
        {plainLines(signal.evidence).map((line) => (
          <div key={line}>{line}</div>
        ))}
      </div>
    );
  }
  return (
    <div data-testid="signal-evidence">
      <div>{evidenceSentence(t, signal, staffName)}</div>
      {evidenceLists(t, signal)
        .filter(([, items]) => items.length > 0)
        .map(([label, items]) => (
          <Typography.Text type="secondary" key={label} style={{ display: 'block' }}>
            {label}: {items.slice(0, 12).join(', ')}
            {items.length > 12 ? ` ${t('evidence.andMore', { n: items.length - 12 })}` : ''}
          </Typography.Text>
        ))}
    </div>
  );
}
