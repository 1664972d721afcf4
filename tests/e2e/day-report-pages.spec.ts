// The printed A4 day report never leaves its signatures alone on a page (issue 23 item 5): for a day
// of 1 to 40 receipts, each printed to PDF from the report's own CSS, the page that holds the
// signatures also holds some of the report — a section or rows of the list — not only the date line
// and the two signature boxes. The device is named on it by its short id (no raw UUID).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { expect, signIn, test } from './harness-fixture';
import { officeByApi, SUPERVISOR } from './office-data';

const OUT = 'test-results/day-report-pages';
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Khoa', 'Long', 'Minh', 'Nam', 'Phúc', 'Quang'];
const fold = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

test('the day report’s signatures always share their page with the report', async ({ page, harness }) => {
  test.setTimeout(400_000);
  mkdirSync(OUT, { recursive: true });
  const office = await officeByApi(page, harness.url, { code: 'HN0107', name: 'Bảo hiểm xã hội cơ sở Cầu Giấy' });
  await page.goto(harness.url);
  await signIn(page, SUPERVISOR.username, SUPERVISOR.password);
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const alone: number[] = [];
  for (let n = 1; n <= 40; n++) {
    const year = 1960 + n;
    const person = await office.register({
      fullName: `${FAMILY[n % FAMILY.length]} Văn ${GIVEN[n % GIVEN.length]}`,
      dateOfBirth: `${year}-0${1 + (n % 9)}-1${n % 10}`,
      sex: 'male',
      personalId: `001${year < 2000 ? 0 : 2}${String(year % 100).padStart(2, '0')}${String(300000 + n).padStart(6, '0')}`,
    });
    const question = { participantId: person.id, scheme: 'VSI', fromMonth: today.slice(0, 7), months: 1, incomeBasis: 1_500_000 };
    const quote = await office.call<{ total: number }>('contributions.quote', question);
    await office.call('contributions.record', { ...question, expectedTotal: quote.total });
    // The report as a supervisor opens it again after each payment (a reload reads it anew).
    if (n === 1) await page.goto(`${harness.url}#/day-report/${today}`);
    else await page.reload();
    await expect(page.getByTestId('day-report-receipts').locator('tbody tr')).toHaveCount(n);
    if (n === 1) await expect(page.getByTestId('day-report-device')).toHaveText(/^[0-9A-F]{4}$/);
    const path = `${OUT}/day-report-${n}.pdf`;
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path, preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    const pages = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).split('\f').map(fold).filter(Boolean);
    const signed = pages.find((p) => p.includes('Thủ quỹ'))!;
    // What is left of that page without the signature block and the page number.
    const rest = signed
      .replace(/Ngày \d{2} tháng \d{2} năm \d{4}/, '')
      .replace(/Thủ quỹ|Giám sát viên|\(Ký, ghi rõ họ tên\)|Trang \d+ \/ \d+/g, '')
      .trim();
    if (rest.replace(/[^\p{L}\d]/gu, '').length < 10) {
      alone.push(n);
      execFileSync('pdftoppm', ['-png', '-r', '60', path, `${OUT}/alone-${n}`]);
    }
  }
  expect(alone, 'receipt counts whose signatures stand alone on their page').toEqual([]);
});
