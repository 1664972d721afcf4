// The right half of the collect screen: what is to be paid in all, the button that records it
// (Enter), a refusal that belongs to no field, and the breakdown — scrolling in the space the
// screen has left, so the amount and its button never fall below a 1366×768 window.
import { Alert, Button, Card, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContributionLineView, Quote } from '../../../shared/contract/contribution';
import { ErrorAlert } from '../../components/error-alert';
import { formatDong } from '../../components/money';
import { useRemainingHeight } from '../../components/use-remaining-height';
import { QuoteLaw } from './quote-law';
import { QuoteTable } from './quote-table';

/** Below the rows: the table's head and total row, the card's padding and the shortcut bar. */
const BELOW_ROWS = 150;

export function QuotePanel(props: {
  shown: ({ lines: ContributionLineView[]; total: number } & Partial<Pick<Quote, 'support' | 'topUp' | 'provisional' | 'supportNotes'>>) | undefined;
  fetching: boolean;
  prompt?: string | null | undefined;
  error: unknown;
  ready: boolean;
  busy: boolean;
  onConfirm: () => void;
  confirmLabel: ReactNode;
  nameOf?: (participantId: string | undefined) => string | undefined;
}) {
  const { t } = useTranslation();
  const rows = useRemainingHeight<HTMLDivElement>(BELOW_ROWS, 90);
  return (
    <Card size="small" title={t('collect.quote')} data-testid="quote">
      {props.prompt ? (
        <Alert type="info" showIcon title={props.prompt} style={{ marginBottom: 12 }} data-testid="quote-prompt" />
      ) : (
        <ErrorAlert error={props.error} />
      )}
      <div className="quote-total-row">
        <span className="muted">{t('collect.total')}</span>
        <span className="total-box" data-testid="quote-total">
          {props.shown ? formatDong(props.shown.total) : '—'}
        </span>
        {props.fetching && <Spin size="small" />}
      </div>
      <Button
        type="primary"
        size="large"
        block
        disabled={!props.ready}
        loading={props.busy}
        onClick={props.onConfirm}
        style={{ marginBottom: 12 }}
        data-testid="confirm-collect"
      >
        {props.confirmLabel} <kbd>Enter</kbd>
      </Button>
      {props.shown && <QuoteLaw quote={props.shown} />}
      <div ref={rows.ref}>{props.shown && <QuoteTable quote={props.shown} height={rows.height} nameOf={props.nameOf} />}</div>
    </Card>
  );
}
