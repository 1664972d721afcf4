// The day-end report as an Excel workbook: a "Tổng hợp" sheet (office, device, date, closure, one
// row per collector with refunds paid out, cash due, cash counted and discrepancy, the voided
// receipts, the refunds; the province's top-up on a day that has one) and a "Biên lai" sheet (every
// receipt of the day in number order, with its top-up in a last column on such a day; one
// refunded on a later day is still valid here). Amounts are numeric cells in whole đồng with a
// grouping format, and totals are SUM formulas carrying their computed value, so the sheet stays
// live when a supervisor edits it and reads correctly in a viewer that does not recalculate.
// Always Vietnamese: the file is filed with the office's records, like the receipts.
import type { Row } from 'exceljs';
import type { DayReport } from '../../../shared/contract/day-end';
import { vietnamDateTime, vietnameseDate, vietnameseMonthRange } from '../../../shared/domain/business-date';
import { addOfficeSheet } from './day-report-office-sheet';
import { deviceLabel } from '../../../shared/domain/device-label';

const DONG = '#,##0';
const schemeNames = { VSI: 'BHXH tự nguyện', HHI: 'BHYT hộ gia đình' } as const;
const statusNames = { open: 'Chưa chốt sổ', closed: 'Đã chốt sổ', reopened: 'Đã mở lại sau khi chốt' } as const;
export const RECEIPT_VALID = 'Hợp lệ';
export const RECEIPT_VOID = 'Đã hủy';
/** The payer's column on the receipts sheet, in Excel's character widths. */
const PAYER_WIDTH = 30;

/**
 * A payer's name kept whole in its cell (ADR 0044): wrapped at its spaces, the row's cells at its
 * top, and the row made tall enough for its lines — a spreadsheet opened as written need not grow a
 * row for wrapped text, and a 100-character name would show one line and hide the rest.
 */
function wrapPayer(row: Row, cell: number, text: string, width: number) {
  row.eachCell((c) => (c.alignment = { ...c.alignment, vertical: 'top' }));
  row.getCell(cell).alignment = { vertical: 'top', wrapText: true };
  // About one character of a name per unit of width (a unit is a digit's width; a few letters are wider).
  const lines = Math.ceil([...text].length / (width - 4));
  if (lines > 1) row.height = 15 * lines;
}

