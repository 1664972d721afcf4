// The audit screen's cells in words (audit-text.ts says how): an action by its name with its code
// small beneath, and an entry's details opened below its row, every field on its own line.
import { Descriptions, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { actionLabel, detailsLine, fieldLabel, lineEntries, parse, valueText } from './audit-text';

export function ActionCell({ t, action }: { t: TFunction; action: string }) {
  const label = actionLabel(t, action);
  return (
    <span>
      {label}
      {label !== action && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 11 }}>
          {action}
        </Typography.Text>
      )}
    </span>
  );
}

/** The whole entry, opened below its row: every field on its own line. */
export function DetailsPanel({ t, details }: { t: TFunction; details: string }) {
  const value = parse(details);
  if (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) {
    return (
      <Typography.Text style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{value === undefined ? details : detailsLine(t, details)}</Typography.Text>
    );
  }
  return (
    <Descriptions
      size="small"
      column={2}
      bordered
      data-testid="audit-details-panel"
      items={lineEntries(value, true).map(([k, v]) => ({ key: k, label: fieldLabel(t, k), children: valueText(t, k, v) }))}
    />
  );
}
