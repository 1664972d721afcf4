// Signing in to the provincial console as its staff do, in a browser context of its own: the sign-in
// page, the name and password typed, Enter, and the offices page that follows.
import type { Browser, Page } from '@playwright/test';
import { expect } from './harness-fixture';

export async function signInToConsole(browser: Browser, url: string, who: { username: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(new URL('console', url).toString());
  await expect(page.getByTestId('sign-in-page')).toBeVisible();
  await page.getByLabel('Tên đăng nhập').fill(who.username);
  await page.getByLabel('Mật khẩu').fill(who.password);
  await page.getByLabel('Mật khẩu').press('Enter');
  await expect(page.getByTestId('offices-page')).toBeVisible();
  return page;
}
