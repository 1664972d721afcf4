// What leaves the office from the field lists (issue 21 items 4, 5, 7): the reminders as .xlsx and
// .csv, read back — each person's own name and phone, the amount and deadline, a Vietnamese message,
// nothing else about them — with the export audited; the route sheet by hamlet and household; the
// coverage figures per commune and per officer, and their workbooks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Office, openOffice } from '../fixtures/office-fixture';
import { type Commune, COMMUNE, openWorkbook, seedCommune } from './field-kit';

let office: Office;
let c: Commune;
beforeAll(async () => {
  office = await openOffice();
  c = await seedCommune(office);
  await call(
    office.core,
    'field.assign',
    { username: 'field', areas: [{ communeCode: COMMUNE, hamletIds: [] }], expectedVersion: 0 },
    office.tokens.supervisor,
  );
}, 60_000);
afterAll(() => office.close());

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (ch !== '\r') cell += ch;
  }
  return rows;
}

describe('reminders', () => {
  it('exports the people who owe, with a phone, as CSV with a filled-in Vietnamese message, and audits it', async () => {
    const file = await call(office.core, 'field.exportReminders', { format: 'csv' }, office.tokens.field);
    expect(file.fileName).toBe('nhac-dong-TEST01-2026-03-02.csv');
    const text = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [head, ...rows] = parseCsv(text.slice(1));
    expect(head).toEqual([
      'Họ và tên',
      'Số điện thoại',
      'Thôn/ấp',
      'Xã/phường',
      'Loại bảo hiểm',
      'Số tiền (đồng)',
      'Hạn đóng',
      'Tình trạng',
      'Nội dung tin nhắn',
    ]);
    // In the list's order (household by head's name): Quá (VSI overdue), Đức (VSI due), Chủ (HHI
    // expiring); Con has no phone; Tây owes nothing (no scheme).
    expect(rows.map((r) => [r[0], r[1], r[2], r[4]])).toEqual([
      ['Lê Thị Quá', '0912000002', 'Thôn Đông Hòa', 'BHXH tự nguyện'],
      ['Nguyễn Văn Đức', '0912000001', 'Thôn Đông Hòa', 'BHXH tự nguyện'],
      ['Trần Văn Chủ', '0912000003', 'Thôn Đông Hòa', 'BHYT hộ gia đình'],
    ]);
    expect(file).toMatchObject({ rows: 3, withoutPhone: 1 });
    const quote = await call(
      office.core,
      'contributions.quote',
      { participantId: c.overdue.id, scheme: 'VSI', method: 'monthly', fromMonth: '2026-02', months: 2 },
      office.tokens.field,
    );
    expect(Number(rows[0]![5])).toBe(quote.total);
    expect(rows[0]![8]).toMatch(
      /^BHXH cơ sở thử nghiệm kính báo: BHXH tự nguyện của bà Quá đã quá hạn đóng \(hạn 28\/02\/2026\).*Số tiền cần đóng: .* đ\..*Xin cảm ơn\.$/,
    );
    expect(rows[2]![8]).toContain('Thẻ BHYT hộ gia đình của ông Chủ sắp hết hạn (31/03/2026)');
    // Nothing else about the person: no personal ID, birth date or house number.
    for (const p of [c.due, c.overdue, c.head]) {
      const row = office.core.database.sqlite.prepare('SELECT personal_id AS id, date_of_birth AS dob FROM participants WHERE id = ?').get(p.id) as {
        id: string;
        dob: string;
      };
      expect(text).not.toContain(row.id);
      expect(text).not.toContain(row.dob);
    }
    expect(text).not.toContain('số 12');
    const audit = office.core.database.sqlite.prepare(`SELECT staff_id AS staffId, details FROM audit_log WHERE action = 'field.exportReminders'`).all() as {
      staffId: string;
      details: string;
    }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.staffId).toBe(office.staffIds.field);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ by: 'field', rows: 3, withoutPhone: 1, communes: [COMMUNE], format: 'csv' });
  });

  it('exports the same rows as an Excel workbook, the phone kept as text', async () => {
    const file = await call(office.core, 'field.exportReminders', { format: 'xlsx', statuses: ['vsi-overdue'] }, office.tokens.field);
    const book = await openWorkbook(file.base64);
    const sheet = book.getWorksheet('Nhắc đóng')!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe('Lê Thị Quá');
    expect(sheet.getRow(2).getCell(2).value).toBe('0912000002');
    expect(typeof sheet.getRow(2).getCell(6).value).toBe('number');
    expect(String(sheet.getRow(2).getCell(9).value)).toContain('bà Quá');
  });
});

