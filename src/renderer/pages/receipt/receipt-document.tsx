// The printed receipt (A5): always in Vietnamese, since it is a legal document handed to the
// payer, whatever language the clerk's screen is in. Shows "ĐÃ HỦY" with the reason when voided
// and "BẢN SAO" when this print is a reprint.
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Receipt } from '../../../shared/contract/contribution';
import { percentText, rational } from '../../../shared/domain/money-rounding';
import { provisionalKeys } from '../../../shared/domain/schedule-values';
import { keepWhole } from '../../components/keep-whole';
import { formatDate, formatDay, formatDong, formatMonth, wordsForPrint } from '../../components/money';
import { QrCode } from '../../components/verification-qr';
import { useSizeThatFits } from './use-size-that-fits';

/** An amount inside a sentence: the đ never wraps onto a line of its own. */
const dongInText = (n: number) => formatDong(n).replace(/ đ$/, '\u00a0đ');

/**
 * What the amount is for besides scheme and period: the chosen income and the payment method
 * (VSI), the member's place in the household and the share it pays (HHI), and the state's support
 * that the payer does not pay. A receipt recorded before the place was kept says nothing of it.
 * Figures worked out from a value not confirmed when the payment was taken are marked "tạm tính",
 * as the quote on screen marks them (the values are named in the foot: `provisionalLine`).
 */
function receiptBasis(
  r: Pick<Receipt, 'scheme' | 'method' | 'incomeBasis' | 'memberPosition' | 'lines' | 'support' | 'topUp' | 'provisional'>,
  t: TFunction,
  vi: boolean,
): string[] {
  const parts: string[] = [];
  // The state's support and the province's top-up are shares of the poverty line (VSI) or of the base salary (HHI).
  const marked = provisionalKeys(r.provisional);
  const mark = ['povertyLine', 'baseSalary', 'supportShare'].some((key) => marked.has(key)) ? ` (${t('quoteLaw.provisionalMark')})` : '';
  if (r.scheme === 'VSI') {
    if (r.incomeBasis !== null) parts.push(t('receipt.incomeBasis', { amount: dongInText(r.incomeBasis) }));
    parts.push(t('receipt.method', { method: t(`method.${r.method}`) }));
  } else if (r.memberPosition === 1) {
    parts.push(t('receipt.firstMember'));
  } else if (r.memberPosition !== null) {
    const [num, den] = String(r.lines[0]?.values.memberShare ?? '')
      .split('/')
      .map(Number);
    const share = num !== undefined && den ? percentText(rational(num, den)) : null;
    parts.push(share ? t('receipt.laterMember', { n: r.memberPosition, share }) : t('receipt.member', { n: r.memberPosition }));
  }
  const support = r.lines.reduce((sum, line) => sum + line.supportAmount, 0);
  if (support > 0) parts.push(t('receipt.support', { amount: dongInText(support) }) + mark);
  // The rule the support followed and its legal source; the province's top-up as its own line.
  if (r.support && support > 0) parts.push(`${vi ? r.support.reasonVi : r.support.reasonEn} (${r.support.source})`);
  if (r.topUp && r.topUp.total > 0)
    parts.push(`${t('quoteLaw.topUp')} ${r.topUp.provinceName ?? r.topUp.provinceCode}: ${dongInText(r.topUp.total)} (${r.topUp.source})${mark}`);
  const late = r.lines.filter((l) => l.kind === 'arrears').length;
  if (late > 0) parts.push(`${late} ${t('quoteLaw.arrears')}`);
  return parts;
}

/**
 * The reference values the amount used that were not confirmed, named beside the reference set's
 * version in the foot (beside the QR code, so the sheet grows no taller); null when there are none.
 */
function provisionalLine(r: Pick<Receipt, 'provisional'>, t: TFunction): string | null {
  if (r.provisional.length === 0) return null;
  const values = r.provisional.map((p) => t('receipt.provisionalValue', { what: p.what, from: formatDate(p.from) }));
  return t('receipt.provisional', { values: values.join('; ') });
}

/**
 * The head of a sheet about a receipt: the office collecting for VSS on the left, `children` on the
 * right, then the title, a `stamp` under it ("BẢN SAO": in the flow, so it never covers a long
 * office name) and the date.
 */
export function OfficeHead({
  receipt: r,
  title,
  date,
  stamp,
  children,
}: {
  receipt: Receipt;
  title: string;
  date: string;
  stamp?: ReactNode;
  children: ReactNode;
}) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT('vi');
  const [y, m, d] = date.split('-');
  return (
    <>
      <header className="receipt-head">
        <div className="receipt-office">
          <div className="receipt-office-name">{r.officeName}</div>
          <div>{t('receipt.onBehalf')}</div>
          <div className="receipt-small">
            {t('receipt.officeCode')}: {r.officeCode}
          </div>
        </div>
        <div className="receipt-serial">{children}</div>
      </header>
      <h1 className="receipt-title">{title}</h1>
      {stamp}
      <div className="receipt-date">{t('receipt.dateLine', { d, m, y })}</div>
    </>
  );
}

