// A province's top-up, end to end (issue 23 item 2), at 1366×768: the app ships no province's
// top-up (none is confirmed), and the quote says so; the central's `admin publish-rates` publishes a
// schedule with a test resolution for Hà Nội (01) — 20 000 đ a month for anyone else (not a real
// resolution); the office's device pulls it; the quote shows the top-up as its own line and the
// amount less it; the payment's A5 receipt, printed to PDF and read back, names it; the A4 day
// report printed to PDF has a column of it with its total, outside what the payers paid.
// Long payer names beside the top-up column take at most two lines on screen and in print, cut at
// a word and marked, and are printed whole under the list with the receipt and the personal ID. The PDFs and their PNGs go to test-results/provincial-top-up/ to be looked at.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { startCentral } from './central-runner';
import { expect, rpc, shot, signIn, test } from './harness-fixture';
import { collectFor, officeByApi, SUPERVISOR } from './office-data';
import { pdfPages } from './print-layout';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const OUT = 'test-results/provincial-top-up';
const fold = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const SOURCE = 'Nghị quyết thử nghiệm của HĐND thành phố Hà Nội (dữ liệu kiểm thử, không phải nghị quyết thật)';

/** The shipped schedule with Hà Nội's test resolution, as a newer version: what the central admin publishes. */
function scheduleWithTopUp(dir: string): string {
  const shipped = JSON.parse(readFileSync(join(root, 'resources/reference/contribution-rates.json'), 'utf8')) as { version: string };
  const file = join(dir, 'rates-with-top-up.json');
  const provincialTopUps = { '01': { name: 'Hà Nội', vsi: [{ from: '2026-01-01', value: { any: { amount: 20_000 } }, source: SOURCE }] } };
  writeFileSync(file, JSON.stringify({ ...shipped, version: `${shipped.version}+tinh-01-thu-nghiem`, provincialTopUps }));
  return file;
}

/** Prints the page to PDF (A5 or the document's own A4), renders it to PNG, and answers its text. */
async function printed(page: Page, name: string, format: 'A5' | 'page-css'): Promise<string> {
  const path = `${OUT}/${name}.pdf`;
  await page.emulateMedia({ media: 'print' });
  await page.pdf(format === 'A5' ? { path, format, printBackground: true } : { path, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  execFileSync('pdftoppm', ['-png', '-r', '80', path, `${OUT}/${name}`]);
  return fold(execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }));
}

