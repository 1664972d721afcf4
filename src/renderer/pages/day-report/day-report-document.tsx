// The printed day-end report (A4 portrait): always in Vietnamese, like the receipts, since it is
// filed with the office's cash records whatever language the supervisor's screen is in.
// Amounts are whole đồng grouped the Vietnamese way (1.234.000); voided receipts stay in the
// list, struck through and left out of the totals, and are listed again with their reasons. A
// receipt refunded on a later day stays valid here (its cash was counted), tagged with that day;
// the refunds paid out on the report's day have their own section and lower the cash due.
import { type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayReport } from '../../../shared/contract/day-end';
import { amountInWords } from '../../../shared/domain/amount-in-words';
import { vietnamDateTime, vietnameseDate } from '../../../shared/domain/business-date';
import { keepWhole } from '../../components/keep-whole';
import { formatDong, formatMonth, wordsForPrint } from '../../components/money';
import { OfficeSection } from './office-section';
import { deviceLabel } from '../../../shared/domain/device-label';
import { FullNames, PayerCell, type PayerRow, useCutNames } from './payer-names';

const grouping = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const amount = (n: number | null) => (n === null ? '' : grouping.format(n));
const signed = (n: number | null) => (n === null ? '' : n > 0 ? `+${grouping.format(n)}` : grouping.format(n));
const time = (iso: string) => vietnamDateTime(iso).slice(11);

/** Fixed column widths in mm (the last column takes the rest of the 182 mm line). */
function Columns({ widths }: { widths: number[] }) {
  return (
    <colgroup>
      {widths.map((w, i) => (
        <col key={i} style={{ width: `${w}mm` }} />
      ))}
      <col />
    </colgroup>
  );
}

interface ReceiptEvent {
  key: string;
  label: string;
  /** Lines under the receipt number. */
  notes?: ReactNode[];
  payer: string;
  personalId: string;
  amount: number;
  /** The collector (a void) or the one who paid the money out (a refund). */
  person: string;
  by: string;
  at: string;
  reason: string;
}

