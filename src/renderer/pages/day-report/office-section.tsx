// The office section of the printed day report (issue 20 item 5, ADR 0026): every device of the
// office that day with each collector's takings (this device's as counted above, the others' as
// last pulled), whether the device closed its day, the cash collectors of other devices handed
// over, and the office's total. Always Vietnamese, like the rest of the report.
import { useTranslation } from 'react-i18next';
import type { OfficeDay } from '../../../shared/contract/office-day';
import { vietnamDateTime } from '../../../shared/domain/business-date';

const grouping = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const amount = (n: number) => grouping.format(n);
const dm = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`;

export function OfficeSection({ office: o }: { office: OfficeDay }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT('vi');
  return (
    <section data-testid="day-report-office">
      <h2>{t('dayReport.office.title')}</h2>
      <p className="day-report-small">{t('dayReport.office.asOf', { when: o.lastPullAt ? vietnamDateTime(o.lastPullAt) : t('sync.never') })}</p>
      <table className="print-table day-report-table" data-testid="day-report-office-devices">
        <colgroup>
          <col style={{ width: '40mm' }} />
          <col style={{ width: '44mm' }} />
          <col style={{ width: '12mm' }} />
          <col style={{ width: '26mm' }} />
          <col style={{ width: '24mm' }} />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th>{t('dayReport.office.device')}</th>
            <th>{t('dayReport.col.collector')}</th>
            <th className="num">{t('dayReport.col.receipts')}</th>
            <th className="num">{t('dayReport.office.due')}</th>
            <th className="num">{t('dayReport.col.refunds')}</th>
            <th>{t('dayReport.office.state')}</th>
          </tr>
        </thead>
        <tbody>
          {o.devices.flatMap((dev) => {
            const rows = dev.collectors.length > 0 ? dev.collectors : [null];
            return rows.map((c, i) => (
              <tr key={`${dev.deviceId ?? 'this'}-${c?.staffId ?? i}`}>
                {i === 0 && <td rowSpan={rows.length}>{dev.thisDevice ? `${dev.name} (${t('officeDay.thisDevice')})` : dev.name}</td>}
                <td>{c?.fullName ?? '—'}</td>
                <td className="num">{c ? c.receiptCount : 0}</td>
                <td className="num">{amount(c?.expected ?? 0)}</td>
                <td className="num">{c?.refundTotal ? amount(-c.refundTotal) : ''}</td>
                {i === 0 && (
                  <td rowSpan={rows.length} className="day-report-small">
                    {t(dev.dayClosed ? 'officeDay.closed' : 'officeDay.open')}
                    {dev.pendingOps ? ` · ${t('dayReport.office.unsent', { count: dev.pendingOps })}` : ''}
                    {dev.lastSyncAt ? ` · ${t('dayReport.office.synced', { at: vietnamDateTime(dev.lastSyncAt) })}` : ''}
                  </td>
                )}
              </tr>
            ));
          })}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={2}>{t('dayReport.office.total')}</td>
            <td className="num">{o.totals.receiptCount}</td>
            <td className="num" data-testid="day-report-office-total">
              {amount(o.totals.expected)}
            </td>
            <td className="num">{o.totals.refundTotal ? amount(-o.totals.refundTotal) : ''}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      <h2>{t('dayReport.office.handovers', { count: o.handovers.length })}</h2>
      {o.handovers.length === 0 ? (
        <p className="day-report-small">{t('dayReport.office.noHandovers')}</p>
      ) : (
        <table className="print-table day-report-table" data-testid="day-report-handovers">
          <colgroup>
            <col style={{ width: '46mm' }} />
            <col style={{ width: '22mm' }} />
            <col style={{ width: '24mm' }} />
            <col style={{ width: '24mm' }} />
            <col style={{ width: '22mm' }} />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th>{t('dayReport.col.collector')}</th>
              <th>{t('dayReport.office.days')}</th>
              <th className="num">{t('dayReport.office.due')}</th>
              <th className="num">{t('dayReport.col.cash')}</th>
              <th className="num">{t('dayReport.col.discrepancy')}</th>
              <th>{t('dayReport.office.receivedBy')}</th>
            </tr>
          </thead>
          <tbody>
            {o.handovers.map((h) => (
              <tr key={h.id}>
                <td>
                  {h.collectorName}
                  <div className="day-report-small">{h.fromDeviceName ?? h.fromDeviceId}</div>
                </td>
                <td>{h.businessDates.map(dm).join(', ')}</td>
                <td className="num">{amount(h.expected)}</td>
                <td className="num">{amount(h.cashCounted)}</td>
                <td className="num">{h.difference === 0 ? '0' : h.difference > 0 ? `+${amount(h.difference)}` : amount(h.difference)}</td>
                <td>
                  {h.receivedByName}
                  {h.note && <div className="day-report-small day-report-wrap">{h.note}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
