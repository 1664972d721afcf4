// Find → collect → receipt, through the real UI and the real calculator: a person is found, F4
// opens "Thu tiền", the clerk enrolls them inline, the live quote shows, Enter records it and the
// receipt opens; the receipt is printed to an A5 PDF (rendered to PNG for a look) whose text
// carries the amount in words; a print marks later copies "BẢN SAO"; a void shows "ĐÃ HỦY"; the
// day's receipts and the supervisor's day-end show it.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { forEachDocumentFont } from './document-fonts';
import { expect, rpc, shot, spillingTexts, test } from './harness-fixture';

const SUPERVISOR = { username: 'giamsat', password: 'mat-khau-giam-sat', fullName: 'Đỗ Thu Hà' };

const fold = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

test('a clerk finds a person, collects with F4, and prints the A5 receipt', async ({ page, harness }) => {
  // An office and one registered person, set up through the contract.
  const session = await rpc<{ token: string }>(page, harness.url, 'office.setup', {
    officeCode: 'HN0102',
    officeName: 'Bảo hiểm xã hội cơ sở Đống Đa',
    provinceCode: '01',
    supervisor: SUPERVISOR,
  });
  const communes = await rpc<{ items: { code: string }[] }>(page, harness.url, 'reference.communes', { provinceCode: '01' });
  await rpc(
    page,
    harness.url,
    'participants.register',
    {
      fullName: 'Lê Văn Tám',
      dateOfBirth: '1980-06-01',
      sex: 'male',
      personalId: '001080012345',
      provinceCode: '01',
      communeCode: communes.items[0]!.code,
      addressLine: 'Số 5 phố Tây Sơn',
    },
    session.token,
  );

  await page.goto(harness.url);
  await page.getByLabel('Tên đăng nhập').fill(SUPERVISOR.username);
  await page.getByLabel('Mật khẩu').fill(SUPERVISOR.password);
  await page.getByLabel('Mật khẩu').press('Enter');
  const box = page.getByTestId('search-input');
  await expect(box).toBeFocused();
  // No receipt yet, but the registration is neither sent nor in a copy: the supervisor sees it.
  await expect(page.getByTestId('backup-reminder')).toHaveText('Chưa sao lưu: 1 thao tác');
  await box.fill('le van tam');
  await expect(page.getByTestId('search-result').first()).toContainText('Lê Văn Tám');
  await box.press('Enter');
  await expect(page.getByTestId('person-name')).toHaveText('Lê Văn Tám');

  // F4: collect. Not enrolled yet, so enroll inline in VSI with an income.
  await page.keyboard.press('F4');
  await expect(page.getByTestId('collect-page')).toBeVisible();
  // Ctrl+E opens the payer's record from the counter, and Esc comes back to the collection.
  await page.keyboard.press('Control+e');
  await expect(page.getByTestId('person-form')).toBeVisible();
  await expect(page.getByLabel('Họ và tên')).toHaveValue('Lê Văn Tám');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('collect-page')).toBeVisible();
  // A first payment is one form: no enrollment card with an income of its own; the payment enrolls him.
  await expect(page.getByTestId('first-payment')).toContainText('Chưa tham gia BHXH tự nguyện');
  await expect(page.getByTestId('enroll-card')).toHaveCount(0);
  await expect(page.getByTestId('collect-income')).toBeFocused();
  // With no income yet, the amount panel says what to type — a prompt, not an error.
  await expect(page.getByTestId('quote-prompt')).toHaveText('Nhập mức thu nhập lựa chọn để đóng BHXH tự nguyện.');
  await expect(page.getByTestId('quote').locator('.ant-alert-error')).toHaveCount(0);
  await page.getByTestId('collect-income').fill('2000000');
  await expect(page.getByTestId('enroll-card')).toHaveCount(0);
  await expect(page.getByTestId('collect-income')).toHaveValue('2.000.000');

  // The quote is live: 3 months at 2 000 000 đ.
  const months = page.getByTestId('collect-months');
  await months.fill('3');
  // Months that cost the same are one row of the breakdown (a household's year fits the screen).
  await expect(page.getByTestId('quote').locator('tbody tr.ant-table-row')).toHaveCount(1);
  await expect(page.getByTestId('quote').locator('tbody tr.ant-table-row')).toContainText('3 tháng ×');
  await expect(page.getByTestId('confirm-collect')).toBeEnabled();
  const total = (await page.getByTestId('quote-total').textContent())!;
  expect(total).toMatch(/^\d{1,3}(\.\d{3})* đ$/);
  await shot(page, 'collect');
  await months.press('Enter');

  // The receipt preview.
  await expect(page.getByTestId('receipt-page')).toBeVisible();
  await expect(page.getByTestId('receipt-amount')).toHaveText(total);
  const words = (await page.getByTestId('receipt-words').textContent())!;
  expect(words).toMatch(/đồng$/);
  await expect(page.getByTestId('receipt-document')).toContainText('thu hộ Bảo hiểm xã hội Việt Nam');
  // What the amount is for: the income chosen at enrolment and the method (three months at once).
  await expect(page.getByTestId('receipt-basis')).toContainText('Thu nhập tháng làm căn cứ đóng: 2.000.000 đ');
  await expect(page.getByTestId('receipt-basis')).toContainText('Phương thức đóng: 3 tháng');
  await expect(page.getByTestId('receipt-copy')).toHaveCount(0);
  // The supervisor's status bar counts it among the receipts in no backup copy at once (it counted
  // only the registration at login), not at its next half-minute refresh.
  await expect(page.getByTestId('backup-reminder')).toHaveText('Chưa sao lưu: 1 biên lai');
  await shot(page, 'receipt');

  // Printed to A5 PDF as the harness would; its text carries the amount in words.
  mkdirSync('test-results', { recursive: true });
  await page.pdf({ path: 'test-results/receipt.pdf', format: 'A5', printBackground: true });
  const pdfText = execFileSync('pdftotext', ['-layout', 'test-results/receipt.pdf', '-'], { encoding: 'utf8' });
  expect(fold(pdfText)).toContain(fold(words));
  expect(fold(pdfText)).toContain(fold('BIÊN LAI THU TIỀN'));
  expect(fold(pdfText)).toContain(fold('Phương thức đóng: 3 tháng'));
  // One A5 sheet: the signatures and the series line are not pushed onto a second page.
  expect(execFileSync('pdfinfo', ['test-results/receipt.pdf'], { encoding: 'utf8' })).toMatch(/^Pages:\s+1$/m);
  execFileSync('pdftoppm', ['-png', '-r', '80', 'test-results/receipt.pdf', 'test-results/receipt']);
  // One sheet in either face it may be printed in (the text is sized for the face it is set in).
  await forEachDocumentFont(page, async (family) => {
    await expect(page.getByTestId('receipt-document')).toBeVisible();
    const pdf = `test-results/receipt-${family.replace(/ /g, '-')}.pdf`;
    await page.pdf({ path: pdf, format: 'A5', printBackground: true });
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }), family).toMatch(/^Pages:\s+1$/m);
  });

  // Print (browser path): marks it printed; the preview now says it would print a copy.
  await page.evaluate(() => {
    Object.assign(globalThis, { print: () => undefined });
  });
  await page.getByTestId('print-receipt').click();
  await expect(page.getByTestId('receipt-copy')).toHaveText('BẢN SAO');

  // The day's receipts list it with the total.
  await page.getByRole('link', { name: 'Biên lai trong ngày' }).click();
  await expect(page.getByTestId('day-receipts-page')).toContainText('Lê Văn Tám');
  await expect(page.getByTestId('day-receipts-page')).toContainText(total);
  expect(await spillingTexts(page, '.ant-table-thead th, .ant-table-tbody td')).toEqual([]);
  await shot(page, 'day-receipts');

  // Day-end for the supervisor shows the collector's total.
  await page.getByRole('link', { name: 'Chốt ngày' }).click();
  await expect(page.getByTestId('day-end-page')).toContainText(SUPERVISOR.fullName);
  // The counted cash starts empty: the day cannot be closed on a figure nobody counted. As the
  // count is typed the difference shows at once; counted to the đồng, the day can be closed.
  await expect(page.getByTestId('cash-counted')).toHaveValue('');
  await expect(page.getByTestId('close-day')).toBeDisabled();
  await expect(page.getByTestId('day-end-problem')).toHaveText('Nhập số tiền mặt đếm được của từng người thu trước khi chốt ngày.');
  const takings = Number(total.replace(/\D/g, ''));
  await page.getByTestId('cash-counted').pressSequentially(String(takings - 100_000));
  await expect(page.getByTestId('cash-difference')).toHaveText('Thiếu 100.000 đ');
  await expect(page.getByTestId('close-day')).toBeDisabled();
  await page.getByTestId('cash-counted').fill('');
  await page.getByTestId('cash-counted').pressSequentially(String(takings));
  // Grouped as it is typed, and matching what the receipts say.
  await expect(page.getByTestId('cash-counted')).toHaveValue(total.replace(/ đ$/, ''));
  await expect(page.getByTestId('cash-difference')).toHaveText('Khớp');
  await expect(page.getByTestId('close-day')).toBeEnabled();
  await expect(page.getByTestId('backup-last')).toHaveText(
    'Máy này chưa có bản sao lưu nào (1 biên lai đã thu, 3 thao tác chưa gửi lên trung tâm). Nếu máy hỏng, mọi việc chưa gửi lên trung tâm sẽ mất.',
  );
  await shot(page, 'day-end');

  // Void with a reason: the receipt shows ĐÃ HỦY and the reason.
  await page.goBack();
  await page.getByTestId('day-receipts-page').getByRole('link').filter({ hasText: '/' }).first().click();
  await page.getByTestId('void-receipt').click();
  // Long enough to overflow the sheet at 11 pt in Times New Roman's metrics (Liberation Serif here).
  const reason =
    'Thu nhầm kỳ đóng, lập lại: người nộp đóng từ tháng sau theo phương thức 6 tháng, đã lập biên lai khác thay thế cho biên lai này và thu đúng số tiền. ' +
    'Người nộp đã được giải thích, đồng ý và ký xác nhận vào sổ theo dõi của quầy; tiền của biên lai này chuyển sang biên lai mới lập cùng ngày, không hoàn trả bằng tiền mặt.';
  await page.getByTestId('void-reason').fill(reason);
  // Ctrl+Enter confirms from the reason (Enter alone writes a new line in it).
  await page.getByTestId('void-reason').press('Control+Enter');
  await expect(page.getByTestId('receipt-void')).toHaveText('ĐÃ HỦY');
  // Esc as the dialog fades out already means "back" (it was swallowed until the fade had ended).
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('day-receipts-page')).toBeVisible();
  await page.goForward();
  await expect(page.getByTestId('receipt-document')).toContainText(reason);
  await shot(page, 'receipt-void');
  // The long reason would push the signatures onto a second sheet: the text is set smaller instead.
  await expect(page.getByTestId('receipt-document')).not.toHaveAttribute('data-font-pt', '11');
  await page.pdf({ path: 'test-results/receipt-void.pdf', format: 'A5', printBackground: true });
  expect(execFileSync('pdfinfo', ['test-results/receipt-void.pdf'], { encoding: 'utf8' })).toMatch(/^Pages:\s+1$/m);
  await forEachDocumentFont(page, async (family) => {
    await expect(page.getByTestId('receipt-document')).toContainText(reason);
    const pdf = `test-results/receipt-void-${family.replace(/ /g, '-')}.pdf`;
    await page.pdf({ path: pdf, format: 'A5', printBackground: true });
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }), family).toMatch(/^Pages:\s+1$/m);
  });
  expect(fold(execFileSync('pdftotext', ['test-results/receipt-void.pdf', '-'], { encoding: 'utf8' }))).toContain(fold('Người thu tiền'));

  // Household health insurance for someone in no household: the collect page says so and makes
  // the household (him as its head) with Alt+H, opening it to add the members.
  await page.getByRole('link', { name: 'Hồ sơ người nộp' }).click();
  await expect(page.getByTestId('person-name')).toHaveText('Lê Văn Tám');
  await page.keyboard.press('F4');
  await page.getByTestId('scheme').getByText('BHYT hộ gia đình').click();
  await expect(page.getByTestId('collect-no-household')).toContainText('chưa thuộc hộ gia đình nào');
  // No amount is asked of the core for a payment it would refuse, and nothing repeats the warning.
  await expect(page.getByTestId('quote').locator('.ant-spin')).toHaveCount(0);
  await expect(page.getByTestId('quote')).not.toContainText('chưa thuộc hộ gia đình nào');
  await expect(page.getByTestId('confirm-collect')).toBeDisabled();
  await shot(page, 'collect-no-household');
  await page.keyboard.press('Alt+h');
  await expect(page.getByTestId('household-page')).toBeVisible();
  await expect(page.getByTestId('household-member')).toHaveCount(1);
  await expect(page.getByTestId('household-member').first()).toContainText('Lê Văn Tám');
  // Back on the collect page the household is there: no warning, the quote asks for nothing more.
  await page.keyboard.press('Escape');
  await page.getByTestId('scheme').getByText('BHYT hộ gia đình').click();
  await expect(page.getByTestId('collect-page')).toBeVisible();
  await expect(page.getByTestId('collect-no-household')).toHaveCount(0);
  await expect(page.getByTestId('quote')).toContainText('Mức đóng theo thứ tự thành viên: 100%');

  // He turns out to draw a pension: marked so in the household (Alt+H, Alt+B), he pays no household
  // HI, and the collect page says so instead of offering to enrol him; unmarked, the amount is back.
  const markHimself = async (typed: string, option: string, shown = option) => {
    await page.keyboard.press('Alt+h');
    await expect(page.getByTestId('household-page')).toBeVisible();
    await page.keyboard.press('Alt+b');
    await page.keyboard.type(typed);
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active', { hasText: option }).waitFor();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('member-coverage')).toContainText(shown);
    await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('collect-page')).toBeVisible();
    await page.getByTestId('scheme').getByText('BHYT hộ gia đình').click();
  };
  await markHimself('huu tri', 'Có BHYT: hưu trí, trợ cấp');
  await expect(page.getByTestId('collect-covered-elsewhere')).toContainText('Lê Văn Tám được đánh dấu trong hộ gia đình là “Có BHYT: hưu trí, trợ cấp”');
  await expect(page.getByTestId('enroll-card')).toHaveCount(0);
  // The amount quoted for the same period a moment ago is not shown again: his quote is refused now.
  await expect(page.getByTestId('quote').locator('.ant-spin')).toHaveCount(0);
  await expect(page.getByTestId('quote')).not.toContainText('Mức đóng theo thứ tự thành viên');
  await expect(page.getByTestId('confirm-collect')).toBeDisabled();
  await shot(page, 'collect-covered-elsewhere');
  await markHimself('tham gia', 'Tham gia BHYT hộ gia đình', 'Tham gia: người thứ 1');
  await expect(page.getByTestId('collect-covered-elsewhere')).toHaveCount(0);
  await expect(page.getByTestId('quote')).toContainText('Mức đóng theo thứ tự thành viên: 100%');
});
