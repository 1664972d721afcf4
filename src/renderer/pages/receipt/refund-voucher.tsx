// The refund voucher (A5), printed when the money of a receipt of a closed day is paid back: what
// was refunded (the receipt, its period and amount, in figures and words), why, on which day, and
// three signatures — the payer who takes the money, the staff member whose cash paid it, and the
// supervisor who voided the receipt. Always in Vietnamese, like the receipt it answers; it goes
// with the day's cash records, the payer's signature showing the money left the till. One A5
// sheet, like the receipt: its text is made smaller when long names would spill onto a second.
import { useTranslation } from 'react-i18next';
import type { Receipt } from '../../../shared/contract/contribution';
import { amountInWords } from '../../../shared/domain/amount-in-words';
import { keepWhole } from '../../components/keep-whole';
import { formatDate, formatDong, formatMonth, wordsForPrint } from '../../components/money';
import { OfficeHead, PayerFields, VerifyFoot } from './receipt-document';
import { useSizeThatFits } from './use-size-that-fits';

type Refunded = Receipt & { void: NonNullable<Receipt['void']> & { refund: NonNullable<NonNullable<Receipt['void']>['refund']> } };

export function isRefunded(r: Receipt): r is Refunded {
  return r.void?.refund != null;
}

export function RefundVoucher({ receipt: r }: { receipt: Refunded }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT('vi');
  const refund = r.void.refund;
  const { ref, pt } = useSizeThatFits(r);
  const signers = [
    [t('refundVoucher.payerSign'), r.payerName],
    [t('refundVoucher.paidOutBySign'), refund.paidOutByName],
    [t('refundVoucher.supervisorSign'), r.void.voidedByName],
  ];
  return (
    <article className="receipt-a5" data-testid="refund-voucher" data-font-pt={pt} ref={ref} style={{ fontSize: `${pt}pt` }}>
      <OfficeHead receipt={r} title={t('refundVoucher.docTitle')} date={refund.businessDate}>
        <div>{t('refundVoucher.number')}</div>
        <strong data-testid="refund-voucher-number">{refund.voucher}</strong>
      </OfficeHead>
      <dl className="receipt-fields">
        <PayerFields receipt={r} label={t('refundVoucher.payee')} />
        <dt>{t('refundVoucher.receipt')}</dt>
        <dd>{keepWhole(t('refundVoucher.receiptValue', { label: r.label, day: formatDate(r.businessDate), collector: r.collectorName }), [r.label])}</dd>
        <dt>{t('receipt.scheme')}</dt>
        <dd>{t(`scheme.${r.scheme}`)}</dd>
        <dt>{t('receipt.period')}</dt>
        <dd>{t('receipt.periodValue', { from: formatMonth(r.periodFrom), to: formatMonth(r.periodTo), months: r.months })}</dd>
        <dt>{t('refundVoucher.amount')}</dt>
        <dd className="receipt-amount nowrap" data-testid="refund-amount">
          {formatDong(r.amount)}
        </dd>
        <dt>{t('receipt.amountWords')}</dt>
        <dd className="receipt-words">{wordsForPrint(amountInWords(r.amount))}</dd>
        <dt>{t('refundVoucher.reason')}</dt>
        <dd>{r.void.reason}</dd>
      </dl>
      <p className="receipt-small refund-note">{t('refundVoucher.note')}</p>
      <footer className="receipt-signatures refund-signatures">
        {signers.map(([role, name]) => (
          <div key={role}>
            <strong>{role}</strong>
            <div className="receipt-small">{t('receipt.signHint')}</div>
            <div className="receipt-sign-space" />
            <div>{name}</div>
          </div>
        ))}
      </footer>
      <VerifyFoot code={r.verification?.voucher?.url ?? null} caption={t('verification.qrCaptionVoucher')} testId="voucher-qr">
        {refund.voucher}
      </VerifyFoot>
    </article>
  );
}
