// A refund through the real UI, across two business days: on 2 March the clerk takes two payments
// and the supervisor closes the day; on 3 March (the harness restarted with its clock a day on, the
// browser's clock moved with it) the payer of one comes back — the months were paid twice — and the
// supervisor voids that receipt. The dialog says it is a refund paid out today and asks whose cash
// pays it; the receipt then says when and by whom it was refunded; the day-end page shows the refund
// and the cash due, and closes on that; the report of 3 March lists the refund, and the report of
// 2 March is unchanged, the receipt tagged as refunded later. The refund voucher the payer signs
// is printed to PDF (one A5 sheet) and read back. Screenshots of each step.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { amountInWords } from '../../src/shared/domain/amount-in-words';
import { forEachDocumentFont } from './document-fonts';
import { expect, rpc, shot, signIn, spillingTexts, test } from './harness-fixture';

const SUPERVISOR = { username: 'giamsat', password: 'mat-khau-giam-sat', fullName: 'Đỗ Thu Hà' };
const CLERK = { username: 'thungan', password: 'mat-khau-thu-ngan', fullName: 'Nguyễn Thị Lan' };
const DAY_ONE = '2026-03-02T09:00:00+07:00';
const DAY_TWO = '2026-03-03T08:30:00+07:00';
const grouped = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

