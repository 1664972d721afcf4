// The day-end report through the real UI: two collectors take money (one receipt voided), the day
// is closed with a shortfall and a note; the supervisor opens the report from the day-end page,
// the A4 report is printed to PDF (page size from the report's own CSS), its text carries the
// totals, it is rendered to PNG for a look; the Excel button saves a workbook whose total is the
// sum of the receipts not voided. On the way, the supervisor backs the store up to a folder, sealed
// with a passphrase, and a second, freshly installed office opens that copy and becomes the office.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { forEachDocumentFont } from './document-fonts';
import { expect, rpc, shot, signIn, spillingTexts, test } from './harness-fixture';

const SUPERVISOR = { username: 'giamsat', password: 'mat-khau-giam-sat', fullName: 'Đỗ Thu Hà' };
const CLERK = { username: 'thungan', password: 'mat-khau-thu-ngan', fullName: 'Nguyễn Thị Lan' };
const BACKUP_PASSPHRASE = 'trâu ơi ta bảo trâu này';

const grouped = (n: number) => new Intl.NumberFormat('vi-VN').format(n);
const fold = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

test('a supervisor prints the A4 day-end report and saves it as Excel', async ({ page, harness, harnesses }) => {
  const api = <T = any>(method: string, body: unknown, token?: string) => rpc<T>(page, harness.url, method, body, token);
  const session = await api<{ token: string; staff: { id: string } }>('office.setup', {
    officeCode: 'HN0102',
    officeName: 'Bảo hiểm xã hội cơ sở Đống Đa',
    provinceCode: '01',
    supervisor: SUPERVISOR,
  });
  const clerk = await api<{ id: string }>('staff.create', { ...CLERK, role: 'counter' }, session.token);
  const clerkToken = (await api<{ token: string }>('auth.login', { username: CLERK.username, password: CLERK.password })).token;
  const communes = await api<{ items: { code: string }[] }>('reference.communes', { provinceCode: '01' });

  // Seven people pay; the clerk's third receipt is voided.
  const people = [
    ['Lê Văn Tám', '1980-06-01', 'male', '001080012345', 1_500_000, 3, clerkToken],
    ['Phạm Thị Hoa', '1975-02-11', 'female', '001175004321', 2_000_000, 1, clerkToken],
    ['Trần Văn Bình', '1969-09-30', 'male', '001069007777', 3_000_000, 6, clerkToken],
    ['Hoàng Thị Yến', '1990-12-05', 'female', '001190001212', 1_500_000, 12, clerkToken],
    ['Ngô Quang Hải', '1985-03-15', 'male', '001085003456', 4_500_000, 1, session.token],
    ['Vũ Thị Thủy', '1972-07-21', 'female', '001172006789', 1_800_000, 3, session.token],
    ['Đặng Văn Sơn', '1966-11-02', 'male', '001066002468', 2_500_000, 1, session.token],
  ] as const;
  const receipts: { id: string; amount: number; token: string }[] = [];
  for (const [fullName, dateOfBirth, sex, personalId, incomeBasis, months, token] of people) {
    const person = await api<{ id: string }>(
      'participants.register',
      {
        fullName,
        dateOfBirth,
        sex,
        personalId,
        provinceCode: '01',
        communeCode: communes.items[0]!.code,
        addressLine: 'Số 5 phố Tây Sơn',
      },
      token,
    );
    const input = { participantId: person.id, scheme: 'VSI', fromMonth: '2026-01', months, incomeBasis };
    const quote = await api<{ total: number }>('contributions.quote', input, token);
    const recorded = await api<{ receipt: { id: string; amount: number } }>('contributions.record', { ...input, expectedTotal: quote.total }, token);
    receipts.push({ ...recorded.receipt, token });
  }
  await api('receipts.void', { id: receipts[2]!.id, reason: 'Thu nhầm mức thu nhập, lập lại' }, clerkToken);
  const live = receipts.filter((_, i) => i !== 2);
  const clerkTotal = live.filter((r) => r.token === clerkToken).reduce((n, r) => n + r.amount, 0);
  const supervisorTotal = live.filter((r) => r.token === session.token).reduce((n, r) => n + r.amount, 0);
  const total = clerkTotal + supervisorTotal;
  const day = await api<{ businessDate: string }>('dayEnd.summary', {}, session.token);
  await api(
    'dayEnd.close',
    {
      businessDate: day.businessDate,
      counts: [
        { staffId: clerk.id, cashCounted: clerkTotal - 20_000, note: 'Thiếu 20.000 đ, thu ngân nộp bù sáng mai' },
        { staffId: session.staff.id, cashCounted: supervisorTotal },
      ],
    },
    session.token,
  );

  // The supervisor opens the report from the day-end page.
  await page.goto(harness.url);
  await page.getByLabel('Tên đăng nhập').fill(SUPERVISOR.username);
  await page.getByLabel('Mật khẩu').fill(SUPERVISOR.password);
  await page.getByLabel('Mật khẩu').press('Enter');
  await page.getByRole('link', { name: 'Chốt ngày' }).click();
  await expect(page.getByTestId('day-end-page')).toContainText(CLERK.fullName);
  await expect(page.getByTestId('reopen-day')).toBeVisible();
  await shot(page, 'day-end-closed');

  // A copy of the store to a USB stick (a folder here), sealed with a passphrase typed twice: a
  // mistyped repeat is pointed out, a folder that is not there is explained, then the copy is
  // made and says what it holds.
  const stick = mkdtempSync(join(tmpdir(), 'field-office-e2e-usb-'));
  // 23 operations: 7 registrations, the enrollment each first payment makes, 7 payments, a void, the day's closure.
  await expect(page.getByTestId('backup-last')).toContainText(/^Máy này chưa có bản sao lưu nào \(7 biên lai đã thu, 23 thao tác chưa gửi lên trung tâm\)\./);
  // Every screen's status bar says it too, for the supervisor.
  await expect(page.getByTestId('backup-reminder')).toHaveText('Chưa sao lưu: 7 biên lai');
  await page.getByTestId('backup-passphrase').fill(BACKUP_PASSPHRASE);
  await page.getByTestId('backup-passphrase-repeat').fill(`${BACKUP_PASSPHRASE}x`);
  await expect(page.getByTestId('backup-card')).toContainText('Hai lần nhập mật khẩu chưa giống nhau.');
  await page.getByTestId('backup-passphrase-repeat').fill(BACKUP_PASSPHRASE);
  // The folder's example is a drive as Windows writes it (one backslash).
  await expect(page.getByTestId('backup-dir')).toHaveAttribute('placeholder', 'E:\\');
  await page.getByTestId('backup-dir').fill(join(stick, 'E'));
  await page.getByTestId('backup-dir').press('Enter');
  await expect(page.getByTestId('backup-card').getByRole('alert')).toContainText('Không tìm thấy thư mục');
  await page.getByTestId('backup-dir').fill(stick);
  await page.getByTestId('backup-run').click();
  // Sealing runs scrypt (memory-hard, seconds on a busy machine): a long step, given its time.
  await expect(page.getByTestId('backup-message')).toContainText(
    /Đã sao lưu 7 người, 7 biên lai \([\d,]+ MB\) vào .*field-office-HN0102-\d{8}-\d{6}\.sqlite\.age/,
    { timeout: 60_000 },
  );
  expect(readdirSync(stick)).toEqual([expect.stringMatching(/^field-office-HN0102-\d{8}-\d{6}\.sqlite\.age$/)]);
  // The copy holds everything, and the work still waiting to be sent is counted as the status bar
  // counts it (it once said "nothing left unsent" beside "Chờ gửi: 23").
  const pending = (await page.getByTestId('sync-pending').textContent())!.replace(/\D/g, '');
  expect(Number(pending)).toBeGreaterThan(0);
  await expect(page.getByTestId('backup-last')).toContainText(
    new RegExp(
      `Bản sao gần nhất: \\d\\d:\\d\\d \\d\\d/\\d\\d/\\d{4} \\(field-office-HN0102-.*\\.sqlite\\.age\\) có mọi việc đã làm đến nay, kể cả ${pending} thao tác đang chờ gửi lên trung tâm\\.`,
    ),
  );
  await expect(page.getByTestId('backup-reminder')).toHaveCount(0);
  await shot(page, 'day-end-backup');

  // A replaced laptop: a fresh install opens the copy from the stick with its passphrase (a wrong
  // one is refused), and the office is there at once — same people, same sign-in — and still after
  // a restart.
  const copy = join(stick, readdirSync(stick)[0]!);
  const laptop = await harnesses.start(['--sync-interval', '0']);
  const fresh = await page.context().newPage();
  await fresh.goto(laptop.url);
  await fresh.getByTestId('restore-hint').getByText('Khôi phục từ bản sao lưu thay vì thiết lập mới?').click();
  await fresh.getByTestId('restore-file').fill(copy);
  await fresh.getByTestId('restore-passphrase').fill('không phải mật khẩu này');
  await fresh.getByTestId('restore-passphrase').press('Enter');
  await expect(fresh.getByTestId('restore-hint').getByRole('alert')).toContainText('Mật khẩu bản sao không đúng.', { timeout: 60_000 });
  await fresh.getByTestId('restore-passphrase').fill(BACKUP_PASSPHRASE);
  await shot(fresh, 'setup-restore');
  await fresh.getByTestId('restore-run').click();
  // The passphrase step alone takes a second or two: the page says what it is doing meanwhile.
  await expect(fresh.getByTestId('restore-running')).toContainText('Đang giải mã bản sao vào máy này…');
  await expect(fresh.getByTestId('restore-done')).toContainText(/Đã mở bản sao của Bảo hiểm xã hội cơ sở Đống Đa \(HN0102\) \(7 người, 7 biên lai/, {
    timeout: 60_000,
  });
  await shot(fresh, 'setup-restored');
  await expect(fresh.getByTestId('restore-continue')).toBeFocused();
  await fresh.keyboard.press('Enter');
  await signIn(fresh, SUPERVISOR.username, SUPERVISOR.password);
  await fresh.getByTestId('search-input').fill('le van tam');
  await expect(fresh.getByTestId('search-result').first()).toContainText('Lê Văn Tám');
  await laptop.restart();
  await fresh.goto(laptop.url);
  await signIn(fresh, SUPERVISOR.username, SUPERVISOR.password);
  await fresh.getByTestId('search-input').fill('le van tam');
  await expect(fresh.getByTestId('search-result').first()).toContainText('Lê Văn Tám');
  await fresh.close();
  await page.getByTestId('open-day-report').click();
  const doc = page.getByTestId('day-report-document');
  await expect(doc).toBeVisible();
  await expect(page.getByTestId('day-report-status')).toHaveText('Đã chốt sổ');
  await expect(page.getByTestId('day-report-total')).toHaveText(`${grouped(total)} đ`);
  await expect(page.getByTestId('day-report-cash')).toHaveText(`${grouped(total - 20_000)} đ`);
  await expect(page.getByTestId('day-report-discrepancy')).toHaveText('-20.000 đ');
  await expect(page.getByTestId('day-report-receipts').locator('tbody tr')).toHaveCount(7);
  await expect(page.getByTestId('day-report-voided')).toContainText('Thu nhầm mức thu nhập, lập lại');
  // No cell's text runs out of its column (a receipt number once ran into the payer's name, and the
  // time broke over two lines), on screen and in the print layout.
  // In either face the report may be printed in (Times New Roman's metric twin, or DejaVu Serif).
  const cells = '.day-report-table td, .day-report-table th';
  await forEachDocumentFont(page, async (family) => {
    await expect(page.getByTestId('day-report-document')).toBeVisible();
    expect(await spillingTexts(page, cells), family).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await spillingTexts(page, cells), `${family}, print`).toEqual([]);
    await page.emulateMedia({ media: null });
  });
  await expect(doc).toBeVisible();
  await shot(page, 'day-report');

  // Printed to PDF as the print dialog would: the page size comes from the report's CSS (A4).
  mkdirSync('test-results', { recursive: true });
  await page.pdf({ path: 'test-results/day-report.pdf', preferCSSPageSize: true, printBackground: true });
  const info = execFileSync('pdfinfo', ['test-results/day-report.pdf'], { encoding: 'utf8' });
  expect(info).toMatch(/Page size:.*\(A4\)/);
  const text = fold(execFileSync('pdftotext', ['-layout', 'test-results/day-report.pdf', '-'], { encoding: 'utf8' }));
  expect(text).toContain('BÁO CÁO CHỐT SỔ CUỐI NGÀY');
  expect(text).toContain('Bảo hiểm xã hội cơ sở Đống Đa'.toUpperCase());
  expect(text).toMatch(new RegExp(`Tổng thu theo biên lai ${grouped(total).replace(/\./g, '\\.')} đ`));
  expect(text).toMatch(new RegExp(`Tiền mặt kiểm đếm ${grouped(total - 20_000).replace(/\./g, '\\.')} đ`));
  expect(text).toContain('-20.000 đ');
  expect(text).toContain(`Tổng cộng (không tính biên lai đã hủy) ${grouped(total)}`);
  expect(text).toContain('Thiếu 20.000 đ, thu ngân nộp bù sáng mai');
  expect(text).toContain('Trang 1 /');
  execFileSync('pdftoppm', ['-png', '-r', '80', 'test-results/day-report.pdf', 'test-results/day-report']);

  // Print (browser path) calls the browser's print.
  await page.evaluate(() => Object.assign(globalThis, { print: () => Object.assign(globalThis, { printed: true }) }));
  await page.getByTestId('day-report-print').click();
  await expect.poll(() => page.evaluate(() => (globalThis as { printed?: boolean }).printed === true)).toBe(true);

  // Excel: the file the browser saves opens, and its total is the sum of the live receipts.
  const download = page.waitForEvent('download');
  await page.getByTestId('day-report-excel').click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe(`chot-so-HN0102-${day.businessDate}.xlsx`);
  await saved.saveAs('test-results/day-report.xlsx');
  const book = new ExcelJS.Workbook();
  const bytes = readFileSync('test-results/day-report.xlsx');
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const sheet = book.getWorksheet('Biên lai')!;
  const amounts: number[] = [];
  for (let row = 2; row < sheet.rowCount; row++) if (sheet.getCell(`K${row}`).value === 'Hợp lệ') amounts.push(sheet.getCell(`I${row}`).value as number);
  expect(amounts).toHaveLength(6);
  expect(amounts.reduce((n, a) => n + a, 0)).toBe(total);
  expect((sheet.getCell(`I${sheet.rowCount}`).value as { result: number }).result).toBe(total);
});
