// Money fields take money (issue 25 item 3) and the core's messages follow the language (item 10):
// "hai triệu" is refused with an example instead of becoming "0ai triệu"; an income out of range is
// refused with its range, never clamped, and Enter records nothing until what is typed parses and
// is priced; 99 months are refused, not cut to 60; "abc" in the counted cash is no count. Switched
// to English, the core's refusal beside the field is the core's English.
import { expect, signIn, shot, test } from './harness-fixture';
import { officeByApi } from './office-data';

test('amounts are read as typed or refused with a reason, and nothing unread is recorded', async ({ page, harnesses }) => {
  const office = await harnesses.start(['--clock-start', '2026-03-03T09:00:00+07:00', '--sync-interval', '0']);
  const api = await officeByApi(page, office.url, { code: 'HN0106', name: 'Bảo hiểm xã hội cơ sở Hoàng Mai' });
  const person = await api.register({ fullName: 'Đào Văn Bình', dateOfBirth: '1979-12-01', sex: 'male', personalId: '001079012010' });
  await page.goto(office.url);
  await signIn(page, 'giamsat', 'mat-khau-giam-sat');
  await page.goto(`${office.url}#/person/${person.id}/collect`);
  const income = page.getByTestId('collect-income');
  const incomeItem = page.locator('.ant-form-item').filter({ has: income });
  await expect(income).toBeFocused();

  // Words are refused with an example, left as typed, and Enter records nothing.
  await page.keyboard.type('hai triệu');
  await page.keyboard.press('Enter');
  await expect(incomeItem.locator('.ant-form-item-explain-error')).toHaveText('Nhập số tiền bằng chữ số, ví dụ 2.000.000 hoặc 2tr.');
  await expect(income).toHaveValue('hai triệu');
  await expect(page.getByTestId('quote-total')).toHaveText('—');
  await expect(page.getByTestId('collect-page')).toBeVisible();

  // Below the floor: the core's refusal, with the range, beside the income; Enter records nothing.
  await income.press('Control+a');
  await page.keyboard.type('500000');
  await expect(income).toHaveValue('500.000');
  const range = 'Mức thu nhập lựa chọn phải từ 1.500.000 đ đến 46.800.000 đ (áp dụng ngày 03/03/2026).';
  await expect(incomeItem.locator('.ant-form-item-explain')).toHaveText(range);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('collect-page')).toBeVisible();
  await expect(page.getByTestId('confirm-collect')).toBeDisabled();
  await shot(page, 'collect-income-refused');
  // In English, the core's own English.
  await page.locator('.app-header .ant-segmented-item', { hasText: 'EN' }).click();
  await expect(incomeItem.locator('.ant-form-item-explain')).toHaveText(
    'The chosen income must be between 1.500.000 đ and 46.800.000 đ (in force on 03/03/2026).',
  );
  await page.locator('.app-header .ant-segmented-item', { hasText: 'VI' }).click();
  await expect(incomeItem.locator('.ant-form-item-explain')).toHaveText(range);

  // 99 months are refused with the range, not cut to 60.
  await income.press('Control+a');
  await page.keyboard.type('2,5tr');
  const months = page.getByTestId('collect-months');
  await months.press('Control+a');
  await page.keyboard.type('99');
  await page.keyboard.press('Enter');
  await expect(page.locator('.ant-form-item').filter({ has: months }).locator('.ant-form-item-explain-error')).toHaveText('Phải từ 1 đến 60.');
  await expect(months).toHaveValue('99');
  await expect(page.getByTestId('collect-page')).toBeVisible();
  // Fixed, Enter records at the income typed (2,5tr = 2.500.000 đ).
  await months.press('Control+a');
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('receipt-basis')).toContainText('Thu nhập tháng làm căn cứ đóng: 2.500.000 đ');
  const amount = (await page.getByTestId('receipt-amount').textContent())!.replace(/\D/g, '');

  // At day-end, "abc" counted is no count: no difference, and the day cannot close on it.
  await page.getByRole('link', { name: 'Chốt ngày' }).click();
  const cash = page.getByTestId('cash-counted');
  await cash.pressSequentially('abc');
  await expect(cash).toHaveValue('abc');
  await expect(page.getByTestId('cash-difference')).toHaveText('—');
  await expect(page.getByTestId('close-day')).toBeDisabled();
  await cash.press('Control+a');
  await cash.pressSequentially(amount);
  await expect(page.getByTestId('cash-difference')).toHaveText('Khớp');
  await expect(page.getByTestId('close-day')).toBeEnabled();
});
