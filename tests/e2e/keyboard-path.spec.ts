// The counter's keyboard path, counted (issue 25 item 9): from the search text typed, an enrolled
// person's next period is paid and its receipt printed in at most 6 keys, a first payment in at
// most 10 keys plus the income — the keyboard only, at 1366×768. Every key pressed on the way goes
// through `press`, which counts it; text typed (the search, the income) is not a key.
import type { Page } from '@playwright/test';
import { expect, test } from './harness-fixture';
import { officeByApi } from './office-data';

const CLERK = { username: 'quay1', password: 'mat-khau-quay-1', fullName: 'Phạm Văn Quầy' };

function keyCounter(page: Page) {
  let count = 0;
  return {
    async press(key: string) {
      count += 1;
      await page.keyboard.press(key);
    },
    get count() {
      return count;
    },
  };
}

test('an enrolled person pays the next period in 4 keys, a first payment in 4 keys plus the income', async ({ page, harnesses }) => {
  const office = await harnesses.start(['--clock-start', '2026-03-03T09:00:00+07:00', '--sync-interval', '0']);
  const api = await officeByApi(page, office.url, { code: 'HN0105', name: 'Bảo hiểm xã hội cơ sở Long Biên' });
  await api.call('staff.create', { ...CLERK, role: 'counter' });
  // Enrolled at 3 000 000 đ monthly, March paid: April is due next.
  const enrolled = await api.register({ fullName: 'Trịnh Văn Đức', dateOfBirth: '1982-05-05', sex: 'male', personalId: '001082005050' });
  const march = { participantId: enrolled.id, scheme: 'VSI', fromMonth: '2026-03', months: 1, incomeBasis: 3_000_000 };
  const quote = await api.call<{ total: number }>('contributions.quote', march);
  await api.call('contributions.record', { ...march, expectedTotal: quote.total });
  await api.register({ fullName: 'Lý Thị Hồng', dateOfBirth: '1988-09-09', sex: 'female', personalId: '001188009090' });

  // Signed in by keyboard; the search box has the cursor.
  await page.goto(office.url);
  await page.getByLabel('Tên đăng nhập').focus();
  await page.keyboard.type(CLERK.username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(CLERK.password);
  await page.keyboard.press('Enter');
  const box = page.getByTestId('search-input');
  await expect(box).toBeFocused();
  await page.evaluate(() => Object.assign(globalThis, { print: () => undefined }));

  // 1. The enrolled person's next period: search text, Enter, F4, Enter, Ctrl+P.
  const enrolledKeys = keyCounter(page);
  await page.keyboard.type('trinh van duc');
  await expect(page.getByTestId('search-result').first()).toContainText('Trịnh Văn Đức');
  await enrolledKeys.press('Enter');
  await expect(page.getByTestId('person-name')).toHaveText('Trịnh Văn Đức');
  await enrolledKeys.press('F4');
  await expect(page.getByTestId('collect-months')).toBeFocused();
  await expect(page.getByTestId('collect-fromMonth')).toHaveValue('04/2026');
  await expect(page.getByTestId('quote-total')).toHaveText('594.000 đ');
  await enrolledKeys.press('Enter');
  await expect(page.getByTestId('receipt-page')).toBeVisible();
  await expect(page.getByTestId('receipt-document')).toContainText('04/2026');
  await enrolledKeys.press('Control+p');
  await expect(page.getByTestId('receipt-copy')).toHaveText('BẢN SAO');
  expect(enrolledKeys.count).toBe(4);
  expect(enrolledKeys.count).toBeLessThanOrEqual(6);

  // 2. A first payment: back to the search (Esc Esc), search text, Enter, F4, the income, Enter, Ctrl+P.
  const firstKeys = keyCounter(page);
  await firstKeys.press('Escape');
  await expect(page.getByTestId('collect-page')).toBeVisible();
  await firstKeys.press('Escape');
  await expect(page.getByTestId('person-page')).toBeVisible();
  await firstKeys.press('Escape');
  await expect(box).toBeFocused();
  const fromSearch = keyCounter(page);
  await box.press('Control+a');
  await page.keyboard.type('ly thi hong');
  await expect(page.getByTestId('search-result').first()).toContainText('Lý Thị Hồng');
  await fromSearch.press('Enter');
  await expect(page.getByTestId('person-name')).toHaveText('Lý Thị Hồng');
  await fromSearch.press('F4');
  // Not enrolled: the cursor is in the income, the one field that prices.
  await expect(page.getByTestId('collect-income')).toBeFocused();
  await page.keyboard.type('2tr');
  await fromSearch.press('Enter');
  await expect(page.getByTestId('receipt-page')).toBeVisible();
  await expect(page.getByTestId('receipt-basis')).toContainText('Thu nhập tháng làm căn cứ đóng: 2.000.000 đ');
  await fromSearch.press('Control+p');
  await expect(page.getByTestId('receipt-copy')).toHaveText('BẢN SAO');
  expect(fromSearch.count).toBe(4);
  expect(fromSearch.count).toBeLessThanOrEqual(10);
  // Getting back to the search from a receipt is one Esc per screen: three here.
  expect(firstKeys.count).toBe(3);
});
