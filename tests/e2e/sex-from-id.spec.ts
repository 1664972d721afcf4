// The sex taken from the personal ID is shown for the clerk to check (issue 25 item 4): a woman's ID
// mistyped with a man's fourth digit used to save her as Nam without a word. Now the form says
// where the sex came from, warns when the middle name ("Thị") says otherwise, and follows the ID
// when the digit is fixed — until the clerk chooses the sex, which is then theirs. A sex taken from
// the ID is not saved until the clerk confirms it (issue 23 item 6).
import type { Page } from '@playwright/test';
import { expect, pick, shot, signIn, test } from './harness-fixture';
import { officeByApi } from './office-data';

/** A new registration form with the name and birth date filled, the sex left unchosen. */
async function startRegistration(page: Page, url: string, fullName: string, dateOfBirth: string) {
  await officeByApi(page, url, { code: 'HN0104', name: 'Bảo hiểm xã hội cơ sở Cầu Giấy' });
  await page.goto(url);
  await signIn(page, 'giamsat', 'mat-khau-giam-sat');
  await page.keyboard.press('F2');
  await page.getByLabel('Họ và tên').fill(fullName);
  const dob = page.getByLabel('Ngày sinh');
  await dob.fill(dateOfBirth);
  await dob.press('Enter');
}

test('the sex taken from the personal ID is shown, and a middle name that disagrees is warned of', async ({ page, harness }) => {
  await startRegistration(page, harness.url, 'Nguyễn Thị Lan', '02/03/1991');
  // Her ID with a man's fourth digit ("0": a man born 1900–1999).
  await page.getByLabel('Số định danh cá nhân').fill('001091002031');
  await expect(page.getByRole('radio', { name: 'Nam' })).toBeChecked();
  await expect(page.getByTestId('sex-name-warning')).toHaveText(
    'Giới tính là Nam, nhưng tên đệm "Thị" thường dùng cho giới kia: kiểm tra lại giới tính và chữ số thứ 4 của số định danh.',
  );
  await shot(page, 'sex-name-warning');
  // The digit fixed, the sex follows the ID, and the form says where it came from.
  await page.getByLabel('Số định danh cá nhân').fill('001191002031');
  await expect(page.getByRole('radio', { name: 'Nữ' })).toBeChecked();
  await expect(page.getByTestId('sex-name-warning')).toHaveCount(0);
  await expect(page.getByTestId('sex-from-id')).toHaveText('Theo số định danh (chữ số thứ 4 là "1"): Nữ. Đối chiếu với giấy tờ.');
  // The ID check then speaks of the birth date only: the sex came from the ID, it cannot confirm it.
  await expect(page.getByTestId('personal-id-check')).toHaveText('Số định danh khớp với ngày sinh.');
  // Chosen by the clerk, the sex is theirs: no longer "from the ID", and the ID no longer moves it.
  await page.locator('label.ant-radio-button-wrapper', { hasText: /^Nam$/ }).click();
  await expect(page.getByTestId('sex-from-id')).toHaveCount(0);
  await expect(page.getByTestId('sex-name-warning')).toBeVisible();
  await expect(page.getByTestId('personal-id-check')).toContainText('Chữ số thứ 4');
  await page.getByLabel('Số định danh cá nhân').fill('001191002032');
  await expect(page.getByRole('radio', { name: 'Nam' })).toBeChecked();
  await page.locator('label.ant-radio-button-wrapper', { hasText: /^Nữ$/ }).click();
  await expect(page.getByTestId('sex-name-warning')).toHaveCount(0);
  await pick(page, page.getByLabel('Xã/phường/đặc khu'), 'ba dinh', 'Ba Đình');
  await page.getByLabel('Thôn/xóm, số nhà, đường').fill('Số 1 ngõ 2');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('person-name')).toHaveText('Nguyễn Thị Lan');
  await expect(page.getByTestId('person-page')).toContainText('Nữ');
});

test('a sex taken from the personal ID is not saved until the clerk confirms it, by keyboard', async ({ page, harness }) => {
  await startRegistration(page, harness.url, 'Trần Thu Hà', '05/06/1992');
  // The sex left for the ID to tell ("1": a woman born 1900–1999).
  await page.getByLabel('Số định danh cá nhân').fill('001192004455');
  await expect(page.getByRole('radio', { name: 'Nữ' })).toBeChecked();
  await pick(page, page.getByLabel('Xã/phường/đặc khu'), 'ba dinh', 'Ba Đình');
  await page.getByLabel('Thôn/xóm, số nhà, đường').fill('Số 3 ngõ 4');
  let registered = 0;
  page.on('request', (r) => void (r.url().endsWith('/rpc/participants.register') && registered++));
  // Ctrl+S does not save: the cursor goes to the sex chosen by the ID, with what to do.
  await page.keyboard.press('Control+s');
  const sexItem = page.locator('.ant-form-item').filter({ has: page.getByRole('radio', { name: 'Nữ' }) });
  await expect(sexItem.locator('.ant-form-item-explain-error')).toHaveText('Xác nhận giới tính theo giấy tờ: chọn Nam hoặc Nữ');
  await expect(page.getByRole('radio', { name: 'Nữ' })).toBeFocused();
  await expect(page.getByTestId('person-form')).toBeVisible();
  await shot(page, 'sex-confirm-required');
  // The Save button refuses the same way.
  await page.getByTestId('save-person').click();
  await expect(page.getByRole('radio', { name: 'Nữ' })).toBeFocused();
  expect(registered).toBe(0);
  // Enter on the sex confirms it (and moves on); the message and the "from the ID" hint go.
  await page.keyboard.press('Enter');
  await expect(sexItem.locator('.ant-form-item-explain-error')).toHaveCount(0);
  await expect(page.getByTestId('sex-from-id')).toHaveCount(0);
  await expect(page.getByTestId('personal-id-check')).toHaveText('Số định danh khớp với ngày sinh và giới tính.');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('person-name')).toHaveText('Trần Thu Hà');
  await expect(page.getByTestId('person-page')).toContainText('Nữ');
  expect(registered).toBe(1);
});
