// The day-end Excel file on a day with a province's top-up (issue 23): the receipts sheet lists each
// receipt's top-up in a last column (the other columns keep their letters) with its total, and the
// summary sheet has the top-up as its own line outside the cash due — as the A4 report does. A
// voided receipt's top-up is left out; a day without any top-up has neither.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeSchedule } from '../../src/main/core/services/reference-schedule-store';
import { call, type Office, openOffice, personInput, RESOURCES_DIR } from './fixtures/office-fixture';

const TODAY = '2026-03-02'; // the fixture clock's business date

async function workbook(office: Office): Promise<ExcelJS.Workbook> {
  const file = await call(office.core, 'dayEnd.exportExcel', { businessDate: TODAY }, office.tokens.supervisor);
  const book = new ExcelJS.Workbook();
  const bytes = Buffer.from(file.base64, 'base64');
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return book;
}

const valueOf = (cell: ExcelJS.Cell): unknown => {
  const v = cell.value as { result?: unknown } | null;
  return v !== null && typeof v === 'object' && 'result' in v ? v.result : v;
};

async function pay(office: Office, months: number, person?: { fullName: string }) {
  const registered = await call(office.core, 'participants.register', personInput(person), office.tokens.counter);
  const input = {
    participantId: registered.id,
    scheme: 'VSI' as const,
    fromMonth: '2026-03',
    months,
    method: months === 1 ? ('monthly' as const) : ('quarterly' as const),
    incomeBasis: 1_500_000,
  };
  const quote = await call(office.core, 'contributions.quote', input, office.tokens.counter);
  return call(office.core, 'contributions.record', { ...input, expectedTotal: quote.total }, office.tokens.counter);
}

describe('the day-end Excel file with a province’s top-up', () => {
  let office: Office;
  beforeAll(async () => {
    office = await openOffice();
  });
  afterAll(() => office.close());

  it('has no top-up column or line on a day without one', async () => {
    await pay(office, 1);
    const book = await workbook(office);
    expect(book.getWorksheet('Biên lai')!.getRow(1).cellCount).toBe(12);
    const labels: unknown[] = [];
    book.getWorksheet('Tổng hợp')!.eachRow((row) => labels.push(row.getCell(2).value));
    expect(labels).not.toContain('Tỉnh hỗ trợ thêm (không thu của người nộp)');
  });

  it('lists each receipt’s top-up in a last column and the day’s top-up as its own line', async () => {
    const shipped = JSON.parse(readFileSync(join(RESOURCES_DIR, 'reference', 'contribution-rates.json'), 'utf8')) as { version: string };
    await storeSchedule(
      office.core.context.db,
      {
        ...shipped,
        version: `${shipped.version}+tu-test`,
        provincialTopUps: {
          '01': { name: 'Hà Nội', vsi: [{ from: '2026-01-01', value: { any: { amount: 20_000 } }, source: 'Nghị quyết HĐND (thử nghiệm)' }] },
        },
      },
      new Date().toISOString(),
    );
    const quarter = await pay(office, 3);
    const voided = await pay(office, 1);
    await call(office.core, 'receipts.void', { id: voided.receipt.id, reason: 'Thu nhầm người nộp' }, office.tokens.counter);
    expect(quarter.receipt.amount).toBe(3 * (330_000 - 66_000 - 20_000));

    const book = await workbook(office);
    const list = book.getWorksheet('Biên lai')!;
    expect(list.getCell('M1').value).toBe('Tỉnh hỗ trợ thêm (đ)');
    expect(list.getCell('I1').value).toBe('Số tiền (đ)');
    const byLabel = new Map<string, ExcelJS.Row>();
    list.eachRow((row, n) => {
      if (n > 1) byLabel.set(String(row.getCell(2).value), row);
    });
    expect(valueOf(byLabel.get(quarter.receipt.label)!.getCell(13))).toBe(60_000);
    expect(valueOf(byLabel.get(voided.receipt.label)!.getCell(13))).toBe(20_000);
    const total = list.getCell(`M${list.rowCount}`);
    expect(total.value).toMatchObject({ formula: `SUMIF(K2:K${list.rowCount - 1},"Hợp lệ",M2:M${list.rowCount - 1})` });
    expect(valueOf(total)).toBe(60_000);
    expect(list.getCell('M2').numFmt).toBe('#,##0');

    let line: ExcelJS.Row | undefined;
    book.getWorksheet('Tổng hợp')!.eachRow((row) => {
      if (row.getCell(2).value === 'Tỉnh hỗ trợ thêm (không thu của người nộp)') line = row;
    });
    expect(line).toBeDefined();
    expect(line!.getCell(5).value).toMatchObject({
      formula: `SUMIF('Biên lai'!$K$2:$K$${list.rowCount - 1},"Hợp lệ",'Biên lai'!$M$2:$M$${list.rowCount - 1})`,
    });
    expect(valueOf(line!.getCell(5))).toBe(60_000);
  });

  it('keeps a 100-character payer’s name whole, wrapped in its cell, the row tall enough for it (ADR 0044)', async () => {
    const hundred = 'Công Tằng Tôn Nữ Thị Phương Thảo Nguyên Khánh Linh Hoàng Bảo Ngọc Diệp Anh Thư Minh Châu Quỳnh Như Ý';
    expect(hundred).toHaveLength(100);
    const paid = await pay(office, 1, { fullName: hundred });
    const list = (await workbook(office)).getWorksheet('Biên lai')!;
    let row: ExcelJS.Row | undefined;
    list.eachRow((r) => {
      if (r.getCell(2).value === paid.receipt.label) row = r;
    });
    expect(row!.getCell(4).value).toBe(hundred);
    expect(row!.getCell(4).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(row!.getCell(9).alignment).toMatchObject({ vertical: 'top' });
    // Four lines of about 26 characters in a column 30 wide.
    expect(list.getColumn(4).width).toBe(30);
    expect(row!.height).toBe(60);
  });
});
