// The registration form at 1366×768 in its tallest state — a personal ID being checked, the sex
// taken from it, an old address chosen, a near-poor certificate with its number and dates, the
// support each scheme applies — is reached field by field from the keyboard (Enter, as a clerk
// types from the card), and every field it lands on, the last one included, is on screen and not
// under the shortcut bar or behind the title; the save button is on screen and not covered,
// wherever the page is scrolled, and Ctrl+S saves.
import type { Page } from '@playwright/test';
import { confirmSexFromId, expect, shot, test } from './harness-fixture';
import { openRegistrationForm } from './office-data';

const CLERK = { username: 'quay5', password: 'mat-khau-quay-5', fullName: 'Lê Văn Quầy', role: 'counter' };

/** Where an element is, and whether the point at its centre is the element itself (nothing over it) and below the title, above the shortcut bar. */
async function placeOf(page: Page, selector: string | null) {
  return page.evaluate((sel) => {
    // This file is typed without the DOM library: the little of it used here, by shape.
    type Box = { top: number; bottom: number; left: number; width: number; height: number };
    type El = {
      getBoundingClientRect(): Box;
      closest(s: string): El | null;
      contains(o: El): boolean;
      getAttribute(n: string): string | null;
      tagName: string;
    };
    const view = globalThis as unknown as {
      innerHeight: number;
      document: { querySelector(s: string): El | null; activeElement: El | null; elementFromPoint(x: number, y: number): El | null };
    };
    const doc = view.document;
    const el = sel ? doc.querySelector(sel) : doc.activeElement;
    if (!el) return null;
    // An antd checkbox or radio input is drawn by its wrapper: the wrapper is what must be seen.
    const shown = el.closest('.ant-checkbox-wrapper, .ant-radio-button-wrapper, .ant-select, .ant-picker') ?? el;
    const box = shown.getBoundingClientRect();
    const bar = doc.querySelector('[data-testid="shortcut-bar"]')!.getBoundingClientRect();
    const title = doc.querySelector('[data-testid="person-form"] .page-title')!.getBoundingClientRect();
    const top = doc.elementFromPoint(box.left + Math.min(box.width / 2, 12), box.top + box.height / 2);
    return {
      name: el.getAttribute('data-testid') ?? el.tagName,
      inView: box.top >= 0 && box.bottom <= view.innerHeight,
      aboveBar: box.bottom <= bar.top,
      belowTitle: sel !== null || box.top >= title.bottom,
      uncovered: top !== null && (shown.contains(top) || top.contains(shown)),
    };
  }, selector);
}

test('the registration form fits 1366×768: every field and the save button reached by keyboard, none under the shortcut bar', async ({ page, harness }) => {
  await openRegistrationForm(page, harness.url, { code: 'QN0201', name: 'Bảo hiểm xã hội cơ sở Cô Tô' }, CLERK);

  // The tallest state of the form: every optional part shown.
  await page.getByLabel('Họ và tên').fill('Nguyễn Thị Hồng Nhung');
  const dob = page.getByLabel('Ngày sinh');
  await dob.fill('12/04/1983');
  await dob.press('Enter');
  await page.getByLabel('Số định danh cá nhân').fill('001183123456');
  await expect(page.getByTestId('sex-from-id')).toBeVisible();
  await expect(page.getByTestId('personal-id-check')).toBeVisible();
  await page.getByLabel('Thôn/xóm, số nhà, đường').fill('Số 5 ngõ 12 Phúc Xá');
  await page.getByTestId('field-legacyAddress').fill('phuc xa ba dinh ha noi');
  await page.getByTestId('legacy-option').first().click();
  await expect(page.getByTestId('legacy-chosen')).toBeVisible();
  await page.getByLabel('Hộ nghèo / cận nghèo').click();
  await page.locator('.ant-select-item-option', { hasText: /^Hộ cận nghèo$/ }).click();
  await page.getByTestId('field-povertyNumber').fill('CN-2026-0456');
  for (const [label, value] of [
    ['Hiệu lực từ', '01/01/2026'],
    ['Đến ngày', '31/12/2030'],
  ] as const) {
    await page.getByLabel(label, { exact: true }).fill(value);
    await page.getByLabel(label, { exact: true }).press('Enter');
  }
  await expect(page.getByTestId('support-preview-hhi')).toContainText('hỗ trợ 70%');

  // From the first field, Enter after Enter (selects and pickers closed with Escape first, as
  // Enter on them picks): each field the cursor lands on is on screen, below the title and above
  // the shortcut bar, with nothing drawn over it.
  await page.getByLabel('Họ và tên').focus();
  const seen: string[] = [];
  for (let step = 0; step < 40; step++) {
    const place = await placeOf(page, null);
    expect(place, `step ${step}`).not.toBeNull();
    expect(place, `field ${place!.name} at step ${step}`).toMatchObject({ inView: true, aboveBar: true, belowTitle: true, uncovered: true });
    seen.push(place!.name);
    if (place!.name === 'field-agriAverage') break;
    await page.keyboard.press('Tab');
  }
  // The last field of the form was reached (and checked above).
  expect(seen.at(-1)).toBe('field-agriAverage');
  expect(seen).toEqual(expect.arrayContaining(['field-fullName', 'field-personalId', 'field-legacyAddress', 'field-povertyNumber', 'field-student']));
  await shot(page, 'person-form-fit-last-field');

  // The save button: on screen and not covered at the bottom of the page and at its top.
  for (const where of ['bottom', 'top'] as const) {
    await page.mouse.wheel(0, where === 'top' ? -5000 : 5000);
    expect(await placeOf(page, '[data-testid="save-person"]'), `save button at the ${where}`).toMatchObject({ inView: true, aboveBar: true, uncovered: true });
  }
  await confirmSexFromId(page);
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('person-name')).toHaveText('Nguyễn Thị Hồng Nhung');
});
