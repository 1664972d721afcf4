// The office side of trust, through the real UI at 1366×768: "Kiểm tra biên lai" takes a code as a
// USB scanner types it (characters, then Enter) and says genuine or forged; the search box opens a
// receipt from its label or its code; the supervisor's audit screen filters the log and checks the
// chain, and an entry edited behind the app's back raises the alert on every screen, refuses the
// day's closing, and ends once settled with a note.
import { join } from 'node:path';
import { openKeyedDatabase } from '../../src/main/core/db/store-cipher';
import { PlainStoreKey } from '../../src/main/core/db/store-key';
import { DATABASE_FILE, PLAIN_STORE_KEY_FILE } from '../../src/main/core/office-core';
import { expect, rpc, shot, signIn, test } from './harness-fixture';

const SUPERVISOR = { username: 'giamsat', password: 'mat-khau-giam-sat', fullName: 'Đỗ Thu Hà' };

test('a clerk checks a receipt by scanning it, and a supervisor finds a tampered audit log', async ({ page, harness }) => {
  const api = <T = any>(method: string, body: unknown, token?: string) => rpc<T>(page, harness.url, method, body, token);
  const setup = await api<{ token: string; staff: { id: string } }>('office.setup', {
    officeCode: 'KT01',
    officeName: 'Bảo hiểm xã hội cơ sở Kiểm Tra',
    provinceCode: '01',
    supervisor: SUPERVISOR,
  });
  const communes = await api<{ items: { code: string }[] }>('reference.communes', { provinceCode: '01' });
  const person = await api<{ id: string }>(
    'participants.register',
    {
      fullName: 'Phan Văn Quét',
      dateOfBirth: '1985-06-15',
      sex: 'male',
      personalId: '001085006789',
      provinceCode: '01',
      communeCode: communes.items[0]!.code,
      addressLine: 'Xóm Mới',
    },
    setup.token,
  );
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);
  const input = { participantId: person.id, scheme: 'VSI', fromMonth: today, months: 1, incomeBasis: 2_000_000 };
  const quote = await api<{ total: number }>('contributions.quote', input, setup.token);
  const { receipt } = await api<{ receipt: { id: string; label: string } }>('contributions.record', { ...input, expectedTotal: quote.total }, setup.token);
  const { verification } = await api<{ verification: { payload: string; url: string } }>('receipts.get', { id: receipt.id }, setup.token);

  await page.goto(harness.url);
  await signIn(page, SUPERVISOR.username, SUPERVISOR.password);

  // The scanner types the code and Enter into the focused box.
  await page.getByRole('link', { name: 'Kiểm tra biên lai' }).click();
  await expect(page.getByTestId('verify-input')).toBeFocused();
  await page.keyboard.type(verification.url, { delay: 2 });
  await page.keyboard.press('Enter');
  const result = page.getByTestId('verify-result');
  await expect(result).toHaveAttribute('data-status', 'GENUINE');
  await expect(result).toContainText('Biên lai thật');
  await expect(result).toContainText(receipt.label);
  await expect(result).toContainText('•••• •••• 6789');
  await expect(page.getByTestId('verify-local')).toContainText('nội dung khớp');
  // Ready for the next scan.
  await expect(page.getByTestId('verify-input')).toBeFocused();
  await expect(page.getByTestId('verify-input')).toHaveValue('');
  await shot(page, 'verify-genuine');

  // An altered amount: forged.
  const parts = verification.payload.split('.');
  parts[3] = String(Number(parts[3]) - 100_000);
  await page.keyboard.type(parts.join('.'), { delay: 1 });
  await page.keyboard.press('Enter');
  await expect(result).toHaveAttribute('data-status', 'FORGED');
  await expect(result).toContainText('KHÔNG HỢP LỆ');
  await shot(page, 'verify-forged');
  await page.getByTestId('verify-open-receipt').click();
  await expect(page.getByTestId('receipt-page')).toContainText(receipt.label);

  // The search box opens a receipt from its label (leading zeros left out) and from its code.
  await page.getByRole('link', { name: 'Tra cứu' }).click();
  const [series, number] = receipt.label.split('/');
  await page.getByTestId('search-input').fill(`${series}/${Number(number)}`);
  await expect(page.getByTestId('search-count')).toContainText('Nhấn Enter để mở biên lai');
  await page.getByTestId('search-input').press('Enter');
  await expect(page.getByTestId('receipt-page')).toContainText(receipt.label);
  await page.getByRole('link', { name: 'Tra cứu' }).click();
  await page.getByTestId('search-input').fill(verification.url);
  await page.getByTestId('search-input').press('Enter');
  await expect(page.getByTestId('receipt-page')).toContainText(receipt.label);

  // The audit screen: the log, filtered by action; the chain checks whole.
  await page.getByRole('link', { name: 'Nhật ký', exact: true }).click();
  await expect(page.getByTestId('audit-table')).toContainText('contribution.record');
  // A supervisor's nine screens all stay in sight at 1366 px, whichever is open (they once slid out of the header).
  const header = (await page.locator('.app-header').boundingBox())!;
  const links = page.locator('nav.app-nav a');
  expect(await links.count()).toBe(9);
  for (const link of await links.all()) {
    const box = (await link.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(header.x);
    expect(box.x + box.width).toBeLessThanOrEqual(header.x + header.width);
    expect(box.y + box.height).toBeLessThanOrEqual(header.y + header.height);
    expect(await link.evaluate((a) => a.getBoundingClientRect().left >= a.parentElement!.getBoundingClientRect().left)).toBe(true);
  }
  // Said in words: the action's name, and the details as labelled values opened below the row.
  const payment = page.getByTestId('audit-table').locator('tbody tr', { hasText: 'contribution.record' }).first();
  await expect(payment).toContainText('Thu tiền');
  await expect(payment).toContainText('Số tiền:');
  await payment.click();
  await expect(page.getByTestId('audit-details-panel')).toContainText('Số tiền');
  await shot(page, 'audit-entry-opened');
  await payment.click();
  await page.getByTestId('audit-action').click();
  await page.keyboard.type('participant.register');
  await page.keyboard.press('Enter');
  await page.getByTestId('audit-filter').click();
  await expect(page.getByTestId('audit-table').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('audit-table')).toContainText('participant.register');
  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-verify-result')).toContainText('Chuỗi nhật ký nguyên vẹn');
  await shot(page, 'audit-page');

  // Someone with the file edits the payment's entry: the check finds it, the alert is on every screen.
  const raw = openKeyedDatabase(join(harness.dataDir, DATABASE_FILE), new PlainStoreKey(join(harness.dataDir, PLAIN_STORE_KEY_FILE)).load());
  raw.prepare(`UPDATE audit_log SET details = replace(details, '"months":1', '"months":2') WHERE action = 'contribution.record'`).run();
  raw.close();
  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-verify-result')).toContainText('đã bị sửa sau khi ghi');
  await expect(page.getByTestId('audit-alert')).toBeVisible();
  await page.getByRole('link', { name: 'Tra cứu' }).click();
  await expect(page.getByTestId('audit-alert')).toContainText('Không thể khóa sổ');
  await shot(page, 'audit-alert-on-search');
  const refused = await page.request.post(new URL('rpc/dayEnd.close', harness.url).toString(), {
    data: { businessDate: new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10), counts: [{ staffId: setup.staff.id, cashCounted: quote.total }] },
    headers: { authorization: `Bearer ${setup.token}` },
  });
  expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/không thể khóa sổ/);

  await page.getByRole('link', { name: 'Nhật ký', exact: true }).click();
  await page.getByTestId('audit-settle-note').fill('Đã báo trung tâm; biên bản số 12 ngày hôm nay.');
  await page.getByTestId('audit-settle').click();
  await expect(page.getByTestId('audit-alert')).toHaveCount(0);
  await expect(page.getByTestId('audit-breaks')).toHaveCount(0);
});
