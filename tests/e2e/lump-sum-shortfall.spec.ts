// The lump sum for the years missing to a pension (issue 23 item 3), at the counter at 1366×768: the
// clerk picks the method, types the months already contributed from the SI book and the months
// missing; the quote shows each missing month compounded at the fund's return, says that return is
// provisional, and Enter records it. Months that are not exactly the missing ones, and a payer not yet
// at the retirement age, are refused beside the field with the reason. An ordinary month names its
// support rule and legal source on the quote and the receipt.
import type { Page } from '@playwright/test';
import { expect, pick, shot, signIn, test } from './harness-fixture';
import { collectFor, officeByApi } from './office-data';

const CLERK = { username: 'quay6', password: 'mat-khau-quay-6', fullName: 'Trần Văn Quầy', role: 'counter' };

/** Income, the lump sum for missing years, then the months contributed and the months paid. */
async function askShortfall(page: Page, contributed: string, months: string) {
  await page.getByTestId('collect-income').fill('1500000');
  await pick(page, page.getByLabel('Phương thức đóng'), '', /những năm còn thiếu/);
  // Until the months contributed are typed there is nothing to price: the panel says what to type.
  await expect(page.getByTestId('quote-prompt')).toContainText('số tháng đã đóng BHXH');
  await page.getByTestId('collect-contributedMonths').fill(contributed);
  await page.getByTestId('collect-months').fill(months);
}

test('a lump sum for the years missing to a pension is priced month by month, refused with its reason, and recorded', async ({ page, harness }) => {
  const office = await officeByApi(page, harness.url, { code: 'HN0109', name: 'Bảo hiểm xã hội cơ sở Hoàn Kiếm' });
  await office.call('staff.create', CLERK);
  // He reached his retirement age (61 y 0–3 m) in 2021; she (born 1975) reaches hers only in the 2030s.
  await office.register({ fullName: 'Hoàng Văn Thạch', dateOfBirth: '1960-04-05', sex: 'male', personalId: '001060004321', addressLine: 'Số 12 phố Hàng Bạc' });
  await office.register({ fullName: 'Phạm Thị Lành', dateOfBirth: '1975-05-20', sex: 'female', personalId: '001175004322' });

  await page.goto(harness.url);
  await signIn(page, CLERK.username, CLERK.password);

  // Not yet at the retirement age: refused beside the method, with the day she reaches it.
  await collectFor(page, 'pham thi lanh', 'Phạm Thị Lành');
  await askShortfall(page, '170', '10');
  const method = page.locator('.ant-form-item', { has: page.getByLabel('Phương thức đóng') });
  await expect(method.locator('.ant-form-item-explain-error')).toContainText('Chưa đủ tuổi nghỉ hưu');
  await expect(page.getByTestId('confirm-collect')).toBeDisabled();

  // 170 months contributed of the 180 a pension needs: 10 missing.
  // He has paid this month already (monthly): the lump sum is still taken this month, not refused
  // as a month paid twice.
  await collectFor(page, 'hoang van thach', 'Hoàng Văn Thạch');
  await page.getByTestId('collect-income').fill('1500000');
  await expect(page.getByTestId('quote-total')).toHaveText('264.000 đ');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('receipt-page')).toContainText('264.000');
  await collectFor(page, 'hoang van thach', 'Hoàng Văn Thạch');
  await askShortfall(page, '170', '12');
  const months = page.locator('.ant-form-item', { has: page.getByTestId('collect-months') });
  await expect(months.locator('.ant-form-item-explain-error')).toContainText('Đóng một lần đúng 10 tháng còn thiếu (đã đóng 170 / 180 tháng)');
  await page.getByTestId('collect-months').fill('10');
  await expect(months.locator('.ant-form-item-explain-error')).toHaveCount(0);

  // Month i of the 10 costs 22 % × 1 500 000 × 1,004^i, each rounded once (docs/law/worked-cases.md, S1's method):
  // 331 320 + 332 645 + 333 976 + 335 312 + 336 653 + 338 000 + 339 352 + 340 709 + 342 072 + 343 440.
  await expect(page.getByTestId('quote-total')).toHaveText('3.373.479 đ');
  const rows = page.getByTestId('quote').locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(10);
  await expect(rows.first()).toContainText('đóng cho năm còn thiếu');
  await expect(rows.first()).toContainText('331.320');
  await expect(rows.last()).toContainText('343.440');
  // No state support inside this lump sum (the shipped data): no support rule is named.
  await expect(page.getByTestId('quote-support')).toHaveCount(0);
  // The fund's monthly return is a placeholder: the quote says it is provisional.
  await expect(page.getByTestId('quote-provisional')).toContainText('Giá trị tạm tính');
  await expect(page.getByTestId('quote-provisional')).toContainText('lãi suất');
  await shot(page, 'lump-sum-shortfall-quote');

  await expect(page.getByTestId('confirm-collect')).toBeEnabled();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('receipt-page')).toBeVisible();
  await expect(page.getByTestId('receipt-page')).toContainText('3.373.479');
  await expect(page.getByTestId('receipt-page')).toContainText('Đóng một lần cho những năm còn thiếu');
  // The months paid are the ones missing to the pension, not calendar months ahead.
  const thisMonth = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', month: '2-digit', year: 'numeric' }).format(new Date());
  await expect(page.getByTestId('receipt-page')).toContainText(`10 tháng còn thiếu để hưởng lương hưu, đóng một lần trong tháng ${thisMonth}`);
  await expect(page.getByTestId('receipt-page')).not.toContainText('đến tháng');
  await shot(page, 'lump-sum-shortfall-receipt');

  // Her ordinary month: the quote names the support rule with its legal source and the provisional
  // poverty line, and her receipt prints the rule and its source (issue 23 items 1 and 7).
  await collectFor(page, 'pham thi lanh', 'Phạm Thị Lành');
  await page.getByTestId('collect-income').fill('1500000');
  await expect(page.getByTestId('quote-total')).toHaveText('264.000 đ');
  await expect(page.getByTestId('quote-support')).toContainText(/20% vì người tham gia khác \(mức hỗ trợ chung\)/i);
  await expect(page.getByTestId('quote-support')).toContainText('Nghị định 159/2025/NĐ-CP');
  await expect(page.getByTestId('quote-provisional')).toContainText('chuẩn nghèo');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('receipt-page')).toContainText('264.000');
  await expect(page.getByTestId('receipt-page')).toContainText(/người tham gia khác \(mức hỗ trợ chung\) \(Nghị định 159\/2025\/NĐ-CP/i);
});
