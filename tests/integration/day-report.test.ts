// The day-end report through the real core: two collectors' receipts (one voided), a day closed
// with a shortfall explained by a note; the report's figures, then the Excel file opened with
// exceljs — per-collector rows, the voided receipt, every receipt, and totals equal to the sum
// of the receipts not voided.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, failure, type Office, openOffice, personInput } from './fixtures/office-fixture';
import { deviceShortId } from '../../src/shared/domain/device-label';

const TODAY = '2026-03-02'; // the fixture clock's business date

let office: Office;
beforeAll(async () => {
  office = await openOffice();
});
afterAll(() => office.close());

async function pay(token: string, fromMonth: string, months: number, incomeBasis: number) {
  const person = await call(office.core, 'participants.register', personInput(), token);
  const input = { participantId: person.id, scheme: 'VSI' as const, fromMonth, months, incomeBasis };
  const quote = await call(office.core, 'contributions.quote', input, token);
  return (await call(office.core, 'contributions.record', { ...input, expectedTotal: quote.total }, token)).receipt as {
    id: string;
    amount: number;
    label: string;
    payerName: string;
  };
}

/** A cell's value, or the computed result of its formula. */
function valueOf(cell: ExcelJS.Cell): unknown {
  const v = cell.value as { result?: unknown } | null;
  return v !== null && typeof v === 'object' && 'result' in v ? v.result : v;
}

function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = Array.from({ length: sheet.columnCount }, (_, i) => valueOf(row.getCell(i + 1)));
  });
  return rows;
}

