// The provincial console's collector drill-down end to end (ADR 0037), in Chromium at 1366×768
// against the real central (its CLI makes the office and a reviewer; `serve` computes the fraud
// signals after each batch, as deployed). An office's counter, made through the contract as an
// office makes it: two clerks take ten payments each today, one voids four of his; the device
// pushes. A reviewer at the province sees the void-rate signal naming the clerk, follows it to the
// collectors' figures (his row marked, his voids against his colleague's, the money not voided),
// then to his receipts (his only, the voided ones marked, the payer's personal ID only by its last
// four digits), and from the signal straight to the same receipts. Every page is photographed
// (test-results/screenshots/console-collector-*.png) and checked with axe-core.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { seriousViolations } from './accessibility';
import { centralCli, serveCentral } from './central-cli';
import { signInToConsole } from './console-sign-in';
import { expect, shot, test } from './harness-fixture';
import { officeByApi } from './office-data';

const REVIEWER = { username: 'kiemtra', name: 'Hà Văn Kiểm', password: 'mat-khau-tinh-09' };
const THU = { username: 'lovanthu', password: 'mat-khau-lo-van-thu', fullName: 'Lò Văn Thu', role: 'counter' };
const NGAN = { username: 'dinhngan', password: 'mat-khau-dinh-ngan', fullName: 'Đinh Thị Ngân', role: 'counter' };
/** A field officer who registers people and collects nothing: the central knows her name only from her device's audit chain. */
const DUA = { username: 'muathidua', password: 'mat-khau-mua-thi-dua', fullName: 'Mùa Thị Dua', role: 'field' };
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hải', 'Khánh', 'Lâm', 'Minh', 'Nam'];
interface Taken {
  id: string;
  label: string;
  total: number;
  personalId: string;
}
const dong = (n: number) => `${new Intl.NumberFormat('vi-VN').format(n)} đ`;

async function looked(page: Page, name: string) {
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  await shot(page, `console-collector-${name}`);
  expect(await seriousViolations(page), name).toEqual([]);
}