/** A numbered section of receipts voided or refunded: number, payer, amount, who, by whom and when, why. */
function ReceiptEvents(props: { title: string; empty: string; testId: string; personHeader: string; reasonHeader: string; rows: ReceiptEvent[] }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT('vi');
  const table = useRef<HTMLTableElement>(null);
  const payers: PayerRow[] = props.rows.map((x) => ({ key: x.key, name: x.payer, label: x.label, personalId: x.personalId }));
  const cuts = useCutNames(table, payers);
  return (
    <>
      <h2>{props.title}</h2>
      {props.rows.length === 0 ? (
        <p className="day-report-small">{props.empty}</p>
      ) : (
        <table className="print-table day-report-table" data-testid={props.testId} ref={table}>
          {/* Wide enough in DejaVu Serif too (wider than Times): a voucher number HT-… is 43 mm there, a 9-digit amount 22 mm. */}
          <Columns widths={[8, 44, 27, 23, 24, 26]} />
          <thead>
            <tr>
              <th className="num">{t('dayReport.col.no')}</th>
              <th>{t('dayReport.col.label')}</th>
              <th>{t('dayReport.col.payer')}</th>
              <th className="num">{t('dayReport.col.amount')}</th>
              <th>{props.personHeader}</th>
              <th>{t('dayReport.col.voidedBy')}</th>
              <th>{props.reasonHeader}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((x, i) => (
              <tr key={x.key}>
                <td className="num">{i + 1}</td>
                <td className="nowrap">
                  {x.label}
                  {x.notes?.map((line, n) => (
                    <div key={n} className="day-report-small day-report-wrap">
                      {line}
                    </div>
                  ))}
                </td>
                <PayerCell row={payers[i]!} cuts={cuts} />
                <td className="num">{amount(x.amount)}</td>
                <td>{x.person}</td>
                <td>
                  {x.by}, {vietnamDateTime(x.at)}
                </td>
                <td className="day-report-note">{x.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FullNames rows={payers} cuts={cuts} testId={`${props.testId}-full-names`} />
    </>
  );
}

export function DayReportDocument({ report: r }: { report: DayReport }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT('vi');
  const [y, m, d] = r.businessDate.split('-');
  const voided = r.receipts.filter((x) => x.void && !x.void.refundOn);
  const topUps = r.receipts.filter((x) => !x.void || x.void.refundOn).reduce((n, x) => n + x.topUp, 0);
  const counted = r.totals.cashCounted !== null;
  // Refunds paid out this day add a column to the collectors' table and two lines to the totals.
  const refunds = r.totals.refundCount > 0;
  const receiptsTable = useRef<HTMLTableElement>(null);
  const payers: PayerRow[] = r.receipts.map((x) => ({ key: x.id, name: x.payerName, label: x.label, personalId: x.payerPersonalId }));
  const cuts = useCutNames(receiptsTable, payers);
  return (
    <article className="day-report-a4" data-testid="day-report-document">
      <header className="day-report-head">
        <div>
          <div className="day-report-office">{r.office.name}</div>
          <div>
            {t('dayReport.officeCode')}: {r.office.code}
          </div>
          <div className="day-report-small">
            {t('dayReport.device')}: <span data-testid="day-report-device">{deviceLabel(r.deviceName, r.deviceId)}</span>
          </div>
        </div>
        <div className="day-report-head-right">
          <div>
            {t('dayReport.businessDate')}: <strong>{`${d}/${m}/${y}`}</strong>
          </div>
          <div className={`day-report-status day-report-status-${r.status}`} data-testid="day-report-status">
            {t(`dayReport.statusValue.${r.status}`)}
          </div>
        </div>
      </header>
      <h1 className="day-report-title">{t('dayReport.docTitle')}</h1>
      <div className="day-report-date">{t('dayReport.dateLine', { d, m, y })}</div>
      <dl className="day-report-info">
        {r.closedAt && (
          <>
            <dt>{t('dayReport.closedBy')}</dt>
            <dd>{t('dayReport.closedByValue', { name: r.closedByName ?? '', at: vietnamDateTime(r.closedAt) })}</dd>
          </>
        )}
        <dt>{t('dayReport.generatedAt')}</dt>
        <dd>{vietnamDateTime(r.generatedAt)}</dd>
      </dl>
      {r.status !== 'closed' && <p className="day-report-warning">{t('dayReport.notFinal')}</p>}

      <h2>{t('dayReport.byCollector')}</h2>
      <table className="print-table day-report-table" data-testid="day-report-collectors">
        {/* Amounts up to ten digits, bold in the totals row, in DejaVu Serif too. */}
        <Columns widths={refunds ? [9, 30, 10, 9, 24, 24, 24, 22] : [9, 34, 11, 9, 26, 26, 24]} />
        <thead>
          <tr>
            <th className="num">{t('dayReport.col.no')}</th>
            <th>{t('dayReport.col.collector')}</th>
            <th className="num">{t('dayReport.col.receipts')}</th>
            <th className="num">{t('dayReport.col.voided')}</th>
            <th className="num">{t('dayReport.col.expected')}</th>
            {refunds && <th className="num">{t('dayReport.col.refunds')}</th>}
            <th className="num">{t('dayReport.col.cash')}</th>
            <th className="num">{t('dayReport.col.discrepancy')}</th>
            <th>{t('dayReport.col.note')}</th>
          </tr>
        </thead>
        <tbody>
          {r.collectors.map((c, i) => (
            <tr key={c.staffId}>
              <td className="num">{i + 1}</td>
              <td>{c.fullName}</td>
              <td className="num">{c.receiptCount}</td>
              <td className="num">{c.voidedCount}</td>
              <td className="num">{amount(c.total)}</td>
              {refunds && <td className="num">{c.refundTotal ? amount(-c.refundTotal) : ''}</td>}
              <td className="num">{amount(c.cashCounted)}</td>
              <td className={`num${c.discrepancy ? ' day-report-off' : ''}`}>{signed(c.discrepancy)}</td>
              <td className="day-report-note">{c.note}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td />
            <td>{t('dayReport.total')}</td>
            <td className="num">{r.totals.receiptCount}</td>
            <td className="num">{r.totals.voidedCount}</td>
            <td className="num">{amount(r.totals.total)}</td>
            {refunds && <td className="num">{amount(-r.totals.refundTotal)}</td>}
            <td className="num">{amount(r.totals.cashCounted)}</td>
            <td className={`num${r.totals.discrepancy ? ' day-report-off' : ''}`}>{signed(r.totals.discrepancy)}</td>
            <td />
          </tr>
        </tfoot>
      </table>

      <section className="day-report-totals" data-testid="day-report-totals">
        <h2>{t('dayReport.totalsSection')}</h2>
        <dl>
          <dt>{t('dayReport.sum.receipts')}</dt>
          <dd>{t('dayReport.sum.receiptsValue', { count: r.totals.receiptCount, voided: r.totals.voidedCount })}</dd>
          <dt>{t('dayReport.sum.total')}</dt>
          <dd className="day-report-strong" data-testid="day-report-total">
            {formatDong(r.totals.total)}
          </dd>
          <dt>{t('dayReport.sum.words')}</dt>
          <dd className="day-report-words">{wordsForPrint(amountInWords(r.totals.total))}</dd>
          {topUps > 0 && (
            <>
              {/* The province's top-up is not collected from payers: its own line, outside the cash due. */}
              <dt>{t('quoteLaw.topUp')}</dt>
              <dd data-testid="day-report-top-up">{formatDong(topUps)}</dd>
            </>
          )}
          {refunds && (
            <>
              <dt>{t('dayReport.sum.refunds')}</dt>
              <dd data-testid="day-report-refund-total">
                {keepWhole(t('dayReport.sum.refundsValue', { amount: formatDong(r.totals.refundTotal), count: r.totals.refundCount }), [
                  formatDong(r.totals.refundTotal),
                ])}
              </dd>
              <dt>{t('dayReport.sum.due')}</dt>
              <dd className="day-report-strong" data-testid="day-report-due">
                {formatDong(r.totals.expected)}
              </dd>
            </>
          )}
          <dt>{t('dayReport.sum.cash')}</dt>
          <dd data-testid="day-report-cash">{counted ? formatDong(r.totals.cashCounted!) : t('dayReport.sum.notCounted')}</dd>
          {counted && (
            <>
              <dt>{t('dayReport.sum.discrepancy')}</dt>
              <dd className={r.totals.discrepancy ? 'day-report-off' : undefined} data-testid="day-report-discrepancy">
                {`${signed(r.totals.discrepancy)} đ`}
              </dd>
            </>
          )}
        </dl>
      </section>

      <ReceiptEvents
        title={t('dayReport.voidedSection', { count: voided.length })}
        empty={t('dayReport.noneVoided')}
        testId="day-report-voided"
        personHeader={t('dayReport.col.collector')}
        reasonHeader={t('dayReport.col.reason')}
        rows={voided.map((x) => ({
          key: x.id,
          label: x.label,
          payer: x.payerName,
          personalId: x.payerPersonalId,
          amount: x.amount,
          person: x.collectorName,
          by: x.void!.voidedByName,
          at: x.void!.voidedAt,
          reason: x.void!.reason,
        }))}
      />

      <h2>{t('dayReport.receiptsSection', { count: r.receipts.length })}</h2>
      {r.receipts.length === 0 ? (
        <p className="day-report-small">{t('dayReport.noReceipts')}</p>
      ) : (
        <table className="print-table day-report-table day-report-receipts" data-testid="day-report-receipts" ref={receiptsTable}>
          {/* A day with a province's top-up has its own column (what the province pays, not the payer), as the Excel list does. */}
          <Columns widths={topUps > 0 ? [8, 37, 11, 24, 16, 26, 21, 19] : [8, 39, 12, 26, 20, 29, 23]} />
          <thead>
            <tr>
              <th className="num">{t('dayReport.col.no')}</th>
              <th>{t('dayReport.col.label')}</th>
              <th>{t('dayReport.col.time')}</th>
              <th>{t('dayReport.col.payer')}</th>
              <th>{t('dayReport.col.scheme')}</th>
              <th>{t('dayReport.col.period')}</th>
              <th className="num">{t('dayReport.col.amount')}</th>
              {topUps > 0 && <th className="num">{t('dayReport.col.topUp')}</th>}
              <th>{t('dayReport.col.collector')}</th>
            </tr>
          </thead>
          <tbody>
            {r.receipts.map((x, i) => (
              <tr key={x.id} className={x.void && !x.void.refundOn ? 'day-report-void-row' : undefined}>
                <td className="num">{i + 1}</td>
                <td className="nowrap">
                  {x.label}
                  {x.void && (
                    <span className="day-report-void-tag">
                      {x.void.refundOn ? t('dayReport.refundMark', { day: vietnameseDate(x.void.refundOn).slice(0, 5) }) : t('dayReport.voidMark')}
                    </span>
                  )}
                </td>
                <td className="nowrap">{time(x.issuedAt)}</td>
                <PayerCell row={payers[i]!} cuts={cuts} />
                <td className="nowrap">
                  {t(`dayReport.schemeShort.${x.scheme}`)}
                  {/* The place in the household on a line of its own: beside the scheme it ran into the period. */}
                  {x.scheme === 'HHI' && x.memberPosition && <div className="day-report-small">{t('dayReport.memberPlace', { n: x.memberPosition })}</div>}
                </td>
                <td className="nowrap">
                  {x.periodFrom === x.periodTo ? formatMonth(x.periodFrom) : `${formatMonth(x.periodFrom)}–${formatMonth(x.periodTo)}`}
                </td>
                <td className="num day-report-amount">{amount(x.amount)}</td>
                {topUps > 0 && <td className="num day-report-amount">{x.topUp ? amount(x.topUp) : ''}</td>}
                <td>{x.collectorName}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td />
              <td colSpan={5}>{t('dayReport.totalLive')}</td>
              <td className="num" data-testid="day-report-receipts-total">
                {amount(r.totals.total)}
              </td>
              {topUps > 0 && (
                <td className="num" data-testid="day-report-receipts-top-up">
                  {amount(topUps)}
                </td>
              )}
              <td />
            </tr>
          </tfoot>
        </table>
      )}
      <FullNames rows={payers} cuts={cuts} testId="day-report-receipts-full-names" />

      <ReceiptEvents
        title={t('dayReport.refundsSection', { count: r.refunds.length })}
        empty={t('dayReport.noRefunds')}
        testId="day-report-refunds"
        personHeader={t('dayReport.col.paidOutBy')}
        reasonHeader={t('dayReport.col.refundReason')}
        rows={r.refunds.map((x) => ({
          key: x.receiptId,
          label: x.label,
          notes: [
            t('dayReport.receiptOf', { day: vietnameseDate(x.receiptDate) }),
            <>
              {t('dayReport.voucherOf')} <span className="nowrap">{x.voucher}</span>
            </>,
          ],
          payer: x.payerName,
          personalId: x.payerPersonalId,
          amount: x.amount,
          person: x.paidOutByName,
          by: x.voidedByName,
          at: x.voidedAt,
          reason: x.reason,
        }))}
      />

      {r.officeDay && <OfficeSection office={r.officeDay} />}

      <footer className="day-report-signatures">
        <div />
        <div className="day-report-sign-date">{t('dayReport.dateLine', { d, m, y })}</div>
        <div>
          <strong>{t('dayReport.signCashier')}</strong>
          <div className="day-report-small">{t('dayReport.signHint')}</div>
          <div className="day-report-sign-space" />
        </div>
        <div>
          <strong>{t('dayReport.signSupervisor')}</strong>
          <div className="day-report-small">{t('dayReport.signHint')}</div>
          <div className="day-report-sign-space" />
          <div>{r.closedByName}</div>
        </div>
      </footer>
    </article>
  );
}
