// A field officer's day through the real UI at 1366×768 (issue 21 item 8): the office made through
// the contract (a commune with two hamlets, two households and a lapsed payer, the commune assigned
// to the officer), then as the officer: the visit list, a hamlet picked, a household opened and
// its household HI taken on the visit ("paid" recorded with the receipts, the household leaves the
// list), "promised" recorded for the next household (back on the list with its date), the route
// sheet printed to PDF (A4, read back and rendered to PNG to look at), and the reminders exported
// as .xlsx and .csv and read back (the people's own name, phone, amount and a filled message).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Locator, Page } from '@playwright/test';
import { expect, type Harness, shot, signIn, test } from './harness-fixture';
import { officeByApi, SUPERVISOR } from './office-data';

const OFFICER = { username: 'dithu', password: 'mat-khau-di-thu', fullName: 'Vũ Văn Đi' };
const fold = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/**
 * The office made through the contract: Thôn Đông Hòa — the Trần household (the head's card runs out
 * on 31 March, his daughter never paid), the Lê household (enrolled from March, never paid), Nguyễn
 * Văn Đức (VSI paid through January: February's deadline has passed); Thôn Tây — someone in no
 * scheme. The commune is the officer's.
 */
async function fieldOffice(page: Page, harnesses: { start(extraArgs?: string[]): Promise<Harness> }) {
  const harness = await harnesses.start(['--clock-start', '2026-03-03T09:00:00+07:00', '--sync-interval', '0']);
  const api = await officeByApi(page, harness.url, { code: 'HN0104', name: 'Bảo hiểm xã hội cơ sở Sóc Sơn' });
  const firstCommune = (await api.call<{ items: { code: string; name: string }[] }>('reference.communes', { provinceCode: '01' })).items[0]!;
  const commune = firstCommune.code;
  const communeName = firstCommune.name;
  const register = (fullName: string, dateOfBirth: string, sex: 'male' | 'female', personalId: string, addressLine: string, phone?: string) =>
    api.call<{ id: string }>('participants.register', {
      fullName,
      dateOfBirth,
      sex,
      personalId,
      addressLine,
      provinceCode: '01',
      communeCode: commune,
      ...(phone ? { phone } : {}),
    });
  const enroll = (participantId: string, scheme: 'VSI' | 'HHI', method: string, fromMonth: string) =>
    api.call('enrollments.set', { participantId, scheme, method, fromMonth, ...(scheme === 'VSI' ? { incomeBasis: 1_500_000 } : {}) });
  const pay = async (participantId: string, scheme: 'VSI' | 'HHI', fromMonth: string, months: number) => {
    const q = { participantId, scheme, fromMonth, months };
    const quote = await api.call<{ total: number }>('contributions.quote', q);
    await api.call('contributions.record', { ...q, expectedTotal: quote.total });
  };
  const chu = await register('Trần Văn Chủ', '1970-05-02', 'male', '001070001201', 'Thôn Đông Hòa, số 12', '0912000003');
  const con = await register('Trần Thị Con', '1995-08-09', 'female', '001195001202', 'Thôn Đông Hòa, số 12');
  const hua = await register('Lê Văn Hứa', '1965-01-20', 'male', '001065001203', 'thôn Đông Hoà, số 30', '0912000004');
  const hoa = await register('Lê Thị Hoa', '1968-11-11', 'female', '001168001204', 'thôn Đông Hoà, số 30');
  const duc = await register('Nguyễn Văn Đức', '1980-03-15', 'male', '001080001205', 'Thôn Đông Hòa, số 3', '0912000001');
  await register('Phạm Văn Tây', '1990-07-07', 'male', '001090001206', 'Thôn Tây, số 1', '0912000005');
  const tran = await api.call<{ id: string }>('households.create', { headParticipantId: chu.id });
  await api.call('households.addMember', { householdId: tran.id, participantId: con.id });
  const le = await api.call<{ id: string }>('households.create', { headParticipantId: hua.id });
  await api.call('households.addMember', { householdId: le.id, participantId: hoa.id });
  for (const p of [chu, con]) await enroll(p.id, 'HHI', 'quarterly', '2026-01');
  for (const p of [hua, hoa]) await enroll(p.id, 'HHI', 'quarterly', '2026-03');
  await enroll(duc.id, 'VSI', 'monthly', '2026-01');
  await pay(chu.id, 'HHI', '2026-01', 3);
  await pay(duc.id, 'VSI', '2026-01', 1);
  // The supervisor keeps the commune's hamlets and gives the commune to the officer.
  await api.call('hamlets.save', { communeCode: commune, kind: 'thon', name: 'Đông Hòa' });
  await api.call('hamlets.save', { communeCode: commune, kind: 'thon', name: 'Tây' });
  await api.call('staff.create', { ...OFFICER, role: 'field' });
  await api.call('field.assign', { username: OFFICER.username, areas: [{ communeCode: commune, hamletIds: [] }], expectedVersion: 0 });

  return { harness, api, commune, communeName, chu, tran, le };
}

