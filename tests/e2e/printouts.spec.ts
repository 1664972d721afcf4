// Every printout (receipt, reprint, household member's receipt, refund voucher, day report, the
// field officer's route sheet) is
// printed to PDF in both serif fonts an office PC may use — Times-metric Liberation Serif and the
// wider DejaVu Serif — with the longest texts they meet (office, payer and address names), and no
// two words may overlap, no "đ" may stand alone on a line, no receipt or voucher number may
// break (issue 25 item 5) and each receipt or voucher is one A5 page. The PDFs go to test-results/printouts/ to be looked at.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { expect, signIn, test } from './harness-fixture';
import { officeByApi } from './office-data';
import { pdfPages, PRINT_FONTS, printInFont, printProblems } from './print-layout';

const DAY_ONE = '2026-03-02T09:00:00+07:00';
const DAY_TWO = '2026-03-03T09:00:00+07:00';
const SUPERVISOR = { username: 'giamsat', password: 'mat-khau-giam-sat', fullName: 'Nguyễn Thị Thanh Hương' };
const OUT = 'test-results/printouts';

test('printed documents never overlap, in Liberation Serif or DejaVu Serif', async ({ page, harnesses }) => {
  mkdirSync(OUT, { recursive: true });
  const office = await harnesses.start(['--clock-start', DAY_ONE, '--sync-interval', '0']);
  const data = await officeByApi(page, office.url, {
    code: 'DB0601',
    name: 'Bảo hiểm xã hội cơ sở liên huyện Mường Nhé – Nậm Pồ – Điện Biên Đông',
    supervisor: SUPERVISOR,
  });
  const api = data.call;
  const token = data.token;
  const addressLine = 'Bản Huổi Lếch, tổ dân phố số 12, đường Nguyễn Chí Thanh kéo dài, khu tái định cư thủy điện Lai Châu';
  const register = (fullName: string, dateOfBirth: string, sex: 'male' | 'female', personalId: string) =>
    data.register({ fullName, dateOfBirth, sex, personalId, addressLine });
  const payVsi = async (participantId: string, months: number) => {
    const input = { participantId, scheme: 'VSI', fromMonth: '2026-03', months, incomeBasis: 46_800_000 };
    const quote = await api<{ total: number }>('contributions.quote', input, token);
    return (await api<{ receipt: { id: string; label: string } }>('contributions.record', { ...input, expectedTotal: quote.total }, token)).receipt;
  };

  // 2 March: the longest name the register takes, at the income ceiling; a household of three.
  const longName = await register('Công Tằng Tôn Nữ Thị Phương Thảo Nguyên Khánh Linh', '1985-06-15', 'female', '001185006150');
  const refunded = await payVsi(longName.id, 12);
  const head = await register('Hoàng Thị Ngọc Bích Phượng', '1970-01-20', 'female', '001170001200');
  const household = await api<{ id: string }>('households.create', { headParticipantId: head.id }, token);
  const members = [head.id];
  for (const [name, dob, id] of [
    ['Hoàng Văn Thạch Sơn Trường Giang', '1968-02-11', '001068002110'],
    ['Hoàng Minh Khôi Nguyên', '2004-08-12', '001204008120'],
  ] as const) {
    const member = await register(name, dob, 'male', id);
    await api('households.addMember', { householdId: household.id, participantId: member.id }, token);
    members.push(member.id);
  }
  const hhi = { householdId: household.id, months: 12, members: members.map((participantId) => ({ participantId, fromMonth: '2026-03' })) };
  const hhiQuote = await api<{ total: number }>('contributions.quoteHousehold', hhi, token);
  const hhiReceipts = (
    await api<{ items: { receipt: { id: string; label: string } }[] }>('contributions.recordHousehold', { ...hhi, expectedTotal: hhiQuote.total }, token)
  ).items.map((i) => i.receipt);
  const summary = await api<{ collectors: { staffId: string; expected: number }[] }>('dayEnd.summary', { businessDate: '2026-03-02' }, token);
  await api('dayEnd.close', { businessDate: '2026-03-02', counts: summary.collectors.map((c) => ({ staffId: c.staffId, cashCounted: c.expected })) }, token);

  // 3 March: a payment voided the same day, and 2 March's long-named payment refunded.
  await office.restart(['--clock-start', DAY_TWO, '--sync-interval', '0']);
  const today = (await api<{ token: string }>('auth.login', SUPERVISOR)).token;
  const voided = await (async () => {
    const input = { participantId: longName.id, scheme: 'VSI', fromMonth: '2027-03', months: 1, incomeBasis: 46_800_000 };
    const quote = await api<{ total: number }>('contributions.quote', input, today);
    return (await api<{ receipt: { id: string; label: string } }>('contributions.record', { ...input, expectedTotal: quote.total }, today)).receipt;
  })();
  await api('receipts.void', { id: voided.id, reason: 'Thu nhầm kỳ đóng, người nộp đề nghị hủy để lập lại biên lai đúng kỳ' }, today);
  const refund = await api<{ void: { refund: { voucher: string } } }>(
    'receipts.void',
    { id: refunded.id, reason: 'Đã đóng cùng kỳ ở văn phòng khác; hoàn trả theo đề nghị của người nộp' },
    today,
  );
  const voucher = refund.void.refund.voucher;

  await page.goto(office.url);
  await signIn(page, SUPERVISOR.username, SUPERVISOR.password);
  // An A5 document is one sheet per receipt or voucher: a long name must not push the signatures onto another page.
  const check = async (name: string, format: 'A4' | 'A5' | 'page-css', whole: string[], sheets = 1) => {
    for (const font of PRINT_FONTS) {
      const path = `${OUT}/${name}-${font.split(' ')[0]!.toLowerCase()}.pdf`;
      const spilled = await printInFont(page, path, font, format);
      expect([...spilled, ...printProblems(path, { whole })], `${name} in ${font}`).toEqual([]);
      if (format === 'A5') expect(pdfPages(path), `${name} in ${font}: pages`).toBe(sheets);
    }
  };

  // A receipt (the long name), then its reprint with the "BẢN SAO" stamp beside the long office name.
  await api('receipts.markPrinted', { id: hhiReceipts[1]!.id }, today);
  for (const [name, receipt] of [
    ['receipt-household-member', hhiReceipts[1]!],
    ['receipt-household-head', hhiReceipts[0]!],
  ] as const) {
    await page.goto(`${office.url}#/receipt/${receipt.id}`);
    await expect(page.getByTestId('receipt-document')).toContainText(receipt.label);
    await check(name, 'A5', [receipt.label]);
  }
  await expect(page.getByTestId('receipt-copy')).toHaveCount(0);
  await page.goto(`${office.url}#/receipt/${hhiReceipts[1]!.id}`);
  await expect(page.getByTestId('receipt-copy')).toHaveText('BẢN SAO');
  await check('receipt-copy', 'A5', [hhiReceipts[1]!.label]);
  // A voided receipt, and the refunded one with its refund voucher.
  await page.goto(`${office.url}#/receipt/${voided.id}`);
  await expect(page.getByTestId('receipt-void')).toBeVisible();
  await check('receipt-void', 'A5', [voided.label]);
  await page.goto(`${office.url}#/receipt/${refunded.id}`);
  await page.getByTestId('toggle-voucher').click();
  await expect(page.getByTestId('refund-voucher')).toContainText(voucher);
  await check('refund-voucher', 'A5', [voucher, refunded.label]);
  // The household's receipts printed in one go.
  await page.goto(`${office.url}#/receipt-set/${hhiReceipts.map((r) => r.id).join(',')}`);
  await expect(page.getByTestId('receipt-set-sheet')).toHaveCount(3);
  await check(
    'receipt-set',
    'A5',
    hhiReceipts.map((r) => r.label),
    hhiReceipts.length,
  );
  // The day reports: 2 March (closed; household labels "BHYT HGĐ · người thứ N", a refund tag) and
  // 3 March (a void, the refund paid out).
  for (const day of ['2026-03-02', '2026-03-03']) {
    await page.goto(`${office.url}#/day-report/${day}`);
    await expect(page.getByTestId('day-report-document')).toBeVisible();
    await check(`day-report-${day}`, 'A4', day === '2026-03-02' ? [...hhiReceipts.map((r) => r.label), refunded.label] : [voided.label, voucher]);
  }
  // The route sheet of the commune for 3 March (A4 landscape from its own @page rule): the long
  // name whose payment was refunded is due again, at the long address of the office's people.
  const commune = (await api<{ items: { code: string }[] }>('reference.communes', { provinceCode: '01' }, today)).items[0]!.code;
  await page.goto(`${office.url}#/route-sheet?commune=${commune}&date=2026-03-03`);
  await expect(page.getByTestId('route-sheet')).toContainText('Công Tằng Tôn Nữ Thị Phương Thảo Nguyên Khánh Linh');
  await check('route-sheet', 'page-css', []);
  expect(execFileSync('pdfinfo', [`${OUT}/route-sheet-liberation.pdf`], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+/);
});
