// The screens as a counter clerk meets them at 1366×768 (issue 25 items 10 and 12): the status bar
// shows only what a clerk can act on (online or not, the last sync — no counts of work waiting to
// be sent, no backup reminder), the supervisor's screens are not offered, and a receipt another
// clerk collected is viewed with its print and void buttons off and the reason beside them — as
// is the void of the clerk's own receipt on a later day. Each screen passes the accessibility
// check and is photographed (test-results/screens/clerk-*.png), in Vietnamese and in English.
import type { Page } from '@playwright/test';
import { seriousViolations } from './accessibility';
import { animationsSettled, expect, signIn, test } from './harness-fixture';
import { officeByApi } from './office-data';

const CLERK = { username: 'quay1', password: 'mat-khau-quay-1', fullName: 'Phạm Văn Quầy' };
const OTHER_CLERK = { username: 'quay2', password: 'mat-khau-quay-2', fullName: 'Lê Thị Thu' };
const DAY_ONE = '2026-03-03T09:00:00+07:00';
const DAY_TWO = '2026-03-04T08:00:00+07:00';

async function screen(page: Page, name: string) {
  await animationsSettled(page);
  await page.screenshot({ path: `test-results/screens/${name}.png` });
  expect(await seriousViolations(page), `${name}: accessibility`).toEqual([]);
}

/** The status bar as a clerk sees it: the link's state only. */
async function clerkStatusBar(page: Page) {
  await expect(page.getByTestId('sync-status')).toBeVisible();
  await expect(page.getByTestId('sync-pending')).toHaveCount(0);
  await expect(page.getByTestId('backup-reminder')).toHaveCount(0);
  await expect(page.getByTestId('sync-open-issues')).toHaveCount(0);
}