test('a province’s top-up published at the central is its own line on the quote, the receipt and the day report', async ({ page, harness }) => {
  test.setTimeout(240_000);
  mkdirSync(OUT, { recursive: true });
  const centralDir = mkdtempSync(join(tmpdir(), 'field-office-e2e-top-up-'));
  // The central admin publishes the schedule (before the service starts: one process holds its store).
  const published = execFileSync(
    process.execPath,
    [
      join(root, 'node_modules/tsx/dist/cli.mjs'),
      'src/central/cli.ts',
      'admin',
      'publish-rates',
      '--data',
      centralDir,
      '--file',
      scheduleWithTopUp(centralDir),
    ],
    { cwd: root, encoding: 'utf8' },
  );
  expect(published).toContain('published');
  const central = await startCentral(centralDir, ['HN0105']);
  try {
    const office = await officeByApi(page, harness.url, { code: 'HN0105', name: 'Bảo hiểm xã hội cơ sở Tây Hồ' });
    const hung = await office.register({ fullName: 'Nguyễn Văn Hưng', dateOfBirth: '1982-03-14', sex: 'male', personalId: '001082001234' });
    await office.register({ fullName: 'Trần Thị Mai', dateOfBirth: '1979-10-02', sex: 'female', personalId: '001179005678' });
    await page.goto(harness.url);
    await signIn(page, SUPERVISOR.username, SUPERVISOR.password);

    // Before the device hears of it: the state's 20 %, and the quote says no top-up is published.
    await collectFor(page, 'nguyen van hung', 'Nguyễn Văn Hưng');
    await page.getByTestId('collect-income').fill('1500000');
    await expect(page.getByTestId('quote-total')).toHaveText('264.000 đ');
    await expect(page.getByTestId('quote-no-top-up')).toContainText('chưa có mức được công bố cho tỉnh này');
    await expect(page.getByTestId('quote-top-up')).toHaveCount(0);

    // The device enrols and pulls: the published schedule is now the newest it holds.
    await rpc(page, harness.url, 'sync.enroll', { centralUrl: central.url, code: central.codes.HN0105, deviceName: 'Quầy 2' }, office.token);
    const thisMonth = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);
    const pricedWith = async () =>
      (
        await office.call<{ referenceVersion: string }>('contributions.quote', {
          participantId: hung.id,
          scheme: 'VSI',
          fromMonth: thisMonth,
          months: 1,
          incomeBasis: 1_500_000,
        })
      ).referenceVersion;
    await expect.poll(pricedWith, { timeout: 60_000 }).toContain('+tinh-01-thu-nghiem');

    // T2 of docs/law/worked-cases.md: 330 000 − 20 % × 330 000 (66 000) − 20 000 = 244 000 a month.
    await collectFor(page, 'nguyen van hung', 'Nguyễn Văn Hưng');
    await page.getByTestId('collect-income').fill('1500000');
    await expect(page.getByTestId('quote-total')).toHaveText('244.000 đ');
    await expect(page.getByTestId('quote-top-up')).toContainText('Tỉnh hỗ trợ thêm Hà Nội: 20.000 đ/tháng = −20.000 đ');
    await expect(page.getByTestId('quote-top-up')).toContainText('Nghị quyết thử nghiệm');
    await expect(page.getByTestId('quote-no-top-up')).toHaveCount(0);
    // The poverty line after 2025 is not confirmed: provisional on the quote and beside its figure in the breakdown.
    await expect(page.getByTestId('quote-provisional')).toContainText('chuẩn nghèo khu vực nông thôn');
    await expect(page.getByTestId('quote-line-values').first()).toContainText('Chuẩn nghèo nông thôn: 1.500.000 đ (tạm tính)');
    await expect(page.getByTestId('quote').locator('tbody tr.ant-table-row').first()).toContainText('Tỉnh hỗ trợ thêm −20.000');
    await shot(page, 'top-up-quote');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('receipt-page')).toContainText('244.000');
    const receipt = await printed(page, 'receipt', 'A5');
    expect(pdfPages(`${OUT}/receipt.pdf`)).toBe(1);
    expect(receipt).toContain('244.000');
    expect(receipt).toContain('Tỉnh hỗ trợ thêm Hà Nội: 20.000 đ');
    expect(receipt).toContain('Nghị quyết thử nghiệm');

    // A quarter for her: 3 × 244 000 = 732 000, of which the province pays 3 × 20 000 = 60 000.
    await collectFor(page, 'tran thi mai', 'Trần Thị Mai');
    await page.getByTestId('collect-income').fill('1500000');
    await page.getByTestId('collect-months').fill('3');
    await expect(page.getByTestId('quote-total')).toHaveText('732.000 đ');
    await expect(page.getByTestId('quote-top-up')).toContainText('= −60.000 đ');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('receipt-page')).toContainText('732.000');

    // The day report: 976 000 đ from payers; the province's 80 000 đ in its own column and line.
    await page.getByRole('link', { name: 'Chốt ngày' }).click();
    await expect(page.getByTestId('day-end-page')).toBeVisible();
    await page.getByTestId('open-day-report').click();
    await expect(page.getByTestId('day-report-document')).toBeVisible();
    await expect(page.getByTestId('day-report-total')).toHaveText('976.000 đ');
    await expect(page.getByTestId('day-report-top-up')).toHaveText('80.000 đ');
    await expect(page.getByTestId('day-report-receipts-total')).toHaveText('976.000');
    await expect(page.getByTestId('day-report-receipts-top-up')).toHaveText('80.000');
    await shot(page, 'top-up-day-report');
    const report = await printed(page, 'day-report', 'page-css');
    // The device by the name the office's devices are listed under, with its id short (the series' four).
    expect(report).toMatch(/Thiết bị: Quầy 2 \([0-9A-F]{4}\)/);
    // Its own column (the header wraps in its cell), each receipt's share beside its amount.
    expect(report).toMatch(/Tỉnh hỗ trợ .*Số tiền \(đ\) \(đ\)/);
    expect(report).toMatch(/\/0000001 .* 244\.000 20\.000 /);
    expect(report).toMatch(/\/0000002 .* 732\.000 60\.000 /);
    expect(report).toMatch(/Tổng cộng \(không tính biên lai đã hủy\) 976\.000 80\.000/);
    expect(report).toContain('Tổng thu theo biên lai 976.000 đ');
    expect(report).toContain('Tỉnh hỗ trợ thêm 80.000 đ');

    // Long payer names beside the top-up column (ADR 0044): at the table's size on at most two lines,
    // on screen and in print; a name that needs more is cut at a word with "… [n]", and printed whole
    // under the table with its receipt's number and the personal ID.
    const long = 'Nguyễn Thị Hồng Nhung Phương Thảo Bích Ngọc';
    const hundred = 'Công Tằng Tôn Nữ Thị Phương Thảo Nguyên Khánh Linh Hoàng Bảo Ngọc Diệp Anh Thư Minh Châu Quỳnh Như Ý';
    expect(hundred).toHaveLength(100);
    const labels: string[] = [];
    for (const [fullName, personalId] of [
      [long, '001185006151'],
      [hundred, '001190006152'],
    ] as const) {
      const person = await office.register({ fullName, dateOfBirth: `${personalId.slice(4, 6) === '85' ? 1985 : 1990}-05-05`, sex: 'female', personalId });
      const question = { participantId: person.id, scheme: 'VSI', fromMonth: thisMonth, months: 1, incomeBasis: 1_500_000 };
      const quote = await office.call<{ total: number }>('contributions.quote', question);
      labels.push((await office.call<{ receipt: { label: string } }>('contributions.record', { ...question, expectedTotal: quote.total })).receipt.label);
    }
    await page.reload();
    await expect(page.getByTestId('day-report-receipts')).toContainText('0000004');
    const notes = page.getByTestId('day-report-receipts-full-names');
    await expect(notes).toContainText(`Biên lai ${labels[1]}, số định danh 001190006152: ${hundred}`);
    await shot(page, 'top-up-day-report-long-names');
    /** Each payer's name in the list: the text shown, its cell's title, its lines and whether any of it is hidden. */
    const names = () =>
      page
        .getByTestId('day-report-receipts')
        .locator('.day-report-payer')
        .evaluateAll((spans) =>
          spans.map((span) => {
            const el = span as unknown as { textContent: string; clientHeight: number; scrollHeight: number; parentElement: { title: string } };
            const lineHeight = parseFloat((globalThis as any).getComputedStyle(span).lineHeight);
            return {
              shown: el.textContent,
              title: el.parentElement.title,
              lines: Math.round(el.clientHeight / lineHeight),
              hidden: el.scrollHeight > el.clientHeight + 1,
            };
          }),
        );
    for (const media of ['screen', 'print'] as const) {
      await page.emulateMedia({ media });
      const shown = await names();
      expect(shown.map((n) => n.title)).toEqual(['Nguyễn Văn Hưng', 'Trần Thị Mai', long, hundred]);
      expect(shown.map((n) => n.shown).slice(0, 2), media).toEqual(['Nguyễn Văn Hưng', 'Trần Thị Mai']);
      expect(
        shown.every((n) => n.lines <= 2 && !n.hidden),
        `${media}: ${JSON.stringify(shown)}`,
      ).toBe(true);
      // The 100 characters are cut at a word, marked, and their note names them whole.
      const cut = /^(.+)… \[(\d)\]$/.exec(shown[3]!.shown);
      expect(cut, shown[3]!.shown).not.toBeNull();
      expect(hundred.startsWith(`${cut![1]} `)).toBe(true);
      await expect(notes).toContainText(`[${cut![2]}] Biên lai ${labels[1]}, số định danh 001190006152: ${hundred}`);
    }
    await page.emulateMedia({ media: 'screen' });
    const longReport = await printed(page, 'day-report-long-names', 'page-css');
    // In the PDF: the whole name once (its note, under the list), the list's cell cut and marked.
    expect(longReport).toContain(`Biên lai ${labels[1]}, số định danh 001190006152: ${hundred}`);
    expect(longReport.split('Quỳnh Như Ý')).toHaveLength(2);
    expect(longReport).toMatch(/… \[\d\]/);
  } finally {
    central.child.kill();
  }
});
