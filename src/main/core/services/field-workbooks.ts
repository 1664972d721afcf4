// The field officer's files as Excel workbooks (issue 21 items 4, 5, 7): the route sheet, the
// reminders list and the coverage figures. Always Vietnamese, like the day report; amounts are
// numeric cells in whole đồng with a grouping format. exceljs is loaded on first use only.
import type { Coverage, RouteSheet } from '../../../shared/contract/field';
import { vietnameseDate } from '../../../shared/domain/business-date';
import { statusWords } from './reminder-messages';

const DONG = '#,##0';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function newBook() {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Field Office';
  return book;
}
type Book = Awaited<ReturnType<typeof newBook>>;
type Sheet = ReturnType<Book['addWorksheet']>;

function header(sheet: Sheet, values: string[]): void {
  const row = sheet.addRow(values);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
    cell.border = { bottom: { style: 'thin' } };
  });
}

function title(sheet: Sheet, text: string, span: number): void {
  const row = sheet.addRow([text]);
  row.font = { bold: true, size: 14 };
  sheet.mergeCells(row.number, 1, row.number, span);
}

async function bytes(book: Book): Promise<Uint8Array> {
  return new Uint8Array(await book.xlsx.writeBuffer());
}

export async function routeSheetWorkbook(sheet: RouteSheet): Promise<Uint8Array> {
  const book = await newBook();
  const ws = book.addWorksheet('Lộ trình', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = [
    { width: 20 },
    { width: 26 },
    { width: 28 },
    { width: 8 },
    { width: 14 },
    { width: 30 },
    { width: 14 },
    { width: 24 },
    { width: 24 },
    { width: 18 },
  ];
  title(ws, 'LỘ TRÌNH ĐI THU TẠI ĐỊA BÀN', 10);
  ws.addRow([`${sheet.office.name} (${sheet.office.code}) · ${sheet.communeName} · ngày ${vietnameseDate(sheet.date)} · cán bộ ${sheet.officerName}`]);
  ws.addRow([]);
  header(ws, ['Thôn/ấp', 'Hộ', 'Thành viên', 'Năm sinh', 'Điện thoại', 'Tình trạng', 'Số tiền phải đóng', 'Lần đến gần nhất', 'Ghi chú', 'Chữ ký']);
  for (const h of sheet.hamlets) {
    for (const household of h.households) {
      for (const m of household.members) {
        const row = ws.addRow([
          h.label,
          household.label,
          m.fullName,
          m.birthYear,
          m.phone ?? '',
          m.statuses.map((s) => statusWords[s]).join('; '),
          m.totalDue,
          m.lastVisit ?? '',
          '',
          '',
        ]);
        row.getCell(7).numFmt = DONG;
        row.alignment = { vertical: 'top', wrapText: true };
      }
    }
  }
  const total = ws.addRow(['Tổng cộng', '', `${sheet.people} người`, '', '', '', sheet.totalDue]);
  total.font = { bold: true };
  total.getCell(7).numFmt = DONG;
  return bytes(book);
}

export interface ReminderRow {
  fullName: string;
  phone: string;
  hamlet: string;
  commune: string;
  scheme: string;
  amount: number | null;
  deadline: string;
  status: string;
  message: string;
}

export const reminderHeaders = [
  'Họ và tên',
  'Số điện thoại',
  'Thôn/ấp',
  'Xã/phường',
  'Loại bảo hiểm',
  'Số tiền (đồng)',
  'Hạn đóng',
  'Tình trạng',
  'Nội dung tin nhắn',
];

export function reminderValues(r: ReminderRow): (string | number | null)[] {
  return [r.fullName, r.phone, r.hamlet, r.commune, r.scheme, r.amount, r.deadline, r.status, r.message];
}

export async function remindersWorkbook(rows: ReminderRow[]): Promise<Uint8Array> {
  const book = await newBook();
  const ws = book.addWorksheet('Nhắc đóng');
  ws.columns = [{ width: 26 }, { width: 14 }, { width: 18 }, { width: 18 }, { width: 18 }, { width: 14 }, { width: 12 }, { width: 20 }, { width: 90 }];
  header(ws, reminderHeaders);
  for (const r of rows) {
    const row = ws.addRow(reminderValues(r));
    // The phone stays text: a leading 0 is part of it.
    row.getCell(2).numFmt = '@';
    row.getCell(6).numFmt = DONG;
    row.getCell(9).alignment = { wrapText: true, vertical: 'top' };
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return bytes(book);
}

export async function coverageWorkbook(c: Coverage): Promise<Uint8Array> {
  const book = await newBook();
  const communes = book.addWorksheet('Theo xã');
  communes.columns = [
    { width: 26 },
    { width: 12 },
    { width: 14 },
    { width: 14 },
    { width: 14 },
    { width: 14 },
    { width: 16 },
    ...c.months.map(() => ({ width: 11 })),
  ];
  title(communes, `ĐỘ BAO PHỦ BẢO HIỂM ĐẾN NGÀY ${vietnameseDate(c.asOf)}`, 7 + c.months.length);
  header(communes, [
    'Xã/phường',
    'Số người',
    'Có BHXH TN',
    'Có BHYT HGĐ',
    'BHXH quá hạn',
    'BHYT hết hạn',
    'Chưa tham gia',
    ...c.months.map((m) => `Bao phủ ${m.slice(5)}/${m.slice(0, 4)} (‰)`),
  ]);
  for (const x of c.communes) communes.addRow([x.name, x.people, x.vsi, x.hhi, x.lapsedVsi, x.lapsedHhi, x.noScheme, ...x.trend.map((t) => t.permille)]);
  const officers = book.addWorksheet('Theo cán bộ');
  officers.columns = [{ width: 26 }, { width: 16 }, { width: 20 }, { width: 12 }, { width: 14 }];
  header(officers, ['Cán bộ', 'Tên đăng nhập', 'Kỳ', 'Lần đến', 'Tham gia mới']);
  for (const o of c.officers) {
    for (const [i, w] of c.weeks.entries())
      officers.addRow([o.name, o.username ?? '', `Tuần ${w}`, o.visitsByWeek[i]?.count ?? 0, o.enrollmentsByWeek[i]?.count ?? 0]);
    for (const [i, m] of c.months.entries())
      officers.addRow([o.name, o.username ?? '', `Tháng ${m.slice(5)}/${m.slice(0, 4)}`, o.visitsByMonth[i]?.count ?? 0, o.enrollmentsByMonth[i]?.count ?? 0]);
  }
  return bytes(book);
}
