// One office, several devices, one picture (issue 20), through the real UI at 1366×768: one central
// and two harnesses of the same office. Counter 1 takes a payment and pushes; counter 2 syncs, sees
// the payment on the person labelled with where and by whom it was taken, is refused the same
// months on the collect page (naming the receipt, the device and the date), and its supervisor's
// day-end shows both counters. A third device then enrolls and fills the office's picture: the
// Sync page shows it done, and the person is found there.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { startCentral } from './central-runner';
import { forEachDocumentFont } from './document-fonts';
import { expect, pick, shot, spillingTexts, test, type Harness } from './harness-fixture';

const PERSON = { fullName: 'Nông Văn Thắng', dateOfBirth: '12/07/1984', personalId: '001084654321', addressLine: 'Xóm Bãi, số 3' };

/** The province's people other offices registered, so the third device's picture fills over many pages. */
const PROVINCE_PEOPLE = 60_000;

/** Sets up the office on a harness (one device of it) and signs its supervisor in. */
async function openDevice(browser: Browser, harness: Harness, supervisor: { username: string; fullName: string }) {
  const page = await (await browser.newContext()).newPage();
  const setup = await page.request.post(new URL('rpc/office.setup', harness.url).toString(), {
    data: {
      officeCode: 'PIC01',
      officeName: 'Bảo hiểm xã hội cơ sở Ba Đình',
      provinceCode: '01',
      supervisor: { ...supervisor, password: 'mat-khau-giam-sat' },
    },
  });
  expect((await setup.json()).ok).toBe(true);
  await page.goto(harness.url);
  await page.getByLabel('Tên đăng nhập').fill(supervisor.username);
  await page.getByLabel('Mật khẩu').fill('mat-khau-giam-sat');
  await page.getByLabel('Mật khẩu').press('Enter');
  await expect(page.getByTestId('search-page')).toBeVisible();
  return page;
}

async function enroll(page: Page, centralUrl: string, code: string, deviceName: string) {
  await page.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
  await page.getByTestId('central-url').fill(centralUrl);
  await page.getByTestId('enroll-code').fill(code);
  await page.getByTestId('device-name').fill(deviceName);
  await page.getByTestId('enroll-submit').click();
  await expect(page.getByTestId('sync-details')).toBeVisible();
}

async function pushNow(page: Page) {
  await page.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
  await page.getByTestId('push-now').click();
  // A device's first sync fills the office's picture (the province's people) before it answers.
  await expect(page.getByTestId('push-summary')).toBeVisible({ timeout: 120_000 });
}

async function openPerson(page: Page) {
  await page.getByRole('link', { name: 'Tra cứu' }).click();
  await page.getByTestId('search-input').fill('nong van thang');
  await expect(page.getByTestId('search-result').first()).toContainText(PERSON.fullName);
  await page.getByTestId('search-input').press('Enter');
  await expect(page.getByTestId('person-name')).toHaveText(PERSON.fullName);
}

