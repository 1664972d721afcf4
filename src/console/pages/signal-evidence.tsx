// A fraud signal's evidence in words (issue 22 item 5's detectors, src/central/signals): one
// sentence per kind from the figures the detector kept, and the receipts, numbers or people it
// names as short lists. Read defensively — evidence is whatever the central stored; a kind this
// page does not know is shown as labelled lines, never as raw JSON.
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SignalRow } from '../../shared/console/console-api';
import { evidenceLists, evidenceSentence, isKnownKind } from './signal-words';

export { isKnownKind };

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