describe('the route sheet', () => {
  it('lists the day’s hamlets with their households and members, what each owes and room for notes', async () => {
    const sheet = await call(office.core, 'field.routeSheet', { communeCode: COMMUNE, hamletIds: [c.hamletId] }, office.tokens.field);
    expect(sheet).toMatchObject({ date: '2026-03-02', officerName: 'Nhân Viên field', people: 4 });
    expect(sheet.hamlets.map((h: { label: string }) => h.label)).toEqual(['Thôn Đông Hòa']);
    const household = sheet.hamlets[0]!.households.find((h: { label: string }) => h.label === 'Hộ Trần Văn Chủ');
    expect(household!.members.map((m: { fullName: string }) => m.fullName)).toEqual(['Trần Văn Chủ', 'Trần Thị Con']);
    expect(sheet.totalDue).toBe(sheet.hamlets[0]!.households.reduce((n: number, h: { totalDue: number }) => n + h.totalDue, 0));
    const file = await call(office.core, 'field.routeSheetExcel', { communeCode: COMMUNE, hamletIds: [c.hamletId] }, office.tokens.field);
    const book = await openWorkbook(file.base64);
    const ws = book.getWorksheet('Lộ trình')!;
    expect(ws.getRow(4).values).toEqual(expect.arrayContaining(['Thôn/ấp', 'Hộ', 'Thành viên', 'Ghi chú', 'Chữ ký']));
    expect(ws.rowCount).toBe(4 + 4 + 1);
  });
});

describe('coverage', () => {
  it('counts people, enrollments, lapsed and no scheme per commune, and visits and enrollments per officer', async () => {
    await call(office.core, 'field.recordVisit', { participantId: c.none.id, outcome: 'not-home' }, office.tokens.field);
    await call(office.core, 'field.recordVisit', { participantId: c.member.id, outcome: 'promised', promisedOn: '2026-03-09' }, office.tokens.field);
    const figures = await call(office.core, 'field.coverage', { communeCodes: [COMMUNE], weeks: 2, months: 3 }, office.tokens.supervisor);
    expect(figures.communes).toEqual([expect.objectContaining({ code: COMMUNE, people: 6, vsi: 3, hhi: 2, lapsedVsi: 1, lapsedHhi: 0, noScheme: 1 })]);
    // At the end of March 2026: Đức (paid through Dec: not covered in March), Quá (Jan), Chủ (HHI to Mar), Đủ (VSI to Dec 2026).
    expect(figures.communes[0]!.trend.map((t: { month: string; covered: number }) => [t.month, t.covered])).toEqual([
      ['2026-01', 0],
      ['2026-02', 0],
      ['2026-03', 2],
    ]);
    const officer = figures.officers.find((o: { username: string | null }) => o.username === 'field');
    expect(officer!.visitsByWeek.map((w: { count: number }) => w.count)).toEqual([0, 2]);
    expect(officer!.visitsByMonth.map((m: { count: number }) => m.count)).toEqual([0, 0, 2]);
    const supervisor = figures.officers.find((o: { username: string | null }) => o.username === 'supervisor');
    expect(supervisor!.enrollmentsByMonth.map((m: { count: number }) => m.count)).toEqual([0, 0, 5]);
    const file = await call(office.core, 'field.coverageExcel', { communeCodes: [COMMUNE], weeks: 2, months: 3 }, office.tokens.supervisor);
    const book = await openWorkbook(file.base64);
    expect(book.getWorksheet('Theo xã')!.getRow(3).getCell(2).value).toBe(6);
  });
});