test('a supervisor refunds a receipt of a closed day, and the next day closes on the cash due', async ({ page, harnesses }) => {
  // The browser keeps the machine's own clock: every page takes its day from the core's
  // (--clock-start), as an office laptop whose clock is off would (issue 25 item 8).
  const office = await harnesses.start(['--clock-start', DAY_ONE, '--sync-interval', '0']);
  const api = <T = any>(method: string, body: unknown, token?: string) => rpc<T>(page, office.url, method, body, token);
  const setup = await api<{ token: string; staff: { id: string } }>('office.setup', {
    officeCode: 'TB0301',
    officeName: 'Bảo hiểm xã hội cơ sở Tiền Hải',
    provinceCode: '01',
    supervisor: SUPERVISOR,
  });
  const clerk = await api<{ id: string }>('staff.create', { ...CLERK, role: 'counter' }, setup.token);
  const clerkToken = (await api<{ token: string }>('auth.login', CLERK)).token;
  const communes = await api<{ items: { code: string }[] }>('reference.communes', { provinceCode: '01' });
  const pay = async (
    token: string,
    fullName: string,
    dateOfBirth: string,
    sex: 'male' | 'female',
    personalId: string,
    fromMonth: string,
    incomeBasis: number,
  ) => {
    const person = await api<{ id: string }>(
      'participants.register',
      { fullName, dateOfBirth, sex, personalId, provinceCode: '01', communeCode: communes.items[0]!.code, addressLine: 'Thôn Đông' },
      token,
    );
    const input = { participantId: person.id, scheme: 'VSI', fromMonth, months: 3, incomeBasis };
    const quote = await api<{ total: number }>('contributions.quote', input, token);
    return (await api<{ receipt: { id: string; label: string; amount: number } }>('contributions.record', { ...input, expectedTotal: quote.total }, token))
      .receipt;
  };

  // 2 March: two payments, the day closed with the cash matching.
  const twice = await pay(clerkToken, 'Vũ Thị Mai', '1979-04-12', 'female', '001179004567', '2026-03', 2_000_000);
  const other = await pay(clerkToken, 'Đặng Văn Khoa', '1983-11-02', 'male', '001083008899', '2026-03', 1_500_000);
  await api('dayEnd.close', { businessDate: '2026-03-02', counts: [{ staffId: clerk.id, cashCounted: twice.amount + other.amount }] }, setup.token);

  // 3 March: the office opens on the next day.
  await office.restart(['--clock-start', DAY_TWO, '--sync-interval', '0']);
  const clerkToday = (await api<{ token: string }>('auth.login', CLERK)).token;
  const today = await pay(clerkToday, 'Lương Văn Sơn', '1990-07-21', 'male', '001090001234', '2026-03', 3_000_000);

  await page.goto(office.url);
  await signIn(page, SUPERVISOR.username, SUPERVISOR.password);
  await page.goto(`${office.url}#/receipt/${twice.id}`);
  await expect(page.getByTestId('receipt-page')).toContainText(twice.label);
  await page.getByTestId('void-receipt').click();
  const notice = page.getByTestId('refund-notice');
  await expect(notice).toContainText('Ngày 02/03/2026 đã khóa sổ');
  await expect(notice).toContainText(`chi hoàn trả ${grouped(twice.amount)} đ`);
  await page.getByTestId('void-reason').fill('Đã đóng các tháng này ở xã khác, hoàn trả tiền');
  // Keyboard-first: the payer's name typed without accents narrows the list, Enter takes it.
  const paidBy = page.getByTestId('refund-paid-by');
  await paidBy.click();
  await page.keyboard.type('nguyen thi lan');
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')).toHaveText([CLERK.fullName]);
  await page.keyboard.press('Enter');
  await expect(paidBy).toContainText(CLERK.fullName);
  await shot(page, 'refund-dialog');
  await page.locator('#void-confirm').click();

  // The refund voucher comes up for the payer to sign; printed to PDF it is one A5 sheet.
  const voucherSheet = page.getByTestId('refund-voucher');
  await expect(voucherSheet).toContainText('PHIẾU CHI HOÀN TRẢ TIỀN ĐÃ NỘP');
  await expect(voucherSheet).toContainText(`${twice.label} ngày 02/03/2026 (người thu: ${CLERK.fullName})`);
  await expect(page.getByTestId('refund-amount')).toHaveText(`${grouped(twice.amount)} đ`);
  // Cash out against a numbered voucher: the first of this device's voucher series.
  const voucher = `HT-${twice.label.split('/')[0]}/0000001`;
  await expect(page.getByTestId('refund-voucher-number')).toHaveText(voucher);
  await shot(page, 'refund-voucher');
  mkdirSync('test-results', { recursive: true });
  await page.pdf({ path: 'test-results/refund-voucher.pdf', preferCSSPageSize: true, printBackground: true });
  expect(execFileSync('pdfinfo', ['test-results/refund-voucher.pdf'], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n[\s\S]*Page size:.*\(A5\)/);
  const text = execFileSync('pdftotext', ['-layout', 'test-results/refund-voucher.pdf', '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
  expect(text).toContain('Ngày 03 tháng 03 năm 2026');
  expect(text).toContain(voucher);
  expect(text).toContain('VŨ THỊ MAI');
  expect(text).toContain(`Số tiền hoàn trả ${grouped(twice.amount)} đ`);
  const words = amountInWords(twice.amount);
  expect(text).toContain(words.charAt(0).toLocaleUpperCase('vi') + words.slice(1));
  expect(text).toMatch(/Người nhận tiền\s+Người chi tiền\s+Giám sát viên/);
  execFileSync('pdftoppm', ['-png', '-r', '80', 'test-results/refund-voucher.pdf', 'test-results/refund-voucher']);
  // One A5 sheet in either face it may be printed in.
  await forEachDocumentFont(page, async (family) => {
    await page.getByTestId('toggle-voucher').click();
    await expect(page.getByTestId('refund-voucher')).toBeVisible();
    const pdf = `test-results/refund-voucher-${family.replace(/ /g, '-')}.pdf`;
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }), family).toMatch(/Pages:\s+1\n/);
  });
  await page.getByTestId('toggle-voucher').click();

  await page.getByTestId('toggle-voucher').click();
  await expect(page.getByTestId('receipt-void')).toBeVisible();
  await expect(page.getByTestId('receipt-page')).toContainText(
    `Đã hủy và hoàn trả tiền ngày 03/03/2026 theo phiếu chi ${voucher} (người chi: ${CLERK.fullName}; giám sát viên: ${SUPERVISOR.fullName})`,
  );
  await shot(page, 'refund-receipt');

  // Day-end of 3 March: the clerk hands in today's takings less the refund.
  const due = today.amount - twice.amount;
  await page.getByRole('link', { name: 'Chốt ngày' }).click();
  const dayEnd = page.getByTestId('day-end-page');
  await expect(page.getByTestId('day-refunds')).toHaveText(
    `Chi hoàn trả 1 biên lai ngày trước: ${grouped(twice.amount)} đ — tiền mặt phải nộp ${grouped(due)} đ`,
  );
  const row = dayEnd.locator('tr', { hasText: CLERK.fullName });
  await expect(row).toContainText(`-${grouped(twice.amount)} đ`);
  // The count starts empty; the supervisor types what was counted and sees it match.
  await expect(row.getByTestId('cash-counted')).toHaveValue('');
  await row.getByTestId('cash-counted').pressSequentially(String(due));
  await expect(row.getByTestId('cash-counted')).toHaveValue(grouped(due));
  await expect(row.getByTestId('cash-difference')).toHaveText('Khớp');
  await shot(page, 'refund-day-end');
  await page.getByTestId('close-day').click();
  await expect(page.getByTestId('reopen-day')).toBeVisible();

  // The day's receipts: today's takings, and the refund paid out beside them.
  await page.getByRole('link', { name: 'Biên lai trong ngày' }).click();
  await expect(page.getByTestId('day-total')).toContainText(`${grouped(today.amount)} đ`);
  await expect(page.getByTestId('day-refunds')).toContainText('Chi hoàn trả (1 biên lai ngày trước)');
  await expect(page.getByTestId('day-refunds')).toContainText(`-${grouped(twice.amount)} đ`);
  const refundList = page.getByTestId('day-refund-list');
  await expect(refundList).toContainText(voucher);
  await expect(refundList).toContainText(`${twice.label} (02/03/2026)`);
  await expect(refundList).toContainText('Vũ Thị Mai');
  await shot(page, 'refund-day-receipts');

  await reportOf(page, '2026-03-03');
  await expect(page.getByTestId('day-report-refunds')).toContainText(twice.label);
  await expect(page.getByTestId('day-report-refunds')).toContainText('biên lai ngày 02/03/2026');
  await expect(page.getByTestId('day-report-refunds')).toContainText(`phiếu chi ${voucher}`);
  await expect(page.getByTestId('day-report-refund-total')).toHaveText(`${grouped(twice.amount)} đ (1 biên lai)`);
  await expect(page.getByTestId('day-report-due')).toHaveText(`${grouped(due)} đ`);
  await expect(page.getByTestId('day-report-discrepancy')).toHaveText('0 đ');
  // No cell spills, in either face the report may be printed in (a voucher number once did in DejaVu Serif).
  await forEachDocumentFont(page, async (family) => {
    await expect(page.getByTestId('day-report-refunds')).toBeVisible();
    expect(await spillingTexts(page, '.day-report-table td, .day-report-table th'), family).toEqual([]);
    await shot(page, `refund-day-report-${family.replace(/ /g, '-')}`);
  });
  await shot(page, 'refund-day-report');

  // 2 March's report is as it was closed: the refunded receipt still counts there, tagged.
  await reportOf(page, '2026-03-02');
  await expect(page.getByTestId('day-report-total')).toHaveText(`${grouped(twice.amount + other.amount)} đ`);
  await expect(page.getByTestId('day-report-discrepancy')).toHaveText('0 đ');
  await expect(page.getByTestId('day-report-receipts').locator('tr', { hasText: twice.label })).toContainText('Hoàn trả 03/03');
});

async function reportOf(page: Page, businessDate: string) {
  await page.goto(`${new URL(page.url()).origin}/#/day-report/${businessDate}`);
  await expect(page.getByTestId('day-report-document')).toBeVisible();
}