describe('day-end report', () => {
  const paid: { collector: 'counter' | 'field'; id: string; amount: number; label: string; payerName: string }[] = [];
  let voidedLabel = '';

  beforeAll(async () => {
    for (const [collector, months, income] of [
      ['counter', 1, 1_500_000],
      ['counter', 3, 2_000_000],
      ['counter', 1, 3_000_000],
      ['field', 6, 1_500_000],
      ['field', 1, 5_000_000],
    ] as const) {
      paid.push({ collector, ...(await pay(office.tokens[collector], '2026-01', months, income)) });
    }
    const voided = paid.splice(2, 1)[0]!;
    voidedLabel = voided.label;
    await call(office.core, 'receipts.void', { id: voided.id, reason: 'Thu nhầm mức thu nhập' }, office.tokens.counter);
  });

  const totalOf = (collector?: 'counter' | 'field') => paid.filter((p) => !collector || p.collector === collector).reduce((n, p) => n + p.amount, 0);

  it('reports each collector, the voided receipt and the totals of a day closed with a shortfall', async () => {
    const counterTotal = totalOf('counter');
    const fieldTotal = totalOf('field');
    const open = await call(office.core, 'dayEnd.report', { businessDate: TODAY }, office.tokens.supervisor);
    expect(open).toMatchObject({
      status: 'open',
      closedAt: null,
      totals: { receiptCount: 5, voidedCount: 1, total: counterTotal + fieldTotal, cashCounted: null, discrepancy: null },
    });

    await call(
      office.core,
      'dayEnd.close',
      {
        businessDate: TODAY,
        counts: [
          { staffId: office.staffIds.counter, cashCounted: counterTotal },
          { staffId: office.staffIds.field, cashCounted: fieldTotal - 50_000, note: 'Thiếu 50.000 đ, người thu nộp bù ngày mai' },
        ],
      },
      office.tokens.supervisor,
    );

    const report = await call(office.core, 'dayEnd.report', { businessDate: TODAY }, office.tokens.supervisor);
    expect(report).toMatchObject({
      office: { code: 'TEST01', name: 'BHXH cơ sở thử nghiệm' },
      businessDate: TODAY,
      status: 'closed',
      closedByName: 'Trần Thị Giám Sát',
      totals: { receiptCount: 5, voidedCount: 1, total: counterTotal + fieldTotal, cashCounted: counterTotal + fieldTotal - 50_000, discrepancy: -50_000 },
    });
    expect(report.deviceId).toMatch(/^[0-9a-f-]{36}$/);
    // Not enrolled: no name heard from the central; the printed report names it by its short id (the series' four).
    expect(report.deviceName).toBeNull();
    expect(report.receipts[0]!.label.split('/')[0]).toMatch(new RegExp(`-${deviceShortId(report.deviceId)}$`));
    expect(report.collectors.map((c) => [c.fullName, c.receiptCount, c.voidedCount, c.total, c.cashCounted, c.discrepancy, c.note])).toEqual([
      ['Nhân Viên counter', 3, 1, counterTotal, counterTotal, 0, null],
      ['Nhân Viên field', 2, 0, fieldTotal, fieldTotal - 50_000, -50_000, 'Thiếu 50.000 đ, người thu nộp bù ngày mai'],
    ]);
    expect(report.receipts.map((r) => r.label)).toEqual([...report.receipts.map((r) => r.label)].sort());
    expect(report.receipts).toHaveLength(5);
    expect(report.receipts.filter((r) => r.void).map((r) => [r.label, r.void!.reason, r.void!.voidedByName])).toEqual([
      [voidedLabel, 'Thu nhầm mức thu nhập', 'Nhân Viên counter'],
    ]);
    expect(report.receipts.filter((r) => !r.void).reduce((n, r) => n + r.amount, 0)).toBe(report.totals.total);
  });

  it('exports the same report as an Excel workbook whose totals are the sum of the receipts', async () => {
    const file = await call(office.core, 'dayEnd.exportExcel', { businessDate: TODAY }, office.tokens.supervisor);
    expect(file.fileName).toBe(`chot-so-TEST01-${TODAY}.xlsx`);
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    const bytes = Buffer.from(file.base64, 'base64');
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Biên lai']);

    const summary = rowsOf(book.getWorksheet('Tổng hợp')!);
    const find = (label: string) => summary.find((r) => r?.[1] === label);
    expect(summary[0]![0]).toBe('BÁO CÁO CHỐT SỔ CUỐI NGÀY');
    expect(find('Đơn vị')![2]).toBe('BHXH cơ sở thử nghiệm (TEST01)');
    expect(find('Ngày nghiệp vụ')![2]).toBe('02/03/2026');
    expect(find('Tình trạng')![2]).toBe('Đã chốt sổ');
    expect(find('Chốt sổ bởi')![2]).toBe('Trần Thị Giám Sát');
    const counterTotal = totalOf('counter');
    const fieldTotal = totalOf('field');
    expect(find('Nhân Viên counter')).toEqual([1, 'Nhân Viên counter', 3, 1, counterTotal, 0, counterTotal, counterTotal, 0, '']);
    expect(find('Nhân Viên field')).toEqual([
      2,
      'Nhân Viên field',
      2,
      0,
      fieldTotal,
      0,
      fieldTotal,
      fieldTotal - 50_000,
      -50_000,
      'Thiếu 50.000 đ, người thu nộp bù ngày mai',
    ]);
    // No refunds this day: a SUM of zeros (exceljs reads a formula's cached 0 back as no result).
    expect(find('Tổng cộng')!.slice(2, 9)).toEqual([5, 1, totalOf(), { formula: 'SUM(F11:F12)' }, totalOf(), totalOf() - 50_000, -50_000]);
    expect(find('Biên lai đã hủy (1)')).toBeDefined();
    expect(summary.find((r) => r?.[1] === voidedLabel)?.[9]).toBe('Thu nhầm mức thu nhập');
    expect(find('Chi hoàn trả biên lai của ngày đã chốt sổ (0)')).toBeDefined();

    const sheet = book.getWorksheet('Biên lai')!;
    const list = rowsOf(sheet);
    expect(list[0]).toEqual([
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
    ]);
    const receipts = list.slice(1, 6);
    expect(receipts.map((r) => r[1])).toHaveLength(5);
    expect(new Set(receipts.map((r) => r[1]))).toEqual(new Set([...paid.map((p) => p.label), voidedLabel]));
    for (const p of paid) expect(receipts.find((r) => r[1] === p.label)).toEqual(expect.arrayContaining([p.payerName, p.amount, 'Hợp lệ']));
    expect(receipts.find((r) => r[1] === voidedLabel)!.slice(10)).toEqual(['Đã hủy', 'Thu nhầm mức thu nhập']);
    const live = receipts.filter((r) => r[10] === 'Hợp lệ').reduce((n, r) => n + (r[8] as number), 0);
    const total = sheet.getCell(`I${sheet.rowCount}`);
    expect(total.value).toMatchObject({ formula: 'SUMIF(K2:K6,"Hợp lệ",I2:I6)' });
    expect(valueOf(total)).toBe(live);
    expect(live).toBe(totalOf());
    expect(sheet.getCell('I2').numFmt).toBe('#,##0');
  });

  it('is for supervisors only, and refuses a date that is not a date', async () => {
    expect(await failure(office.core, 'dayEnd.exportExcel', { businessDate: TODAY }, office.tokens.counter)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure(office.core, 'dayEnd.report', { businessDate: '2026-02-30' }, office.tokens.supervisor)).toMatchObject({
      code: 'VALIDATION',
      field: 'businessDate',
    });
  });
});
