// A wrong password says so: the message, the attempts left before the account locks, and once it
// locks (the fifth failure), until when — in office time, on the office's clock (--clock-start).
// The password box is emptied with the cursor back in it each time; the username stays.
import { expect, shot, test } from './harness-fixture';
import { officeByApi } from './office-data';

test('a wrong password says so with the attempts left, and a locked account until when', async ({ page, harnesses }) => {
  const harness = await harnesses.start(['--clock-start', '2026-03-03T09:00:00+07:00', '--sync-interval', '0']);
  await officeByApi(page, harness.url, { code: 'HN0109', name: 'Bảo hiểm xã hội cơ sở Tây Hồ' });
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  const password = page.getByLabel('Mật khẩu');
  await page.getByLabel('Tên đăng nhập').fill('giamsat');
  for (const left of [4, 3, 2, 1]) {
    await password.fill('sai-mat-khau');
    await password.press('Enter');
    await expect(page.getByTestId('login-error')).toHaveText(`Tên đăng nhập hoặc mật khẩu không đúng. Còn ${left} lần thử trước khi tài khoản bị tạm khóa.`);
    await expect(password).toHaveValue('');
    await expect(password).toBeFocused();
    await expect(page.getByLabel('Tên đăng nhập')).toHaveValue('giamsat');
  }
  await shot(page, 'login-wrong-password');
  await password.fill('sai-mat-khau');
  await password.press('Enter');
  // Locked for 15 minutes from the fifth failure, at about 09:00 on the office's clock.
  await expect(page.getByTestId('login-error')).toHaveText(
    /^Tài khoản tạm khóa đến 09:1[5-9] 03\/03\/2026 do nhập sai mật khẩu nhiều lần\. Thử lại sau thời điểm đó hoặc nhờ giám sát viên mở khóa\.$/,
  );
  // Even the right password waits for the lock to end.
  await password.fill('mat-khau-giam-sat');
  await password.press('Enter');
  await expect(page.getByTestId('login-error')).toContainText('Tài khoản tạm khóa đến 09:1');
  await expect(page.getByTestId('search-page')).toHaveCount(0);
  // In English, the same refusal in English.
  await page.getByText('English').click();
  await expect(page.getByTestId('login-error')).toContainText('The account is locked until 09:1');
  await shot(page, 'login-locked');
});
