// The printed route sheet (A4 landscape): always in Vietnamese like the day report, since it is
// carried on the walk and filed with the office's records. By hamlet, then household: each member
// with year of birth, phone, statuses, what they owe today and the last visit, and empty columns
// for the outcome and the person's signature; totals and the officer's and supervisor's signatures.
import { useTranslation } from 'react-i18next';
import type { RouteSheet } from '../../../shared/contract/field';
import { vietnamDateTime, vietnameseDate } from '../../../shared/domain/business-date';

const grouping = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const amount = (n: number) => (n > 0 ? grouping.format(n) : '');

export function RouteSheetDocument({ sheet }: { sheet: RouteSheet }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT('vi');
  let n = 0;
  return (
    <article className="route-sheet-a4" data-testid="route-sheet">
      <header className="route-sheet-head">
        <div>
          <div className="route-sheet-office">{sheet.office.name}</div>
          <div>Mã đơn vị: {sheet.office.code}</div>
        </div>
        <div className="route-sheet-head-right">
          <div>
            {t('routeSheet.commune')}: <strong>{sheet.communeName}</strong>
          </div>
          <div>
            {t('routeSheet.officer')}: <strong>{sheet.officerName}</strong>
          </div>
        </div>
      </header>
      <h1 className="route-sheet-title">{t('routeSheet.title')}</h1>
      <div className="route-sheet-date">
        {t('routeSheet.date')}: {vietnameseDate(sheet.date)}
      </div>
      {sheet.hamlets.length === 0 && <p>{t('routeSheet.empty')}</p>}
      <table className="print-table route-sheet-table">
        <colgroup>
          <col style={{ width: '8mm' }} />
          <col style={{ width: '40mm' }} />
          <col style={{ width: '38mm' }} />
          <col style={{ width: '12mm' }} />
          <col style={{ width: '22mm' }} />
          <col style={{ width: '32mm' }} />
          <col style={{ width: '22mm' }} />
          <col style={{ width: '30mm' }} />
          <col />
          <col style={{ width: '22mm' }} />
        </colgroup>
        <thead>
          <tr>
            <th>{t('routeSheet.no')}</th>
            <th>{t('routeSheet.household')}</th>
            <th>{t('routeSheet.member')}</th>
            <th>{t('routeSheet.born')}</th>
            <th>{t('routeSheet.phone')}</th>
            <th>{t('routeSheet.status')}</th>
            <th className="num">{t('routeSheet.due')}</th>
            <th>{t('routeSheet.lastVisit')}</th>
            <th>{t('routeSheet.notes')}</th>
            <th>{t('routeSheet.signature')}</th>
          </tr>
        </thead>
        {sheet.hamlets.map((h) => (
          <tbody key={h.label}>
            <tr className="route-sheet-hamlet">
              <td colSpan={10}>{h.label}</td>
            </tr>
            {h.households.map((household, hi) =>
              household.members.map((m, mi) => (
                <tr key={`${hi}-${mi}`} className={mi === 0 ? 'route-sheet-first' : ''}>
                  <td className="num">{++n}</td>
                  {mi === 0 && (
                    <td rowSpan={household.members.length}>
                      <strong>{household.label}</strong>
                      <div className="route-sheet-small">{household.addressLine}</div>
                      {household.members.length > 1 && household.totalDue > 0 && <div className="route-sheet-small">Cả hộ: {amount(household.totalDue)} đ</div>}
                    </td>
                  )}
                  <td>{m.fullName}</td>
                  <td>{m.birthYear}</td>
                  <td className="nowrap">{m.phone ?? ''}</td>
                  <td>{m.statuses.map((s) => t(`field.status_.${s}`)).join('; ')}</td>
                  <td className="num">{amount(m.totalDue)}</td>
                  <td className="route-sheet-small">{m.lastVisit ?? ''}</td>
                  <td />
                  <td />
                </tr>
              )),
            )}
          </tbody>
        ))}
      </table>
      <p className="route-sheet-total">{t('routeSheet.total', { people: sheet.people, amount: `${grouping.format(sheet.totalDue)} đ` })}</p>
      <div className="route-sheet-signatures">
        <div>
          <strong>{t('routeSheet.supervisorSign')}</strong>
          <div className="route-sheet-small">{t('routeSheet.signHint')}</div>
        </div>
        <div>
          <strong>{t('routeSheet.officerSign')}</strong>
          <div className="route-sheet-small">{t('routeSheet.signHint')}</div>
          <div className="route-sheet-sign-space" />
          <div>{sheet.officerName}</div>
        </div>
      </div>
      <p className="route-sheet-small">{t('routeSheet.generated', { when: vietnamDateTime(sheet.generatedAt) })}</p>
    </article>
  );
}
