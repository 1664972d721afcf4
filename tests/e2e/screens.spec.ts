// Every screen at 1366×768, as a clerk, field officer or supervisor meets it (issue 25 items 11
// and 12): each passes the accessibility check with no serious or critical violation, and is
// photographed as the window shows it (test-results/screens/, to be looked at). Then the text is
// enlarged with Ctrl + (kept on this machine across a reload) and every screen still lays out
// within the window's width — and in English (*-en.png), where the words are longer.
import type { Page } from '@playwright/test';
import { seriousViolations } from './accessibility';
import { animationsSettled, expect, signIn, test } from './harness-fixture';
import { officeByApi, SUPERVISOR } from './office-data';

async function screen(page: Page, name: string) {
  await animationsSettled(page);
  await page.screenshot({ path: `test-results/screens/${name}.png` });
  expect(await seriousViolations(page), `${name}: accessibility`).toEqual([]);
}

/** Nothing wider than the window (a layout that broke would push the page sideways). */
async function fitsWidth(page: Page, name: string) {
  // Typed without the DOM library, as the fixture is: the page's own globals, by shape.
  const { scroll, width } = await page.evaluate(() => {
    const g = globalThis as unknown as { document: { documentElement: { scrollWidth: number } }; innerWidth: number };
    return { scroll: g.document.documentElement.scrollWidth, width: g.innerWidth };
  });
  expect(scroll, `${name}: wider than the window`).toBeLessThanOrEqual(width);
}