test('a counter clerk sees what is theirs to act on, and why another clerk’s receipt cannot be printed or voided', async ({ page, harnesses }) => {
  const office = await harnesses.start(['--clock-start', DAY_ONE, '--sync-interval', '0']);
  const data = await officeByApi(page, office.url, { code: 'HN0108', name: 'Bảo hiểm xã hội cơ sở Hoàng Mai' });
  await data.call('staff.create', { ...CLERK, role: 'counter' });
  await data.call('staff.create', { ...OTHER_CLERK, role: 'counter' });
  const login = async (who: typeof CLERK) => (await data.call<{ token: string }>('auth.login', { username: who.username, password: who.password })).token;
  const pay = async (token: string, participantId: string) => {
    const input = { participantId, scheme: 'VSI', fromMonth: '2026-03', months: 1, incomeBasis: 3_000_000 };
    const quote = await data.call<{ total: number }>('contributions.quote', input, token);
    return (await data.call<{ receipt: { id: string; label: string } }>('contributions.record', { ...input, expectedTotal: quote.total }, token)).receipt;
  };
  const mine = await data.register({ fullName: 'Đinh Văn Hải', dateOfBirth: '1984-07-07', sex: 'male', personalId: '001084007070' });
  const theirs = await data.register({ fullName: 'Đinh Thị Hoa', dateOfBirth: '1986-08-08', sex: 'female', personalId: '001186008080' });
  const myReceipt = await pay(await login(CLERK), mine.id);
  const theirReceipt = await pay(await login(OTHER_CLERK), theirs.id);

  await page.goto(office.url);
  await signIn(page, CLERK.username, CLERK.password);
  // Only the clerk's screens: no day-end, staff or sync in the header; no counts to worry about.
  await expect(page.locator('.app-nav a')).toHaveText(['Tra cứu', 'Biên lai trong ngày', 'Kiểm tra biên lai']);
  await clerkStatusBar(page);
  await expect(page.getByTestId('sync-status')).toHaveText('Chưa đăng ký đồng bộ');
  await screen(page, 'clerk-search');
  // A supervisor's screen typed into the address bar is the search again.
  await page.goto(`${office.url}#/day-end`);
  await expect(page.getByTestId('search-page')).toBeVisible();

  // Another clerk's receipt: viewed, not printed or voided — the reason is on the screen and on both buttons.
  await page.goto(`${office.url}#/receipt/${theirReceipt.id}`);
  await expect(page.getByTestId('receipt-document')).toContainText('Đinh Thị Hoa');
  const othersReason = 'Biên lai của người thu khác: chỉ người thu tiền hoặc giám sát viên được in và hủy; bạn vẫn xem được.';
  await expect(page.getByTestId('receipt-rights')).toHaveText(othersReason);
  await expect(page.getByTestId('print-receipt')).toBeDisabled();
  await expect(page.getByTestId('void-receipt')).toBeDisabled();
  await expect(page.getByTestId('void-receipt')).toHaveAttribute('title', othersReason);
  await expect(page.getByTestId('print-receipt')).toHaveAttribute('title', othersReason);
  await clerkStatusBar(page);
  await screen(page, 'clerk-others-receipt');

  // The clerk's own receipt today: both buttons on, no note.
  await page.goto(`${office.url}#/receipt/${myReceipt.id}`);
  await expect(page.getByTestId('receipt-document')).toContainText('Đinh Văn Hải');
  await expect(page.getByTestId('print-receipt')).toBeEnabled();
  await expect(page.getByTestId('void-receipt')).toBeEnabled();
  await expect(page.getByTestId('receipt-rights')).toHaveCount(0);

  // The clerk's day: their own receipts only.
  await page.goto(`${office.url}#/receipts`);
  await expect(page.getByTestId('day-receipts-page').locator('tbody tr.ant-table-row')).toHaveCount(1);
  await screen(page, 'clerk-day-receipts');
  await page.goto(`${office.url}#/person/${mine.id}`);
  await expect(page.getByTestId('person-name')).toHaveText('Đinh Văn Hải');
  await clerkStatusBar(page);
  await screen(page, 'clerk-person');

  // In English: the same screens, the same rules, the reason in English.
  await page.locator('.app-header .ant-segmented-item', { hasText: 'EN' }).click();
  await expect(page.getByTestId('sign-out')).toHaveText('Sign out');
  await screen(page, 'clerk-person-en');
  await page.goto(`${office.url}#/person/${mine.id}/collect`);
  await expect(page.getByTestId('quote-total')).not.toHaveText('—');
  await screen(page, 'clerk-collect-en');
  await page.goto(`${office.url}#/receipt/${theirReceipt.id}`);
  await expect(page.getByTestId('receipt-rights')).toHaveText(
    'Another clerk’s receipt: only the clerk who collected it or a supervisor may print or void it; you may still view it.',
  );
  await screen(page, 'clerk-others-receipt-en');
  await page.goto(`${office.url}#/receipts`);
  await expect(page.getByTestId('day-receipts-page')).toBeVisible();
  await screen(page, 'clerk-day-receipts-en');
  await page.locator('.app-header .ant-segmented-item', { hasText: 'VI' }).click();
  await expect(page.getByTestId('sign-out')).toHaveText('Đăng xuất');

  // The next day, the clerk's own receipt of yesterday: printed again if need be, voided only by a supervisor.
  await office.restart(['--clock-start', DAY_TWO, '--sync-interval', '0']);
  await page.goto(`${office.url}#/receipt/${myReceipt.id}`);
  await signIn(page, CLERK.username, CLERK.password);
  await page.goto(`${office.url}#/receipt/${myReceipt.id}`);
  await expect(page.getByTestId('receipt-document')).toContainText('Đinh Văn Hải');
  await expect(page.getByTestId('print-receipt')).toBeEnabled();
  await expect(page.getByTestId('void-receipt')).toBeDisabled();
  await expect(page.getByTestId('receipt-rights')).toHaveText('Biên lai của ngày trước: chỉ giám sát viên được hủy (hoàn tiền cho người nộp).');
  await screen(page, 'clerk-own-receipt-next-day');
});
