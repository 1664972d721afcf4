// An address as on old papers (before the 2025 mergers), typed on the registration form without
// accents: the clerk picks the old ward, the form fills today's province and ward, a ward divided
// between two new ones offers both, the form says which support share applies and why as the facts
// are typed (a near-poor certificate), the personal ID is checked while it is typed, and the saved
// person keeps the old address beside the new one. At 1366×768.
import { expect, shot, test } from './harness-fixture';
import { openRegistrationForm } from './office-data';

const CLERK = { username: 'quay3', password: 'mat-khau-quay-3', fullName: 'Vũ Văn Quầy', role: 'counter' };

test('an old address typed on the form lands on today’s ward and is kept beside it', async ({ page, harness }) => {
  await openRegistrationForm(page, harness.url, { code: 'HN0108', name: 'Bảo hiểm xã hội cơ sở Ba Đình' }, CLERK);

  await page.getByLabel('Họ và tên').fill('Nguyễn Thị Hồng');
  const dob = page.getByLabel('Ngày sinh');
  await dob.fill('12/04/1983');
  await dob.press('Enter');
  await page.locator('label.ant-radio-button-wrapper', { hasText: /^Nữ$/ }).click();
  // The personal ID is checked while it is typed: a wrong century/sex digit and year are named at once.
  const id = page.getByLabel('Số định danh cá nhân');
  await id.fill('001085123456');
  await expect(page.getByTestId('personal-id-check')).toContainText('Chữ số thứ 4 là "0"');
  await expect(page.getByTestId('personal-id-check')).toContainText('năm sinh trên tờ khai là 1983');
  await id.fill('999');
  await expect(page.getByTestId('personal-id-check')).toContainText('Ba chữ số đầu "999"');
  await id.fill('001183123456');
  await expect(page.getByTestId('personal-id-check')).toContainText('khớp với ngày sinh và giới tính');
  await page.getByLabel('Thôn/xóm, số nhà, đường').fill('Số 5 ngõ 12 Phúc Xá');

  // The old ward, typed as on the household book, without accents.
  const old = page.getByTestId('field-legacyAddress');
  await old.fill('cong vi ba dinh');
  const options = page.getByTestId('legacy-option');
  await expect(options).toHaveCount(2);
  await expect(options.first()).toContainText('đã chia');
  await old.fill('phuc xa ba dinh ha noi');
  await expect(options.first()).toContainText('Phường Phúc Xá, Quận Ba Đình, Thành phố Hà Nội');
  await expect(options.first()).toContainText('nay là Phường Hồng Hà');
  await shot(page, 'legacy-address-options');
  await options.first().click();
  await expect(page.getByTestId('legacy-chosen')).toHaveText('Địa chỉ cũ: Phường Phúc Xá, Quận Ba Đình, Thành phố Hà Nội');
  await expect(page.locator('.ant-form-item').filter({ has: page.getByLabel('Xã/phường/đặc khu', { exact: true }) })).toContainText('Hồng Hà');

  // A near-poor certificate: the form says which share each scheme applies today, and why.
  await page.getByLabel('Hộ nghèo / cận nghèo').click();
  await page.locator('.ant-select-item-option', { hasText: /^Hộ cận nghèo$/ }).click();
  await page.getByTestId('field-povertyNumber').fill('CN-2026-0456');
  for (const [label, value] of [
    ['Hiệu lực từ', '01/01/2026'],
    ['Đến ngày', '31/12/2030'],
  ] as const) {
    const field = page.getByLabel(label, { exact: true });
    await field.fill(value);
    await field.press('Enter');
  }
  await expect(page.getByTestId('support-preview-vsi')).toContainText('hỗ trợ 40%');
  await expect(page.getByTestId('support-preview-hhi')).toContainText('hỗ trợ 70%');
  await expect(page.getByTestId('support-preview-hhi')).toContainText('Hộ cận nghèo (giấy chứng nhận số CN-2026-0456');
  await shot(page, 'legacy-address-form');

  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('person-name')).toHaveText('Nguyễn Thị Hồng');
  await expect(page.getByTestId('person-page')).toContainText('Phường Hồng Hà');
  await expect(page.getByTestId('person-legacy-address')).toContainText('Phường Phúc Xá, Quận Ba Đình, Thành phố Hà Nội');
  await expect(page.getByTestId('person-facts')).toContainText('Hộ cận nghèo (CN-2026-0456');
  await shot(page, 'legacy-address-person');
});
