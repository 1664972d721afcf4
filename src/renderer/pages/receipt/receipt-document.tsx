// The printed receipt (A5): always in Vietnamese, since it is a legal document handed to the
// payer, whatever language the clerk's screen is in. Shows "ĐÃ HỦY" with the reason when voided
// and "BẢN SAO" when this print is a reprint.
import { useTranslation } from 'react-i18next';
import type { Receipt } from '../../../shared/contract/contribution';
import { formatDate, formatDong, formatMonth } from '../../components/money';

function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

export function ReceiptDocument({ receipt: r, copy }: { receipt: Receipt; copy: boolean }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT('vi');
  const [y, m, d] = r.businessDate.split('-');
  return (
    <article className="receipt-a5" data-testid="receipt-document">
      {r.void && (
        <div className="receipt-watermark" data-testid="receipt-void">
          {t('receipt.voidWatermark')}
        </div>
      )}
      {copy && !r.void && (
        <div className="receipt-copy" data-testid="receipt-copy">
          {t('receipt.copy')}
        </div>
      )}
      <header className="receipt-head">
        <div className="receipt-office">
          <div className="receipt-office-name">{r.officeName}</div>
          <div>{t('receipt.onBehalf')}</div>
          <div className="receipt-small">
            {t('receipt.officeCode')}: {r.officeCode}
          </div>
        </div>
        <div className="receipt-serial">
          <div>
            {t('receipt.series')}: <strong>{r.series}</strong>
          </div>
          <div>
            {t('receipt.number')}: <strong data-testid="receipt-number">{String(r.number).padStart(7, '0')}</strong>
          </div>
        </div>
      </header>
      <h1 className="receipt-title">{t('receipt.docTitle')}</h1>
      <div className="receipt-date">{t('receipt.dateLine', { d, m, y })}</div>
      <dl className="receipt-fields">
        <dt>{t('receipt.payer')}</dt>
        <dd className="receipt-strong">{r.payerName}</dd>
        <dt>{t('person.personalId')}</dt>
        <dd>{r.payerPersonalId}</dd>
        <dt>{t('person.address')}</dt>
        <dd>{r.payerAddress}</dd>
        <dt>{t('receipt.scheme')}</dt>
        <dd>{t(`scheme.${r.scheme}`)}</dd>
        <dt>{t('receipt.period')}</dt>
        <dd>
          {t('receipt.periodValue', { from: formatMonth(r.periodFrom), to: formatMonth(r.periodTo), months: r.months })}
        </dd>
        <dt>{t('receipt.amount')}</dt>
        <dd className="receipt-amount" data-testid="receipt-amount">
          {formatDong(r.amount)}
        </dd>
        <dt>{t('receipt.amountWords')}</dt>
        <dd className="receipt-words" data-testid="receipt-words">
          {capitalise(r.amountWords)}
        </dd>
        <dt>{t('receipt.collector')}</dt>
        <dd>{r.collectorName}</dd>
      </dl>
      {r.void && (
        <p className="receipt-void-reason">
          {t('receipt.voidedLine', { name: r.void.voidedByName, date: formatDate(r.void.voidedAt), reason: r.void.reason })}
        </p>
      )}
      <footer className="receipt-signatures">
        <div>
          <strong>{t('receipt.payerSign')}</strong>
          <div className="receipt-small">{t('receipt.signHint')}</div>
          <div className="receipt-sign-space" />
          <div>{r.payerName}</div>
        </div>
        <div>
          <strong>{t('receipt.collectorSign')}</strong>
          <div className="receipt-small">{t('receipt.signHint')}</div>
          <div className="receipt-sign-space" />
          <div>{r.collectorName}</div>
        </div>
      </footer>
      <div className="receipt-small receipt-foot">
        {r.label} · {t('receipt.refVersion')}: {r.referenceVersion}
      </div>
    </article>
  );
}