test('a field officer walks a hamlet: takes a household’s payment, records a promise, prints the route sheet and exports reminders', async ({
  page,
  harnesses,
}) => {
  const { harness, api, communeName, tran } = await fieldOffice(page, harnesses);
  // The officer opens the visit list and picks Thôn Đông Hòa.
  await page.goto(harness.url);
  await signIn(page, OFFICER.username, OFFICER.password);
  await page.getByRole('link', { name: 'Đi thu' }).click();
  await expect(page.getByTestId('visit-list-page')).toBeVisible();
  const hamlets = page.getByTestId('visit-hamlets');
  await hamlets.getByText('Thôn Đông Hòa (5)').click();
  const table = page.getByTestId('visit-table');
  const row = (name: string) => table.locator('tbody tr', { hasText: name });
  await expect(table.locator('tbody tr')).toHaveCount(5);
  await expect(page.getByTestId('visit-total')).toHaveText('5 người');
  await expect(row('Phạm Văn Tây')).toHaveCount(0);
  await expect(row('Trần Văn Chủ').getByTestId('status-hhi-expiring')).toBeVisible();
  await expect(row('Trần Thị Con').getByTestId('status-never-paid')).toBeVisible();
  await expect(row('Nguyễn Văn Đức').getByTestId('status-vsi-overdue')).toBeVisible();
  // Households stay together, in the hamlet's order by the head's name: Lê, Nguyễn, Trần.
  await expect(table.locator('tbody tr').first()).toContainText('Lê Văn Hứa');
  await shot(page, 'field-visit-list');

  // The Trần household: opened, and its household HI taken on the visit.
  await row('Trần Văn Chủ').getByTestId('visit-open-household').click();
  await expect(page.getByTestId('household-page')).toBeVisible();
  await expect(page.getByTestId('household-member')).toHaveCount(2);
  await page.getByTestId('household-collect').click();
  await expect(page.getByTestId('household-payment')).toBeVisible();
  await expect(page.getByTestId('payment-member')).toHaveCount(2);
  // A quarter each, from each one's own next month: the head April–June, his daughter January–March.
  await expect(page.getByTestId('quote-total')).toHaveText('537.030 đ');
  // Months typed are priced for a household whose members are all enrolled (they once were not:
  // the amount stayed at the quarter's and Enter waited for ever), then back to a quarter.
  const months = page.getByTestId('collect-months');
  await months.press('Control+a');
  await page.keyboard.type('6');
  await expect(page.getByTestId('quote-total')).toHaveText('1.074.060 đ');
  await months.press('Control+a');
  await page.keyboard.type('3');
  await expect(page.getByTestId('quote-total')).toHaveText('537.030 đ');
  await shot(page, 'field-household-payment');
  const total = (await page.getByTestId('quote-total').textContent())!;
  await page.getByTestId('confirm-collect').click();
  await expect(page.getByTestId('receipt-set-page')).toBeVisible();
  await expect(page.getByTestId('receipt-set-sheet')).toHaveCount(2);
  const visits = await api.call<{ items: { outcome: string; receiptIds: string[] | null; staffName: string }[] }>('field.visits', { householdId: tran.id });
  expect(visits.items).toEqual([
    expect.objectContaining({ outcome: 'paid', staffName: OFFICER.fullName, receiptIds: [expect.any(String), expect.any(String)] }),
  ]);
  // The receipts' amounts are the household's total the officer confirmed.
  await expect(page.getByTestId('receipt-set-total')).toContainText(total);

  // Back on the list: the head's card now runs to June and he has left it; his daughter's runs to
  // 31 March, so she stays as expiring, with the visit's "paid" as her last visit.
  await page.getByRole('link', { name: 'Đi thu' }).click();
  await hamlets.getByText(/^Thôn Đông Hòa/).click();
  await expect(table.locator('tbody tr')).toHaveCount(4);
  await expect(table.getByTestId('visit-person').filter({ hasText: 'Trần Văn Chủ' })).toHaveCount(0);
  await expect(row('Trần Thị Con').getByTestId('status-hhi-expiring')).toBeVisible();
  // The household is still named by its head, not by the member listed first; collecting names its person.
  await expect(row('Trần Thị Con').getByTestId('visit-open-household')).toHaveText('Hộ Trần Văn Chủ');
  await expect(row('Trần Thị Con').getByTestId('visit-collect')).toHaveAccessibleName('Thu tiền của Trần Thị Con');
  await expect(row('Trần Thị Con').getByTestId('visit-last')).toContainText('Đã đóng');
  await expect(page.getByTestId('visit-filters')).toContainText('Tất cả (4)');

  // The Lê household promises to pay on 10 March, for the whole household.
  await row('Lê Văn Hứa').getByTestId('visit-record').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Lê Văn Hứa');
  await dialog.getByTestId('visit-outcome').getByText('Hẹn đóng', { exact: true }).click();
  const promisedOn = dialog.getByTestId('visit-promised-on');
  await promisedOn.click();
  await promisedOn.fill('10/03/2026');
  await promisedOn.press('Tab');
  await dialog.getByTestId('visit-note').fill('Bán lợn xong sẽ đóng');
  await expect(promisedOn).toHaveValue('10/03/2026');
  await expect(dialog.getByTestId('visit-household')).toBeChecked();
  await shot(page, 'field-visit-promise');
  await dialog.getByTestId('visit-save').click();
  await expect(dialog).toHaveCount(0);
  for (const name of ['Lê Văn Hứa', 'Lê Thị Hoa']) {
    await expect(row(name).getByTestId('visit-last')).toContainText('Hẹn đóng');
    await expect(row(name).getByTestId('visit-last')).toContainText('hẹn 10/03/2026');
  }
  await shot(page, 'field-visit-list-after');

  // The route sheet for today's hamlet, printed to PDF as the print dialog would (A4 from its CSS).
  await page.getByTestId('visit-route-sheet').click();
  await expect(page.getByTestId('route-sheet-page')).toBeVisible();
  const sheet = page.getByTestId('route-sheet');
  await expect(sheet).toContainText('Lê Văn Hứa');
  await expect(sheet).toContainText('Nguyễn Văn Đức');
  await shot(page, 'field-route-sheet');
  mkdirSync('test-results', { recursive: true });
  await page.pdf({ path: 'test-results/route-sheet.pdf', preferCSSPageSize: true, printBackground: true });
  expect(execFileSync('pdfinfo', ['test-results/route-sheet.pdf'], { encoding: 'utf8' })).toMatch(/Page size:.*\(A4/);
  const text = fold(execFileSync('pdftotext', ['-layout', 'test-results/route-sheet.pdf', '-'], { encoding: 'utf8' }));
  expect(text).toContain('LỘ TRÌNH ĐI THU TẠI ĐỊA BÀN');
  expect(text).toContain('Thôn Đông Hòa');
  for (const name of ['Lê Văn Hứa', 'Lê Thị Hoa', 'Nguyễn Văn Đức']) expect(text).toContain(name);
  // The Trần household is named by its head, though only his daughter still owes.
  expect(text).toContain('Hộ Trần Văn Chủ');
  await expect(sheet.getByText('Trần Văn Chủ', { exact: true })).toHaveCount(0);
  expect(text).toContain('Trần Thị Con');
  expect(text).toContain(OFFICER.fullName);
  execFileSync('pdftoppm', ['-png', '-r', '80', 'test-results/route-sheet.pdf', 'test-results/route-sheet']);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('visit-list-page')).toBeVisible();

  // Reminders for the hamlet, as Excel and as CSV, read back.
  const saveReminders = async (label: string, file: string) => {
    const download = page.waitForEvent('download');
    await page.getByTestId('visit-reminders').click();
    await page.getByRole('menuitem', { name: label }).click();
    const saved = await download;
    await saved.saveAs(file);
    return saved.suggestedFilename();
  };
  expect(await saveReminders('Excel (.xlsx)', 'test-results/reminders.xlsx')).toMatch(/\.xlsx$/);
  await expect(page.getByText(/Đã xuất \d+ dòng nhắc đóng/)).toBeVisible();
  const bytes = readFileSync('test-results/reminders.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const ws = book.worksheets[0]!;
  const rows: string[][] = [];
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  const duc1 = rows.find((r) => r.includes('Nguyễn Văn Đức'))!;
  expect(duc1).toBeDefined();
  expect(duc1).toContain('0912000001');
  expect(duc1.join(' ')).toMatch(/Nguyễn Văn Đức/);
  expect(rows.some((r) => r.includes('Trần Văn Chủ'))).toBe(false);
  // Only the people's own contact data: no personal ID leaves.
  expect(rows.flat().join(' ')).not.toContain('001080001205');
  expect(await saveReminders('CSV (.csv)', 'test-results/reminders.csv')).toMatch(/\.csv$/);
  const csv = readFileSync('test-results/reminders.csv', 'utf8');
  expect(csv).toContain('Nguyễn Văn Đức');
  // Each message says what is true of that person: a lapsed payer's deadline, a household that never paid.
  expect(csv).toContain('BHXH tự nguyện của ông Đức đã quá hạn đóng (hạn 28/02/2026)');
  expect(csv).toContain('Ông Hứa đã đăng ký BHYT hộ gia đình nhưng chưa đóng; đóng để được cấp thẻ BHYT.');
  expect(csv).toContain('0912000001');
  expect(csv).not.toContain('001080001205');

  // The supervisor's list opens on a commune at once: the one an officer was given.
  await page.getByTestId('sign-out').click();
  await signIn(page, SUPERVISOR.username, SUPERVISOR.password);
  await page.getByRole('link', { name: 'Đi thu' }).click();
  await expect(page.getByTestId('visit-commune')).toContainText(communeName);
  await expect(table.locator('tbody tr').first()).toBeVisible();
  await shot(page, 'field-visit-list-supervisor');
});

/** Presses Tab until `target` has the focus (the keyboard's way through a dialog), at most `max` times. */
async function tabTo(page: Page, target: ReturnType<Page['getByTestId']>, max = 20) {
  for (let i = 0; i < max; i++) {
    if (
      await target.evaluate(
        (el) =>
          el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement ||
          el.contains((el.ownerDocument as unknown as { activeElement: never }).activeElement),
      )
    )
      return;
    await page.keyboard.press('Tab');
  }
  throw new Error('the focus never reached the field');
}

/** The one receipt chosen in the "paid" dialog: its text whole and no part of it cut (nothing wider than its box). */
async function expectWholeTag(select: Locator, text: RegExp): Promise<number> {
  const chosen = select.locator('.ant-select-content-item').filter({ hasText: text });
  await expect(chosen).toHaveCount(1);
  const clipped = await chosen.evaluate((item) =>
    [item, ...item.querySelectorAll('*')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.className}: ${el.scrollWidth} > ${el.clientWidth}`),
  );
  expect(clipped).toEqual([]);
  // And on screen: inside the dialog, not past its right edge.
  const [box, dialog] = await Promise.all([chosen.boundingBox(), select.page().getByRole('dialog').boundingBox()]);
  expect(box!.x + box!.width).toBeLessThanOrEqual(dialog!.x + dialog!.width);
  // Its lines (a long tag wraps).
  return chosen
    .locator('.visit-receipt-tag')
    .evaluate((tag) => Math.round(tag.clientHeight / parseFloat((globalThis as any).getComputedStyle(tag).lineHeight)));
}

test('a field officer records outcomes with the keyboard, and "paid" for a household cites its members’ receipts', async ({ page, harnesses }) => {
  const { harness, api, tran } = await fieldOffice(page, harnesses);
  await page.goto(harness.url);
  await signIn(page, OFFICER.username, OFFICER.password);
  await page.getByRole('link', { name: 'Đi thu' }).click();
  await page.getByTestId('visit-hamlets').getByText('Thôn Đông Hòa (5)').click();
  const table = page.getByTestId('visit-table');
  const row = (name: string) => table.locator('tbody tr', { hasText: name });
  await expect(table.locator('tbody tr')).toHaveCount(5);
  const dialog = page.getByRole('dialog');

  // Nguyễn Văn Đức promises to pay on 10 March: the dialog opened, filled and saved from the keyboard.
  await row('Nguyễn Văn Đức').getByTestId('visit-record').focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toContainText('Nguyễn Văn Đức');
  await expect(dialog.getByTestId('visit-outcome').getByRole('radio', { name: 'Hẹn đóng' })).toBeChecked();
  const promisedOn = dialog.getByTestId('visit-promised-on');
  await tabTo(page, promisedOn);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('10/03/2026');
  await page.keyboard.press('Tab');
  await expect(promisedOn).toHaveValue('10/03/2026');
  await tabTo(page, dialog.getByTestId('visit-note'));
  await page.keyboard.type('Cuối tuần con gửi tiền về');
  await tabTo(page, dialog.getByTestId('visit-save'));
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(row('Nguyễn Văn Đức').getByTestId('visit-last')).toContainText('Hẹn đóng');
  await expect(row('Nguyễn Văn Đức').getByTestId('visit-last')).toContainText('hẹn 10/03/2026');

  // The Lê household declines: the outcome moved with the arrow keys, the reason chosen from the list.
  await row('Lê Văn Hứa').getByTestId('visit-record').focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toContainText('Lê Văn Hứa');
  await tabTo(page, dialog.getByTestId('visit-outcome'));
  await page.keyboard.press('ArrowRight');
  await expect(dialog.getByTestId('visit-outcome').getByRole('radio', { name: 'Từ chối' })).toBeChecked();
  await tabTo(page, dialog.getByTestId('visit-reason'));
  // Down opens the list and walks it to the reason; Enter takes it.
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  const active = open.locator('.ant-select-item-option-active');
  await page.keyboard.press('ArrowDown');
  await expect(open).toHaveCount(1);
  for (let i = 0; i < 4 && !((await active.textContent()) ?? '').includes('Chưa tin tưởng'); i++) await page.keyboard.press('ArrowDown');
  await expect(active).toHaveText('Chưa tin tưởng');
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('visit-reason')).toContainText('Chưa tin tưởng');
  await expect(dialog.getByTestId('visit-household')).toBeChecked();
  await shot(page, 'field-visit-declined-keyboard');
  await tabTo(page, dialog.getByTestId('visit-save'));
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  for (const name of ['Lê Văn Hứa', 'Lê Thị Hoa']) {
    await expect(row(name).getByTestId('visit-last')).toContainText('Từ chối');
    await expect(row(name).getByTestId('visit-last')).toContainText('Chưa tin tưởng');
  }
  await shot(page, 'field-visit-outcomes-keyboard');

  // Trần Thị Con never paid, but her father's receipt paid the household at the office: "paid" for
  // the whole household offers the members' receipts, each naming whose it is; for her alone, none.
  await row('Trần Thị Con').getByTestId('visit-record').click();
  await dialog.getByTestId('visit-outcome').getByText('Đã đóng', { exact: true }).click();
  await expect(dialog.getByTestId('visit-household')).toBeChecked();
  const receipts = dialog.getByTestId('visit-receipts');
  await receipts.click();
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: /^Trần Văn Chủ · / });
  await expect(option).toHaveCount(1);
  await dialog.getByTestId('visit-household').click();
  await expect(dialog).toContainText('Máy này chưa có biên lai nào của người này');
  await dialog.getByTestId('visit-household').click();
  await receipts.click();
  await option.click();
  // The chosen receipt's whole tag is readable at 1366×768: whose, number, day, amount, where and by whom.
  await expectWholeTag(receipts, /^Trần Văn Chủ · \S+\/0000001 · 03\/03\/2026 · [\d.]+ đ · Máy này · Đỗ Thu Hà$/);
  await shot(page, 'field-visit-household-receipts');
  await dialog.getByTestId('visit-save').click();
  await expect(dialog).toHaveCount(0);
  for (const name of ['Trần Văn Chủ', 'Trần Thị Con']) await expect(row(name).getByTestId('visit-last')).toContainText('Đã đóng');

  // In English too (longer words), with a receipt a clerk of a long name took for her at the office:
  // its tag wraps onto a second line, whole; the dialog is left without saving.
  const clerk = { username: 'congtang', password: 'mat-khau-cong-tang', fullName: 'Công Tằng Tôn Nữ Thị Phương Thảo Nguyên Khánh Linh', role: 'counter' };
  await api.call('staff.create', clerk);
  const clerkToken = (await api.call<{ token: string }>('auth.login', { username: clerk.username, password: clerk.password })).token;
  const members = (await api.call<{ members: { participantId: string; fullName: string }[] }>('households.get', { id: tran.id })).members;
  const forCon = { participantId: members.find((m) => m.fullName === 'Trần Thị Con')!.participantId, scheme: 'HHI', fromMonth: '2026-01', months: 3 };
  const quote = await api.call<{ total: number }>('contributions.quote', forCon, clerkToken);
  await api.call('contributions.record', { ...forCon, expectedTotal: quote.total }, clerkToken);
  // The page opened afresh, as the officer would after the office's payment reached the laptop.
  await page.reload();
  await page
    .getByTestId('visit-hamlets')
    .getByText(/^Thôn Đông Hòa \(\d+\)$/)
    .click();
  await page.locator('.app-header .ant-segmented-item', { hasText: 'EN' }).click();
  await row('Trần Thị Con').getByTestId('visit-record').click();
  await dialog.getByTestId('visit-outcome').getByText('Paid', { exact: true }).click();
  await receipts.click();
  const offered = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
  await offered.filter({ hasText: /^Trần Văn Chủ · / }).click();
  await offered.filter({ hasText: /^Trần Thị Con · / }).click();
  expect(await expectWholeTag(receipts, /^Trần Văn Chủ · \S+\/0000001 · 03\/03\/2026 · [\d.]+ đ · This device · Đỗ Thu Hà$/)).toBe(1);
  expect(await expectWholeTag(receipts, new RegExp(`^Trần Thị Con · \\S+/\\d{7} · 03/03/2026 · [\\d.]+ đ · This device · ${clerk.fullName}$`))).toBe(2);
  await shot(page, 'field-visit-household-receipts-en');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
});