test('two counters of one office share its picture, and a third device fills it', async ({ browser, harnesses }) => {
  test.setTimeout(300_000);
  const centralDir = mkdtempSync(join(tmpdir(), 'field-office-e2e-central-'));
  const manual = ['--sync-interval', '0'];
  const [central, first, second] = await Promise.all([
    startCentral(centralDir, ['PIC01', 'PIC01#2', 'PIC01#3'], { CENTRAL_PEOPLE: String(PROVINCE_PEOPLE) }),
    harnesses.start(manual),
    harnesses.start(manual),
  ]);
  try {
    const one = await openDevice(browser, first, { username: 'quay1', fullName: 'Đỗ Thu Hà' });
    const two = await openDevice(browser, second, { username: 'quay2', fullName: 'Vũ Minh Khoa' });
    await enroll(one, central.url, central.codes.PIC01!, 'Quầy 1');
    await enroll(two, central.url, central.codes['PIC01#2']!, 'Quầy 2');

    // Counter 1 registers the person and takes three months, then pushes.
    await one.getByRole('link', { name: 'Tra cứu' }).click();
    // F2 is the search page's own key: pressed before that page is up (a busy machine), it is lost.
    await expect(one.getByTestId('search-page')).toBeVisible();
    await one.keyboard.press('F2');
    await one.getByLabel('Họ và tên').fill(PERSON.fullName);
    const dob = one.getByLabel('Ngày sinh');
    await dob.fill(PERSON.dateOfBirth);
    await dob.press('Enter');
    await one.locator('label.ant-radio-button-wrapper', { hasText: /^Nam$/ }).click();
    await one.getByLabel('Số định danh cá nhân').fill(PERSON.personalId);
    await pick(one, one.getByLabel('Xã/phường/đặc khu'), 'ba dinh', 'Ba Đình');
    await one.getByLabel('Thôn/xóm, số nhà, đường').fill(PERSON.addressLine);
    await one.keyboard.press('Control+s');
    await expect(one.getByTestId('person-name')).toHaveText(PERSON.fullName);
    await one.keyboard.press('F4');
    await expect(one.getByTestId('collect-page')).toBeVisible();
    await one.getByTestId('collect-income').fill('2000000');
    await one.getByTestId('collect-months').fill('3');
    await expect(one.getByTestId('confirm-collect')).toBeEnabled();
    const from = (await one.getByTestId('collect-fromMonth').inputValue()).trim();
    await one.getByTestId('collect-months').press('Enter');
    await expect(one.getByTestId('receipt-amount')).toBeVisible();
    const receiptNumber = (await one.getByTestId('receipt-number').textContent())!.trim();
    await pushNow(one);
    await expect(one.getByTestId('push-summary')).toContainText(/3 được nhận/);

    // Counter 2 syncs: the payment is on the person, labelled with the counter and the collector.
    await pushNow(two);
    await openPerson(two);
    const payment = two.getByTestId('contributions').locator('tr', { hasText: `/${receiptNumber}` });
    await expect(payment.getByTestId('taken-elsewhere')).toHaveText('Quầy 1 · Đỗ Thu Hà');
    await shot(two, 'office-picture-person-counter2');
    // The collect page says who paid last, and refuses the same months, naming receipt, device and date.
    await two.keyboard.press('F4');
    await expect(two.getByTestId('collect-page')).toBeVisible();
    await expect(two.getByTestId('latest-payment')).toContainText('Quầy 1 · Đỗ Thu Hà');
    const month = two.getByTestId('collect-fromMonth');
    await month.click();
    await month.fill(from);
    await month.press('Enter');
    await expect(two.getByTestId('collect-page')).toContainText(/đã được đóng \(biên lai .+, Quầy 1 · Đỗ Thu Hà, ngày \d{2}\/\d{2}\/\d{4}\)/);
    await expect(two.getByTestId('confirm-collect')).toBeDisabled();
    await shot(two, 'office-picture-collect-refused-counter2');

    // Counter 2's day-end: both counters of the office, counter 1's takings as pulled.
    await two.getByRole('link', { name: 'Chốt ngày' }).click();
    await expect(two.getByTestId('office-day')).toBeVisible();
    const devices = two.getByTestId('office-device');
    await expect(devices).toHaveCount(2);
    await expect(two.getByTestId('office-day')).toContainText('Quầy 1');
    await expect(two.getByTestId('office-day')).toContainText('Quầy 2');
    await expect(two.getByTestId('office-collector').filter({ hasText: 'Đỗ Thu Hà' })).toHaveCount(1);
    await shot(two, 'office-picture-day-end-counter2');
    // The day report (A4) has the office section: both counters, counter 1's collector, the office's total.
    await two.getByTestId('open-day-report').click();
    await expect(two.getByTestId('day-report-office')).toBeVisible();
    await expect(two.getByTestId('day-report-office-devices')).toContainText('Đỗ Thu Hà');
    const cells = '.day-report-table td, .day-report-table th';
    await forEachDocumentFont(two, async (family) => {
      await expect(two.getByTestId('day-report-office')).toBeVisible();
      expect(await spillingTexts(two, cells), family).toEqual([]);
    });
    await expect(two.getByTestId('day-report-office')).toBeVisible();
    mkdirSync('test-results', { recursive: true });
    await two.pdf({ path: 'test-results/office-day-report.pdf', preferCSSPageSize: true, printBackground: true });
    const text = execFileSync('pdftotext', ['-layout', 'test-results/office-day-report.pdf', '-'], { encoding: 'utf8' });
    expect(text).toContain('Toàn văn phòng');
    expect(text).toMatch(/Quầy 1\s+Đỗ Thu Hà\s+1\s+1\.\d{3}\.\d{3}/);
    execFileSync('pdftoppm', ['-png', '-r', '80', 'test-results/office-day-report.pdf', 'test-results/office-day-report']);

    // A third device of the office (a field laptop) enrolls and fills the office's picture.
    const third = await harnesses.start(manual);
    const three = await openDevice(browser, third, { username: 'lan', fullName: 'Ngô Thị Lan' });
    await enroll(three, central.url, central.codes['PIC01#3']!, 'Máy cán bộ thu Lan');
    await expect(three.getByTestId('picture-card')).toContainText('Máy mới');
    // Every text the progress line shows while it fills is kept: on a quiet machine the fill can be
    // over in a few seconds, before a check made after the click would look.
    await three.evaluate(() => {
      const seen: string[] = [];
      (globalThis as unknown as { pictureFigures: string[] }).pictureFigures = seen;
      const doc = (globalThis as unknown as { document: { body: object; querySelector(s: string): { textContent: string | null } | null } }).document;
      const Observer = (globalThis as unknown as { MutationObserver: new (f: () => void) => { observe(n: object, o: object): void } }).MutationObserver;
      new Observer(() => {
        const text = doc.querySelector('[data-testid="picture-figures"]')?.textContent;
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }).observe(doc.body, { subtree: true, childList: true, characterData: true });
    });
    await three.getByTestId('push-now').click();
    // While it fills: a progress bar with the pages and rows done and to do, and the time left.
    await three
      .getByTestId('picture-figures')
      .waitFor({ timeout: 15_000 })
      .then(() => shot(three, 'office-picture-filling-device3'))
      .catch(() => undefined);
    await expect(three.getByTestId('picture-done')).toBeVisible({ timeout: 120_000 });
    const figures = await three.evaluate(() => (globalThis as unknown as { pictureFigures: string[] }).pictureFigures);
    expect(
      figures.some((f) => /Trang \d+\/\d+ · [\d.]+\/[\d.]+ dòng · (còn khoảng \d+ (giây|phút)|đang ước tính)/.test(f)),
      figures.join(' | '),
    ).toBe(true);
    await shot(three, 'office-picture-filled-device3');
    await openPerson(three);
    await expect(three.getByTestId('taken-elsewhere').first()).toHaveText('Quầy 1 · Đỗ Thu Hà');
  } finally {
    central.child.kill('SIGTERM');
  }
});
