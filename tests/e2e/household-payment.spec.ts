// A household enrolled and paid in one pass (issue 25 item 7, ADR 0020): from the head's record the
// clerk makes the household, registers a new member from it (the household's address filled in)
// and adds a registered one; the collect page opens on household HI for them, with every member
// ticked at their place; one Enter records them all, and their receipts — one per member, numbered
// one after another — open together and print in one go, one A5 sheet each.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { confirmSexFromId, expect, shot, signIn, test } from './harness-fixture';
import { officeByApi, SUPERVISOR } from './office-data';

test('a household is made, a member registered from it, and three members paid in one pass', async ({ page, harnesses }) => {
  const harness = await harnesses.start(['--clock-start', '2026-03-03T09:00:00+07:00', '--sync-interval', '0']);
  const api = await officeByApi(page, harness.url, { code: 'HN0103', name: 'Bảo hiểm xã hội cơ sở Hai Bà Trưng' });
  const addressLine = 'Xóm 3, thôn Đông';
  await api.register({ fullName: 'Hoàng Văn Nam', dateOfBirth: '1975-04-10', sex: 'male', personalId: '001075004410', addressLine });
  await api.register({ fullName: 'Hoàng Thị Mai', dateOfBirth: '1978-09-21', sex: 'female', personalId: '001178009210', addressLine });

  await page.goto(harness.url);
  await signIn(page, SUPERVISOR.username, SUPERVISOR.password);
  await page.getByTestId('search-input').fill('hoang van nam');
  await expect(page.getByTestId('search-result').first()).toContainText('Hoàng Văn Nam');
  await page.getByTestId('search-input').press('Enter');
  await expect(page.getByTestId('person-name')).toHaveText('Hoàng Văn Nam');
  await page.keyboard.press('Alt+h');
  await expect(page.getByTestId('household-member')).toHaveCount(1);

  // A new member registered from the household: the form says whose household, starts from its address.
  await page.keyboard.press('Alt+n');
  await expect(page.getByTestId('person-form')).toContainText('Đăng ký thành viên mới cho hộ của Hoàng Văn Nam');
  await expect(page.getByLabel('Thôn/xóm, số nhà, đường')).toHaveValue('Xóm 3, thôn Đông');
  await page.getByLabel('Họ và tên').fill('Hoàng Minh Khôi');
  const dob = page.getByLabel('Ngày sinh');
  await dob.fill('12/08/2004');
  await dob.press('Enter');
  await page.getByLabel('Số định danh cá nhân').fill('001204008120');
  await confirmSexFromId(page);
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('household-page')).toBeVisible();
  const members = page.getByTestId('household-member');
  await expect(members).toHaveCount(2);
  await expect(members.nth(1)).toContainText('Hoàng Minh Khôi');
  // And a person already registered, by search.
  await page.keyboard.press('Alt+m');
  await page.keyboard.type('hoang thi mai');
  await expect(page.locator('.ant-select-item-option-active', { hasText: 'Hoàng Thị Mai' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(members).toHaveCount(3);
  await shot(page, 'household-three');

  // Back on the head's record, F4 opens household HI (his scheme: he is in a household, enrolled in none).
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('person-name')).toHaveText('Hoàng Văn Nam');
  await page.keyboard.press('F4');
  await expect(page.getByTestId('household-payment')).toBeVisible();
  await expect(page.getByTestId('scheme').locator('.ant-segmented-item-selected')).toContainText('BHYT hộ gia đình');
  const rows = page.getByTestId('payment-member');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('Người thứ 1');
  await expect(rows.nth(2)).toContainText('Người thứ 3');
  // The office's day is the core's (--clock-start 3 March), not the browser's: newcomers start in March.
  await expect(rows.nth(1)).toContainText('03/2026');
  // 12 months at base 2 340 000 (paid before 1 Jul 2026): 105 300 / 73 710 / 63 180 a month.
  await expect(page.getByTestId('member-amount')).toHaveText(['1.263.600 đ', '884.520 đ', '758.160 đ']);
  await expect(page.getByTestId('quote-total')).toHaveText('2.906.280 đ');
  await expect(page.getByTestId('confirm-collect')).toContainText('Thu cho 3 người và lập biên lai');
  await shot(page, 'collect-household');
  // Alt+1 goes to voluntary insurance and Alt+2 back, without the mouse.
  await page.keyboard.press('Alt+1');
  await expect(page.getByTestId('household-payment')).toHaveCount(0);
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('quote-total')).toHaveText('2.906.280 đ');
  await page.getByTestId('collect-months').press('Enter');

  // One receipt per member, in the household's order, numbered one after another.
  await expect(page.getByTestId('receipt-set-page')).toBeVisible();
  const sheets = page.getByTestId('receipt-set-sheet');
  await expect(sheets).toHaveCount(3);
  await expect(page.getByTestId('receipt-set-total')).toHaveText('3 biên lai, tổng cộng 2.906.280 đ');
  await expect(sheets.getByTestId('receipt-amount')).toHaveText(['1.263.600 đ', '884.520 đ', '758.160 đ']);
  const numbers = (await sheets.getByTestId('receipt-number').allTextContents()).map(Number);
  expect(numbers).toEqual([numbers[0]!, numbers[0]! + 1, numbers[0]! + 2]);
  await expect(sheets.nth(1).getByTestId('receipt-basis')).toContainText('Người thứ 2 trong hộ: đóng 70% mức của người thứ nhất');
  await shot(page, 'receipt-set');

  // Printed in one go: one A5 sheet per member.
  mkdirSync('test-results', { recursive: true });
  await page.pdf({ path: 'test-results/household-receipts.pdf', format: 'A5', printBackground: true });
  expect(execFileSync('pdfinfo', ['test-results/household-receipts.pdf'], { encoding: 'utf8' })).toMatch(/^Pages:\s+3$/m);
  await page.evaluate(() => Object.assign(globalThis, { print: () => undefined }));
  await page.keyboard.press('Control+p');
  await expect(sheets.getByTestId('receipt-copy')).toHaveCount(3);
  await expect(sheets.getByTestId('receipt-copy').first()).toHaveText('BẢN SAO');

  // The day's receipts are the core's day's: the picker shows 3 March and lists all three.
  await page.getByRole('link', { name: 'Biên lai trong ngày' }).click();
  await expect(page.getByTestId('day-receipts-page').getByRole('textbox')).toHaveValue('03/03/2026');
  await expect(page.getByTestId('day-receipts-page').locator('tbody tr.ant-table-row')).toHaveCount(3);
  await page.goBack();
  // Each member shows their next period due.
  await page.getByRole('link', { name: /Hoàng Minh Khôi/ }).click();
  await page.getByRole('link', { name: 'Hồ sơ người nộp' }).click();
  await expect(page.getByTestId('enrollments')).toContainText('từ 03/2027, 12 tháng');
});