test('a province reviewer follows a collector’s void-rate signal to the collectors’ figures and his receipts', async ({ browser, harnesses }) => {
  test.setTimeout(300_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'field-office-e2e-console-collectors-'));
  centralCli(dataDir, ['admin', 'create-office', '--code', 'HNC', '--name', 'BHXH cơ sở Cầu Giấy', '--province', '01']);
  const code = centralCli(dataDir, ['admin', 'enroll-code', '--office', 'HNC']).trim();
  centralCli(dataDir, ['admin', 'staff', 'add', '--username', REVIEWER.username, '--name', REVIEWER.name, '--role', 'reviewer'], {
    FO_CONSOLE_PASSWORD: REVIEWER.password,
  });
  const [central, counter] = await Promise.all([serveCentral(dataDir), harnesses.start(['--sync-interval', '0'])]);
  try {
    // ── The office: two clerks, ten payments each today; Lò Văn Thu voids four of his. ──
    const office = await officeByApi(await (await browser.newContext()).newPage(), counter.url, { code: 'HNC', name: 'BHXH cơ sở Cầu Giấy' });
    await office.call('sync.enroll', { centralUrl: central.url, code, deviceName: 'Quầy 1 Cầu Giấy' });
    const month = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);
    const taken: Record<string, Taken[]> = { [THU.fullName]: [], [NGAN.fullName]: [] };
    for (const [n, clerk] of [THU, NGAN].entries()) {
      await office.call('staff.create', clerk);
      const token = (await office.call<{ token: string }>('auth.login', { username: clerk.username, password: clerk.password })).token;
      for (const [i, given] of GIVEN.entries()) {
        const personalId = `00108${n}${String(100_201 + i).padStart(6, '0')}`;
        const person = await office.register({
          fullName: `${n === 0 ? 'Vàng Văn' : 'Lương Văn'} ${given}`,
          dateOfBirth: `198${n}-0${1 + (i % 9)}-1${i % 10}`,
          sex: 'male',
          personalId,
        });
        const question = { participantId: person.id, scheme: 'VSI', fromMonth: month, months: 1, incomeBasis: 1_500_000 + 100_000 * i };
        const quote = await office.call<{ total: number }>('contributions.quote', question, token);
        const { receipt } = await office.call<{ receipt: { id: string; label: string } }>(
          'contributions.record',
          { ...question, expectedTotal: quote.total },
          token,
        );
        taken[clerk.fullName]!.push({ ...receipt, total: quote.total, personalId });
      }
      if (clerk === THU)
        for (const r of taken[THU.fullName]!.slice(0, 4)) await office.call('receipts.void', { id: r.id, reason: 'Thu nhầm mức thu nhập, lập lại' }, token);
    }
    // ── Mùa Thị Dua registers five people with one phone number (the default threshold), collecting nothing. ──
    await office.call('staff.create', DUA);
    const dua = (await office.call<{ token: string }>('auth.login', { username: DUA.username, password: DUA.password })).token;
    for (const [i, given] of GIVEN.slice(0, 5).entries()) {
      const person = {
        fullName: `Mùa A ${given}`,
        dateOfBirth: `1990-0${1 + i}-2${i}`,
        sex: 'male' as const,
        personalId: `001090${String(100_301 + i).padStart(6, '0')}`,
      };
      await office.register({ ...person, phone: '0912000111', addressLine: `Nhà ${i + 1} bản Pá Khoang` }, dua);
    }
    expect(await office.call('sync.pushNow', {})).toMatchObject({ rejected: 0, held: 0 });
    const thu = taken[THU.fullName]!;
    const ngan = taken[NGAN.fullName]!;
    const sum = (rs: Taken[]) => rs.reduce((n, r) => n + r.total, 0);

    // ── The reviewer signs in; the signal names the clerk in words (the signals run after the batch). ──
    const page = await signInToConsole(browser, central.url, REVIEWER);
    await page.getByTestId('nav-signals').click();
    const signal = page.getByTestId('signal-row').filter({ hasText: 'Hủy, hoàn trả nhiều bất thường' });
    await expect(async () => {
      await page.reload();
      await expect(signal).toHaveCount(1, { timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    await expect(signal.getByTestId('signal-evidence')).toContainText(
      'Người thu Lò Văn Thu đã hủy hoặc hoàn trả 4 trên 10 biên lai (40%), trong khi phần còn lại của văn phòng chỉ 0%.',
    );
    for (const r of thu.slice(0, 4)) await expect(signal.getByTestId('signal-evidence')).toContainText(r.label);
    // One who collects nothing is named too, by the name her device's audit chain gave — not by her staff id.
    const shared = page.getByTestId('signal-row').filter({ hasText: 'Nhiều người chung điện thoại, địa chỉ' });
    await expect(shared.getByTestId('signal-evidence').filter({ hasText: '0912000111' })).toContainText(
      'Cán bộ Mùa Thị Dua đăng ký 5 người cùng số điện thoại 0912000111.',
    );
    // The supervisor registered all twenty clerks' payers at the form's one address: named by the name given at setup.
    await expect(shared.getByTestId('signal-evidence').filter({ hasText: 'cùng địa chỉ' })).toContainText('Cán bộ Đỗ Thu Hà đăng ký 20 người cùng địa chỉ');
    await looked(page, 'signal');

    // ── To the collectors' figures: his row marked, beside his colleague's. ──
    await signal.getByTestId('drill-collectorFigures').click();
    await expect(page.getByTestId('collectors-page')).toBeVisible();
    const rows = page.getByTestId('collector-row');
    await expect(rows).toHaveCount(2);
    const named = rows.and(page.locator('[data-named="yes"]'));
    await expect(named).toHaveCount(1);
    const cells = (row: typeof rows) => row.locator('td').allInnerTexts();
    await expect(named).toContainText('Lò Văn Thu');
    await expect(named).toContainText('được nêu trong dấu hiệu');
    expect((await cells(named)).slice(1)).toEqual(['HNC', '10', dong(sum(thu.slice(4))), '4 (40%)', '0 (0%)']);
    expect(await cells(rows.filter({ hasText: 'Đinh Thị Ngân' }))).toEqual(['Đinh Thị Ngân', 'HNC', '10', dong(sum(ngan)), '0 (0%)', '0 (0%)']);
    await looked(page, 'figures');

    // ── His name leads to his receipts only: the four voided marked, the payer's ID by its last four digits. ──
    await named.getByRole('link', { name: 'Lò Văn Thu' }).click();
    await expect(page.getByTestId('receipts-page')).toBeVisible();
    const receipts = page.getByTestId('receipt-row');
    await expect(receipts).toHaveCount(10);
    // The filter says whose receipts these are by name (the address holds the staff id), not as an id in the search box.
    await expect(page.getByTestId('collector-chip')).toHaveText('Của người thu Lò Văn Thu');
    await expect(page.getByTestId('collector-filter').locator('input')).toHaveValue('');
    await expect(receipts.filter({ hasText: 'Lò Văn Thu' })).toHaveCount(10);
    await expect(receipts.filter({ hasText: 'Đinh Thị Ngân' })).toHaveCount(0);
    await expect(receipts.filter({ hasText: 'Đã hủy' })).toHaveCount(4);
    await expect(receipts.filter({ hasText: 'Còn hiệu lực' })).toHaveCount(6);
    for (const [i, r] of thu.entries()) {
      const row = receipts.filter({ hasText: r.label });
      await expect(row).toContainText(i < 4 ? 'Đã hủy' : 'Còn hiệu lực');
      await expect(row).toContainText(`•••• ${r.personalId.slice(-4)}`);
      await expect(row).toContainText(dong(r.total));
      await expect(row).not.toContainText(r.personalId);
    }
    await looked(page, 'receipts');

    // ── Back to the figures (the mark kept in the address), and from the signal straight to his receipts. ──
    await page.goBack();
    await expect(page.getByTestId('collectors-page')).toBeVisible();
    await expect(named).toContainText('Lò Văn Thu');
    await page.getByTestId('nav-signals').click();
    await signal.getByTestId('drill-collectorReceipts').click();
    await expect(page.getByTestId('receipts-page')).toBeVisible();
    await expect(receipts).toHaveCount(10);
    await expect(receipts.filter({ hasText: 'Lò Văn Thu' })).toHaveCount(10);
    // The tag closed: every receipt of the office, both clerks'.
    await page.getByTestId('collector-chip').locator('.ant-tag-close-icon').click();
    await expect(receipts).toHaveCount(20);
    await expect(receipts.filter({ hasText: 'Đinh Thị Ngân' })).toHaveCount(10);
  } finally {
    await central.stop();
  }
});
