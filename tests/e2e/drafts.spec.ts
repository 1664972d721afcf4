// A registration interrupted half-way is not lost: the form is kept as a draft while the clerk
// types; after the harness is killed and started again (a crash, a flat battery), the clerk signs
// in, opens the form, is offered the draft, restores it, finishes and saves — and the draft is
// gone. Another clerk opening the form on the same device is not offered it.
import { expect, pick, rpc, shot, signIn, test } from './harness-fixture';
import { openRegistrationForm, SUPERVISOR } from './office-data';

const CLERK = { username: 'quay2', password: 'mat-khau-quay-2', fullName: 'Lê Thị Quầy', role: 'counter' };

test('a half-typed registration survives a crash as the clerk’s own draft', async ({ page, harness }) => {
  await openRegistrationForm(page, harness.url, { code: 'HN0107', name: 'Bảo hiểm xã hội cơ sở Ba Đình' }, CLERK);
  await page.getByLabel('Họ và tên').fill('Hoàng Thị Mai');
  const dob = page.getByLabel('Ngày sinh');
  await dob.fill('03/08/1979');
  await dob.press('Enter');
  await page.locator('label.ant-radio-button-wrapper', { hasText: /^Nữ$/ }).click();
  await page.getByLabel('Số định danh cá nhân').fill('001179004321');
  await expect(page.getByTestId('draft-saved')).toContainText('Đã lưu nháp lúc');
  // The crash comes once the draft holds the last field typed (the indicator shows any earlier save too).
  const clerk = await rpc<{ token: string }>(page, harness.url, 'auth.login', { username: CLERK.username, password: CLERK.password });
  await expect
    .poll(
      async () => (await rpc<{ data: Record<string, string | null> } | null>(page, harness.url, 'drafts.get', { form: 'person-register' }, clerk.token))?.data,
    )
    .toMatchObject({ fullName: 'Hoàng Thị Mai', dateOfBirth: '1979-08-03', personalId: '001179004321' });

  // The crash: the core's process is killed and started again on the same data.
  await harness.restart();
  await page.goto(harness.url);
  await page.reload();
  await signIn(page, CLERK.username, CLERK.password);
  await page.keyboard.press('F2');
  const offer = page.getByTestId('draft-offer');
  await expect(offer).toContainText('Có bản nháp chưa lưu lúc');
  await expect(offer).toContainText('Hoàng Thị Mai');
  await shot(page, 'draft-offer');
  // Keyboard-first: the offer takes the focus, Enter restores, and the cursor goes back to the form.
  await expect(page.getByTestId('draft-restore')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(offer).toHaveCount(0);
  await expect(page.getByLabel('Họ và tên')).toBeFocused();
  await expect(page.getByLabel('Họ và tên')).toHaveValue('Hoàng Thị Mai');
  await expect(page.getByLabel('Ngày sinh')).toHaveValue('03/08/1979');
  await expect(page.getByLabel('Số định danh cá nhân')).toHaveValue('001179004321');

  // Another clerk on this device is not offered it.
  const other = await page.context().browser()!.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto(harness.url);
  await signIn(otherPage, SUPERVISOR.username, SUPERVISOR.password);
  await otherPage.keyboard.press('F2');
  await expect(otherPage.getByTestId('person-form')).toBeVisible();
  await expect(otherPage.getByLabel('Họ và tên')).toBeFocused();
  await expect(otherPage.getByTestId('draft-offer')).toHaveCount(0);
  await other.close();

  // The clerk finishes and saves; the draft has done its work.
  await pick(page, page.getByLabel('Xã/phường/đặc khu'), 'ba dinh', 'Ba Đình');
  await page.getByLabel('Thôn/xóm, số nhà, đường').fill('Số 7 phố Kim Mã');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('person-name')).toHaveText('Hoàng Thị Mai');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('search-page')).toBeVisible();
  await page.keyboard.press('F2');
  await expect(page.getByTestId('person-form')).toBeVisible();
  await expect(page.getByLabel('Họ và tên')).toBeFocused();
  await expect(page.getByTestId('draft-offer')).toHaveCount(0);
});