test('every screen passes the accessibility check at 1366×768, and at a larger text size still fits', async ({ page, harnesses }) => {
  // Some twenty screens, each visited four times (checked, in English, larger): more than the default two minutes on a busy machine.
  test.setTimeout(240_000);
  const office = await harnesses.start(['--clock-start', '2026-03-03T09:00:00+07:00', '--sync-interval', '0']);
  await page.goto(office.url);
  await expect(page.getByTestId('restore-hint')).toBeVisible();
  await screen(page, 'setup');
  const data = await officeByApi(page, office.url, { code: 'HN0107', name: 'Bảo hiểm xã hội cơ sở Thanh Xuân' });
  const api = data.call;
  await api('staff.create', { username: 'quay1', fullName: 'Phạm Văn Quầy', role: 'counter', password: 'mat-khau-quay-1' });
  const register = (fullName: string, dateOfBirth: string, sex: 'male' | 'female', personalId: string) =>
    data.register({ fullName, dateOfBirth, sex, personalId });
  const head = await register('Vương Thị Hạnh', '1975-02-02', 'female', '001175002020');
  const son = await register('Vương Văn Toàn', '2001-06-06', 'male', '001201006060');
  const household = await api<{ id: string }>('households.create', { headParticipantId: head.id });
  await api('households.addMember', { householdId: household.id, participantId: son.id });
  const hhi = { householdId: household.id, months: 12, members: [head.id, son.id].map((participantId) => ({ participantId, fromMonth: '2026-03' })) };
  const quote = await api<{ total: number }>('contributions.quoteHousehold', hhi);
  const paid = await api<{ items: { receipt: { id: string } }[] }>('contributions.recordHousehold', { ...hhi, expectedTotal: quote.total });
  const receipts = paid.items.map((i) => i.receipt.id);
  const commune = (await api<{ items: { code: string }[] }>('reference.communes', { provinceCode: '01' })).items[0]!.code;
  await api('hamlets.save', { communeCode: commune, kind: 'thon', name: 'Đông' });

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  await screen(page, 'login');
  await signIn(page, SUPERVISOR.username, SUPERVISOR.password);
  const visits: [string, string, string][] = [
    ['search', '#/', 'search-page'],
    ['person', `#/person/${head.id}`, 'person-page'],
    ['person-edit', `#/person/${head.id}/edit`, 'person-form'],
    ['person-new', '#/new', 'person-form'],
    ['collect-household', `#/person/${head.id}/collect`, 'household-payment'],
    ['household', `#/household/${household.id}`, 'household-page'],
    ['receipt', `#/receipt/${receipts[0]}`, 'receipt-page'],
    ['receipt-set', `#/receipt-set/${receipts.join(',')}`, 'receipt-set-page'],
    ['day-receipts', '#/receipts', 'day-receipts-page'],
    ['day-end', '#/day-end', 'day-end-page'],
    ['day-report', '#/day-report/2026-03-03', 'day-report-page'],
    ['staff', '#/staff', 'staff-page'],
    ['sync', '#/sync', 'sync-page'],
    ['sync-issues', '#/sync-issues', 'sync-issues-page'],
    ['verify', '#/verify', 'verify-page'],
    ['audit', '#/audit', 'audit-page'],
    // The field officer's screens (issue 21), as the supervisor sees them: the commune's visit list,
    // its route sheet, and the hamlets / areas / coverage page.
    ['visits', '#/visits', 'visit-table'],
    ['route-sheet', `#/route-sheet?commune=${commune}`, 'route-sheet'],
    ['area', '#/area', 'area-page'],
  ];
  for (const [name, hash, testId] of visits) {
    await page.goto(`${office.url}${hash}`);
    await expect(page.getByTestId(testId)).toBeVisible();
    await screen(page, name);
  }
  // The search with its results, the VSI form of a first payment, and the void dialog.
  await page.goto(office.url);
  await page.getByTestId('search-input').fill('vuong');
  await expect(page.getByTestId('search-result')).toHaveCount(2);
  await screen(page, 'search-results');
  await page.goto(`${office.url}#/person/${son.id}/collect`);
  await page.keyboard.press('Alt+1');
  await page.getByTestId('collect-income').fill('3000000');
  await expect(page.getByTestId('quote-total')).not.toHaveText('—');
  await screen(page, 'collect-vsi');
  // A first payment is one form that fits the window (issue 25 item 2): income, months, the amount
  // and its confirm button, whole, without scrolling.
  for (const id of ['collect-income', 'collect-months', 'quote-total', 'confirm-collect']) {
    await expect(page.getByTestId(id), id).toBeInViewport({ ratio: 1 });
  }
  await page.goto(`${office.url}#/receipt/${receipts[1]}`);
  await page.getByTestId('void-receipt').click();
  await expect(page.getByTestId('void-reason')).toBeFocused();
  await screen(page, 'void-dialog');

  // In English: every screen photographed again (test-results/screens/*-en.png), still within the window's width.
  await page.keyboard.press('Escape');
  await page.locator('.app-header .ant-segmented-item', { hasText: 'EN' }).click();
  await expect(page.getByTestId('sign-out')).toHaveText('Sign out');
  for (const [name, hash, testId] of visits) {
    await page.goto(`${office.url}${hash}`);
    await expect(page.getByTestId(testId)).toBeVisible();
    await animationsSettled(page);
    await fitsWidth(page, `${name} (English)`);
    await page.screenshot({ path: `test-results/screens/${name}-en.png` });
  }
  await page.locator('.app-header .ant-segmented-item', { hasText: 'VI' }).click();
  await expect(page.getByTestId('sign-out')).toHaveText('Đăng xuất');

  // Larger text: Ctrl + twice, kept across a reload; every screen still within the window's width.
  await page.goto(office.url);
  await expect(page.getByTestId('search-page')).toBeVisible();
  const fontSize = () => page.getByTestId('search-input').evaluate((el) => el.getBoundingClientRect().height);
  const normal = await fontSize();
  await page.keyboard.press('Control+=');
  await page.keyboard.press('Control+=');
  await expect.poll(fontSize).toBeGreaterThan(normal * 1.25);
  await page.reload();
  await expect(page.getByTestId('search-page')).toBeVisible();
  expect(await fontSize()).toBeGreaterThan(normal * 1.25);
  for (const [name, hash, testId] of visits) {
    await page.goto(`${office.url}${hash}`);
    await expect(page.getByTestId(testId)).toBeVisible();
    await animationsSettled(page);
    await fitsWidth(page, `${name} (larger text)`);
    await page.screenshot({ path: `test-results/screens/${name}-large.png` });
  }
  // The collect screen still shows its amount and button without scrolling at the larger size.
  await page.goto(`${office.url}#/person/${head.id}/collect`);
  await expect(page.getByTestId('confirm-collect')).toBeInViewport();
  // Ctrl 0: back to the normal size.
  await page.keyboard.press('Control+0');
  await page.goto(office.url);
  await expect(page.getByTestId('search-page')).toBeVisible();
  await expect.poll(fontSize).toBeLessThan(normal * 1.05);
});