/** Who paid: name (as `label`), personal ID and address, as rows of a receipt's field list. */
export function PayerFields({ receipt: r, label }: { receipt: Receipt; label: string }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT('vi');
  return (
    <>
      <dt>{label}</dt>
      <dd className="receipt-strong">{r.payerName}</dd>
      <dt>{t('person.personalId')}</dt>
      <dd>{r.payerPersonalId}</dd>
      <dt>{t('person.address')}</dt>
      <dd>{r.payerAddress}</dd>
    </>
  );
}

/** The sheet's foot: the QR code that verifies it (when signed), its caption, and `children` (the label line). */
export function VerifyFoot({ code, caption, testId, children }: { code: string | null; caption: string; testId: string; children: ReactNode }) {
  if (!code) return <div className="receipt-small receipt-foot">{children}</div>;
  return (
    <div className="receipt-verify">
      <QrCode text={code} testId={testId} />
      <div className="receipt-small">
        <div>{caption}</div>
        <div className="receipt-verify-label">{children}</div>
      </div>
    </div>
  );
}

export function ReceiptDocument({ receipt: r, copy }: { receipt: Receipt; copy: boolean }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT('vi');
  const basis = receiptBasis(r, t, true);
  const provisional = provisionalLine(r, t);
  const { ref, pt } = useSizeThatFits(r);
  return (
    <article className="receipt-a5" data-testid="receipt-document" data-font-pt={pt} ref={ref} style={{ fontSize: `${pt}pt` }}>
      {r.void && (
        <div className="receipt-watermark" data-testid="receipt-void">
          {t('receipt.voidWatermark')}
        </div>
      )}
      <OfficeHead
        receipt={r}
        title={t('receipt.docTitle')}
        date={r.businessDate}
        stamp={
          copy && !r.void ? (
            <div className="receipt-copy" data-testid="receipt-copy">
              {t('receipt.copy')}
            </div>
          ) : null
        }
      >
        <div>
          {t('receipt.series')}: <strong>{r.series}</strong>
        </div>
        <div>
          {t('receipt.number')}: <strong data-testid="receipt-number">{String(r.number).padStart(7, '0')}</strong>
        </div>
      </OfficeHead>
      <dl className="receipt-fields">
        <PayerFields receipt={r} label={t('receipt.payer')} />
        <dt>{t('receipt.scheme')}</dt>
        <dd>{t(`scheme.${r.scheme}`)}</dd>
        <dt>{t('receipt.period')}</dt>
        <dd>
          {/* The lump sum for missing years pays months owed to the pension, not calendar months ahead. */}
          {r.method === 'lump-sum-shortfall'
            ? t('receipt.shortfallPeriod', { months: r.months, month: formatMonth(r.businessDate.slice(0, 7)) })
            : t('receipt.periodValue', { from: formatMonth(r.periodFrom), to: formatMonth(r.periodTo), months: r.months })}
        </dd>
        {basis.length > 0 && (
          <>
            <dt>{t('receipt.basis')}</dt>
            <dd className="receipt-basis" data-testid="receipt-basis">
              {basis.map((line) => (
                <div key={line}>{line}</div>
              ))}
            </dd>
          </>
        )}
        <dt>{t('receipt.amount')}</dt>
        <dd className="receipt-amount nowrap" data-testid="receipt-amount">
          {formatDong(r.amount)}
        </dd>
        <dt>{t('receipt.amountWords')}</dt>
        <dd className="receipt-words" data-testid="receipt-words">
          {wordsForPrint(r.amountWords)}
        </dd>
        <dt>{t('receipt.collector')}</dt>
        <dd>{r.collectorName}</dd>
      </dl>
      {r.void && (
        <p className="receipt-void-reason">
          {r.void.refund
            ? keepWhole(
                t('receipt.refundedLine', {
                  day: formatDate(r.void.refund.businessDate),
                  voucher: r.void.refund.voucher,
                  payer: r.void.refund.paidOutByName,
                  name: r.void.voidedByName,
                  reason: r.void.reason,
                }),
                [r.void.refund.voucher],
              )
            : t('receipt.voidedLine', { name: r.void.voidedByName, date: formatDay(r.void.voidedAt), reason: r.void.reason })}
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
      <VerifyFoot code={r.verification?.url ?? null} caption={t('verification.qrCaption')} testId="receipt-qr">
        <span className="nowrap">{r.label}</span> · {t('receipt.refVersion')}: {r.referenceVersion}
        {provisional && <div data-testid="receipt-provisional">{provisional}</div>}
      </VerifyFoot>
    </article>
  );
}
