// The office sheet of the day-end workbook (issue 20 item 5, ADR 0026): every device of the office
// with each collector's takings and refunds that day (this device's own, the others' as last
// pulled), whether it closed its day, what it had left unsent, then the cash collectors handed
// over and the office's total as a SUM formula carrying its value. Always Vietnamese.
import type { Workbook } from 'exceljs';
import type { OfficeDay } from '../../../shared/contract/office-day';
import { vietnamDateTime } from '../../../shared/domain/business-date';

const DONG = '#,##0';

export function addOfficeSheet(book: Workbook, office: OfficeDay): void {
  const sheet = book.addWorksheet('Toàn văn phòng', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = [{ width: 28 }, { width: 28 }, { width: 10 }, { width: 18 }, { width: 16 }, { width: 18 }, { width: 16 }, { width: 22 }];
  const title = sheet.addRow([`TOÀN VĂN PHÒNG ${office.officeCode} — NGÀY ${office.businessDate.split('-').reverse().join('/')}`]);
  title.font = { bold: true, size: 14 };
  sheet.addRow([`Theo dữ liệu các máy gửi về trung tâm, nhận về lúc ${office.lastPullAt ? vietnamDateTime(office.lastPullAt) : '—'}.`]);
  sheet.addRow([]);
  const header = sheet.addRow([
    'Máy',
    'Người thu',
    'Số biên lai',
    'Theo biên lai (đ)',
    'Chi hoàn trả (đ)',
    'Phải nộp (đ)',
    'Sổ trong ngày',
    'Chưa gửi / đồng bộ gần nhất',
  ]);
  header.font = { bold: true };
  const first = sheet.rowCount + 1;
  for (const d of office.devices) {
    const state = d.dayClosed ? 'Đã khóa sổ' : 'Chưa khóa sổ';
    const sync = `${d.pendingOps === null ? 'chưa báo' : `${d.pendingOps} thao tác`} / ${d.lastSyncAt ? vietnamDateTime(d.lastSyncAt) : '—'}`;
    const rows = d.collectors.length > 0 ? d.collectors : [null];
    for (const c of rows) {
      const row = sheet.addRow([
        d.thisDevice ? `${d.name} (máy này)` : d.name,
        c?.fullName ?? '—',
        c?.receiptCount ?? 0,
        c?.total ?? 0,
        c ? -c.refundTotal : 0,
        c?.expected ?? 0,
        state,
        sync,
      ]);
      for (const col of [4, 5, 6]) row.getCell(col).numFmt = DONG;
    }
  }
  const last = sheet.rowCount;
  const total = sheet.addRow([
    'Cộng toàn văn phòng',
    '',
    last >= first ? { formula: `SUM(C${first}:C${last})`, result: office.totals.receiptCount } : 0,
    last >= first ? { formula: `SUM(D${first}:D${last})`, result: office.totals.total } : 0,
    last >= first ? { formula: `SUM(E${first}:E${last})`, result: -office.totals.refundTotal } : 0,
    last >= first ? { formula: `SUM(F${first}:F${last})`, result: office.totals.expected } : 0,
  ]);
  total.font = { bold: true };
  for (const col of [4, 5, 6]) total.getCell(col).numFmt = DONG;

  sheet.addRow([]);
  sheet.addRow([`Tiền bàn giao nhận trong ngày (${office.handovers.length})`]).font = { bold: true };
  sheet.addRow(['Người thu, máy', 'Ngày thu', 'Số biên lai', 'Phải nộp (đ)', 'Kiểm đếm (đ)', 'Chênh lệch (đ)', 'Người nhận', 'Ghi chú']).font = { bold: true };
  for (const h of office.handovers) {
    const row = sheet.addRow([
      `${h.collectorName} · ${h.fromDeviceName ?? h.fromDeviceId}`,
      h.businessDates.map((d) => d.split('-').reverse().join('/')).join(', '),
      h.receiptCount,
      h.expected,
      h.cashCounted,
      h.difference,
      h.receivedByName,
      h.note ?? '',
    ]);
    for (const col of [4, 5, 6]) row.getCell(col).numFmt = DONG;
  }
}