export async function dayReportWorkbook(report: DayReport): Promise<Uint8Array> {
  // Loaded on first export only: a large library the app does not need at start.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Field Office';
  book.created = new Date(report.generatedAt);

  type Sheet = ReturnType<typeof book.addWorksheet>;
  const headerRow = (sheet: Sheet, values: string[]) => {
    const row = sheet.addRow(values);
    row.font = { bold: true };
    row.alignment = { vertical: 'middle', wrapText: true };
    row.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
      cell.border = { bottom: { style: 'thin' } };
    });
    return row;
  };
  const sum = (col: string, from: number, to: number, result: number) => (to >= from ? { formula: `SUM(${col}${from}:${col}${to})`, result } : 0);

  // ── Tổng hợp ────────────────────────────────────────────────────────────────────────────────
  const summary = book.addWorksheet('Tổng hợp', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  summary.columns = [
    { width: 6 },
    { width: 30 },
    { width: 12 },
    { width: 10 },
    { width: 18 },
    { width: 16 },
    { width: 18 },
    { width: 20 },
    { width: 16 },
    { width: 40 },
  ];
  const title = summary.addRow(['BÁO CÁO CHỐT SỔ CUỐI NGÀY']);
  title.font = { bold: true, size: 14 };
  summary.mergeCells(title.number, 1, title.number, 10);
  const info: [string, string][] = [
    ['Đơn vị', `${report.office.name} (${report.office.code})`],
    ['Thiết bị', deviceLabel(report.deviceName, report.deviceId)],
    ['Ngày nghiệp vụ', vietnameseDate(report.businessDate)],
    ['Tình trạng', statusNames[report.status]],
    ['Chốt sổ bởi', report.closedByName ?? ''],
    ['Chốt sổ lúc', report.closedAt ? vietnamDateTime(report.closedAt) : ''],
    ['Lập báo cáo lúc', vietnamDateTime(report.generatedAt)],
  ];
  for (const [label, value] of info) {
    const row = summary.addRow(['', label, value]);
    row.getCell(2).font = { bold: true };
    summary.mergeCells(row.number, 3, row.number, 10);
  }
  summary.addRow([]);
  headerRow(summary, [
    'STT',
    'Người thu',
    'Số biên lai',
    'Đã hủy',
    'Theo biên lai (đ)',
    'Chi hoàn trả (đ)',
    'Phải nộp (đ)',
    'Tiền mặt kiểm đếm (đ)',
    'Chênh lệch (đ)',
    'Ghi chú',
  ]);
  const firstCollector = summary.rowCount + 1;
  report.collectors.forEach((c, i) => {
    const row = summary.addRow([i + 1, c.fullName, c.receiptCount, c.voidedCount, c.total, c.refundTotal, null, c.cashCounted, c.discrepancy, c.note ?? '']);
    row.getCell(7).value = { formula: `E${row.number}-F${row.number}`, result: c.expected };
  });
  const lastCollector = summary.rowCount;
  const t = report.totals;
  const totalRow = summary.addRow([
    '',
    'Tổng cộng',
    sum('C', firstCollector, lastCollector, t.receiptCount),
    sum('D', firstCollector, lastCollector, t.voidedCount),
    sum('E', firstCollector, lastCollector, t.total),
    sum('F', firstCollector, lastCollector, t.refundTotal),
    sum('G', firstCollector, lastCollector, t.expected),
    t.cashCounted === null ? null : sum('H', firstCollector, lastCollector, t.cashCounted),
    t.discrepancy === null ? null : sum('I', firstCollector, lastCollector, t.discrepancy),
    '',
  ]);
  totalRow.font = { bold: true };
  totalRow.eachCell((cell) => (cell.border = { top: { style: 'thin' } }));
  // The province's top-up is not taken from payers (it is outside the cash due): its own line, as
  // on the A4 report, summed from the receipts sheet's column M — only on a day that has one.
  const topUps = report.receipts.filter((r) => !r.void || r.void.refundOn).reduce((n, r) => n + r.topUp, 0);
  const lastListed = report.receipts.length + 1;
  if (topUps > 0) {
    const line = summary.addRow(['', 'Tỉnh hỗ trợ thêm (không thu của người nộp)', '', '', null]);
    line.getCell(5).value = {
      formula: `SUMIF('Biên lai'!$K$2:$K$${lastListed},"${RECEIPT_VALID}",'Biên lai'!$M$2:$M$${lastListed})`,
      result: topUps,
    };
    summary.mergeCells(line.number, 2, line.number, 4);
  }
  for (const col of ['E', 'F', 'G', 'H', 'I']) summary.getColumn(col).numFmt = DONG;
  for (let r = firstCollector; r <= totalRow.number; r++) summary.getCell(`J${r}`).alignment = { wrapText: true, vertical: 'top' };

  /** A listed receipt: number over B–D, amount in E, a name in F, who/when over G–I, the reason in J. */
  const receiptRow = (values: [number, string, number, string, string, string]) => {
    const [no, label, amount, name, when, reason] = values;
    const row = summary.addRow([no, label, '', '', amount, name, when, '', '', reason]);
    summary.mergeCells(row.number, 2, row.number, 4);
    summary.mergeCells(row.number, 7, row.number, 9);
    row.getCell(10).alignment = { wrapText: true, vertical: 'top' };
    return row;
  };
  const voided = report.receipts.filter((r) => r.void && !r.void.refundOn);
  summary.addRow([]);
  const voidTitle = summary.addRow(['', `Biên lai đã hủy (${voided.length})`]);
  voidTitle.font = { bold: true };
  if (voided.length > 0) {
    headerRow(summary, ['STT', 'Số biên lai', '', '', 'Số tiền (đ)', 'Người thu', 'Hủy bởi, lúc', '', '', 'Lý do hủy']);
    voided.forEach((r, i) =>
      receiptRow([i + 1, r.label, r.amount, r.collectorName, `${r.void!.voidedByName}, ${vietnamDateTime(r.void!.voidedAt)}`, r.void!.reason]),
    );
  }

  summary.addRow([]);
  const refundTitle = summary.addRow(['', `Chi hoàn trả biên lai của ngày đã chốt sổ (${report.refunds.length})`]);
  refundTitle.font = { bold: true };
  if (report.refunds.length > 0) {
    headerRow(summary, ['STT', 'Số biên lai', '', '', 'Số tiền (đ)', 'Người chi tiền', 'Phiếu chi; biên lai ngày, người nộp', '', '', 'Lý do hoàn trả']);
    report.refunds.forEach((r, i) => {
      const row = receiptRow([i + 1, r.label, r.amount, r.paidOutByName, `${r.voucher}; ${vietnameseDate(r.receiptDate)}, ${r.payerName}`, r.reason]);
      // Voucher, day and payer in the merged G–I (54 wide).
      wrapPayer(row, 7, String(row.getCell(7).value), 54);
    });
  }

  // ── Biên lai ────────────────────────────────────────────────────────────────────────────────
  const list = book.addWorksheet('Biên lai', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  list.columns = [
    { width: 6 },
    { width: 22 },
    { width: 17 },
    { width: PAYER_WIDTH },
    { width: 15 },
    { width: 18 },
    { width: 17 },
    { width: 9 },
    { width: 15 },
    { width: 24 },
    { width: 10 },
    { width: 34 },
    ...(topUps > 0 ? [{ width: 16 }] : []),
  ];
  headerRow(list, [
    'STT',
    'Số biên lai',
    'Giờ lập',
    'Người nộp',
    'Số định danh',
    'Loại bảo hiểm',
    'Kỳ đóng',
    'Số tháng',
    'Số tiền (đ)',
    'Người thu',
    'Tình trạng',
    'Lý do hủy',
    // Last, so the other columns keep their letters on every day's file.
    ...(topUps > 0 ? ['Tỉnh hỗ trợ thêm (đ)'] : []),
  ]);
  report.receipts.forEach((r, i) => {
    const row = list.addRow([
      i + 1,
      r.label,
      vietnamDateTime(r.issuedAt),
      r.payerName,
      r.payerPersonalId,
      r.scheme === 'HHI' && r.memberPosition ? `${schemeNames.HHI} · người thứ ${r.memberPosition}` : schemeNames[r.scheme],
      vietnameseMonthRange(r.periodFrom, r.periodTo),
      r.months,
      r.amount,
      r.collectorName,
      r.void && !r.void.refundOn ? RECEIPT_VOID : RECEIPT_VALID,
      r.void?.refundOn ? `Hoàn trả ngày ${vietnameseDate(r.void.refundOn)}: ${r.void.reason}` : (r.void?.reason ?? ''),
      ...(topUps > 0 ? [r.topUp] : []),
    ]);
    if (r.void && !r.void.refundOn) row.font = { color: { argb: 'FFB00000' }, strike: false };
    wrapPayer(row, 4, r.payerName, PAYER_WIDTH);
  });
  list.getColumn('I').numFmt = DONG;
  if (topUps > 0) list.getColumn('M').numFmt = DONG;
  // Personal IDs are 12-digit numbers with leading zeros: kept as text so Excel does not mangle them.
  list.getColumn('E').numFmt = '@';
  const lastReceipt = list.rowCount;
  const listTotal = list.addRow([
    '',
    'Tổng cộng (không tính biên lai đã hủy)',
    '',
    '',
    '',
    '',
    '',
    '',
    lastReceipt >= 2 ? { formula: `SUMIF(K2:K${lastReceipt},"${RECEIPT_VALID}",I2:I${lastReceipt})`, result: t.total } : 0,
    ...(topUps > 0 ? ['', '', '', { formula: `SUMIF(K2:K${lastReceipt},"${RECEIPT_VALID}",M2:M${lastReceipt})`, result: topUps }] : []),
  ]);
  listTotal.font = { bold: true };
  list.mergeCells(listTotal.number, 2, listTotal.number, 8);
  listTotal.eachCell((cell) => (cell.border = { top: { style: 'thin' } }));

  // The office's other devices and the cash handed over (ADR 0026).
  if (report.officeDay) addOfficeSheet(book, report.officeDay);

  return new Uint8Array(await book.xlsx.writeBuffer());
}
