// The QR code on a printed receipt and refund voucher (ADR 0027), read back as a phone would: the
// page printed to an A5 PDF, rendered at 150 and 300 dpi, decoded from the pixels. It holds the
// central's verify page address with the signed payload, the office app calls it genuine, and the
// central's public page opened from it (Chromium at a phone's 390×844) says the receipt is genuine
// — first "not yet synced", then recorded; the voucher's code says it was paid back.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCentral } from './central-runner';
import { expect, rpc, shot, signIn, test } from './harness-fixture';
import { readQrFromPdf } from './qr-reader';

const SUPERVISOR = { username: 'giamsat', password: 'mat-khau-giam-sat', fullName: 'Đỗ Thu Hà' };
// Near today: the central refuses a device whose clock is more than 31 days from its own.
const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const tomorrow = new Date(Date.now() + 31 * 3600_000).toISOString().slice(0, 10);
const DAY_ONE = `${today}T09:00:00+07:00`;
const DAY_TWO = `${tomorrow}T08:30:00+07:00`;

test('a printed receipt and voucher carry a QR code a phone reads, and the public page checks it', async ({ page, browser, harnesses }) => {
  const central = await startCentral(mkdtempSync(join(tmpdir(), 'field-office-e2e-central-')), ['QR01']);
  try {
    await page.clock.install({ time: new Date(DAY_ONE) });
    const office = await harnesses.start(['--clock-start', DAY_ONE, '--sync-interval', '0']);
    const api = <T = any>(method: string, body: unknown, token?: string) => rpc<T>(page, office.url, method, body, token);
    const setup = await api<{ token: string; staff: { id: string } }>('office.setup', {
      officeCode: 'QR01',
      officeName: 'Bảo hiểm xã hội cơ sở Kiến Xương',
      provinceCode: '01',
      supervisor: SUPERVISOR,
    });
    await api('sync.enroll', { centralUrl: central.url, code: central.codes.QR01 }, setup.token);
    const communes = await api<{ items: { code: string }[] }>('reference.communes', { provinceCode: '01' });
    const person = await api<{ id: string }>(
      'participants.register',
      {
        fullName: 'Vũ Thị Quét',
        dateOfBirth: '1979-04-12',
        sex: 'female',
        personalId: '001179004321',
        provinceCode: '01',
        communeCode: communes.items[0]!.code,
        addressLine: 'Thôn Đông',
      },
      setup.token,
    );
    const input = { participantId: person.id, scheme: 'VSI', fromMonth: today.slice(0, 7), months: 3, incomeBasis: 2_000_000 };
    const quote = await api<{ total: number }>('contributions.quote', input, setup.token);
    const { receipt } = await api<{ receipt: { id: string; label: string; amount: number } }>(
      'contributions.record',
      { ...input, expectedTotal: quote.total },
      setup.token,
    );

    await page.goto(office.url);
    await signIn(page, SUPERVISOR.username, SUPERVISOR.password);
    await page.goto(`${office.url}#/receipt/${receipt.id}`);
    await expect(page.getByTestId('receipt-qr')).toBeVisible();
    await shot(page, 'receipt-with-qr');
    mkdirSync('test-results', { recursive: true });
    await page.pdf({ path: 'test-results/receipt-qr.pdf', format: 'A5', printBackground: true });
    const verification = (await api<{ verification: { url: string; payload: string } }>('receipts.get', { id: receipt.id }, setup.token)).verification;
    expect(verification.url).toBe(`${central.url}verify?p=${verification.payload}`);
    for (const dpi of [150, 300]) expect(readQrFromPdf('test-results/receipt-qr.pdf', dpi), `${dpi} dpi`).toBe(verification.url);
    const scanned = readQrFromPdf('test-results/receipt-qr.pdf', 150)!;
    expect(await api('receipts.verify', { payload: scanned }, setup.token)).toMatchObject({
      status: 'GENUINE',
      local: { receiptId: receipt.id, matches: true },
    });

    // A phone opens the code: genuine, not yet at the central; after a push, recorded.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const mobile = await phone.newPage();
    await mobile.goto(scanned);
    await expect(mobile.locator('[data-verdict]')).toContainText('CHƯA ĐỒNG BỘ');
    await api('sync.pushNow', {}, setup.token);
    await mobile.reload();
    await expect(mobile.locator('[data-verdict="ok"]')).toContainText('Biên lai THẬT — đã ghi nhận tại BHXH');
    await expect(mobile.locator('dl')).toContainText(receipt.label);
    await expect(mobile.locator('dl')).toContainText('•••• •••• 4321');
    // Fits the phone's width: nothing wider than the screen.
    expect(await mobile.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await shot(mobile, 'verify-page-phone-recorded');

    // The next day the receipt's money is paid back: its voucher's code says so too.
    await api('dayEnd.close', { businessDate: today, counts: [{ staffId: setup.staff.id, cashCounted: receipt.amount }] }, setup.token);
    await office.restart(['--clock-start', DAY_TWO, '--sync-interval', '0']);
    await page.clock.setSystemTime(new Date(DAY_TWO));
    const token = (await api<{ token: string }>('auth.login', SUPERVISOR)).token;
    await api('receipts.void', { id: receipt.id, reason: 'Đóng trùng kỳ, hoàn trả', paidOutBy: setup.staff.id }, token);
    await page.goto(office.url);
    await signIn(page, SUPERVISOR.username, SUPERVISOR.password);
    await page.goto(`${office.url}#/receipt/${receipt.id}`);
    await page.getByTestId('toggle-voucher').click();
    await expect(page.getByTestId('voucher-qr')).toBeVisible();
    await shot(page, 'voucher-with-qr');
    await page.pdf({ path: 'test-results/voucher-qr.pdf', preferCSSPageSize: true, printBackground: true });
    const voucherCode = readQrFromPdf('test-results/voucher-qr.pdf', 150)!;
    expect(voucherCode).toMatch(/verify\?p=FO1\.V\.HT-/);
    await api('sync.pushNow', {}, token);
    await mobile.goto(voucherCode);
    await expect(mobile.locator('[data-verdict="ok"]')).toContainText('Phiếu chi THẬT');
    await mobile.goto(scanned);
    await expect(mobile.locator('[data-verdict="bad"]')).toContainText('ĐÃ HOÀN TRẢ TIỀN');
    await shot(mobile, 'verify-page-phone-refunded');
    await phone.close();
  } finally {
    central.child.kill();
  }
});
