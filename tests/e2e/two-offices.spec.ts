// Two offices and one central service, through the real UI: each supervisor enrolls the device
// on the Sync page, registers the SAME person (same personal ID), collects a contribution with F4,
// closes the day and pushes from the day-end page. The central ends with one canonical person and
// both contributions; the second office's person is linked to it with the official number, and its
// sync-issues inbox shows the duplicate as settled. Then a near-duplicate (same name and birth
// date, another personal ID) is held centrally, and B's supervisor, having checked the papers,
// sends it again from the inbox: the central registers her.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { openCentralDatabase } from '../../src/central/db/central-database';
import { openKeyedDatabase } from '../../src/main/core/db/store-cipher';
import { PlainStoreKey } from '../../src/main/core/db/store-key';
import { DATABASE_FILE, PLAIN_STORE_KEY_FILE } from '../../src/main/core/office-core';
import { listHeldItems } from '../../src/central/admin';
import { startCentral } from './central-runner';
import { expect, pick, rpc, shot, test, type Harness } from './harness-fixture';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const PERSON = { fullName: 'Hoàng Văn Chung', dateOfBirth: '02/05/1990', personalId: '001090123456', addressLine: 'Số 8 phố Quán Thánh' };

async function openOffice(browser: Browser, harness: Harness, officeCode: string, supervisor: { username: string; fullName: string }) {
  const page = await (await browser.newContext()).newPage();
  const setup = await page.request.post(new URL('rpc/office.setup', harness.url).toString(), {
    data: { officeCode, officeName: `Bảo hiểm xã hội cơ sở ${officeCode}`, provinceCode: '01', supervisor: { ...supervisor, password: 'mat-khau-giam-sat' } },
  });
  expect((await setup.json()).ok).toBe(true);
  await page.goto(harness.url);
  await page.getByLabel('Tên đăng nhập').fill(supervisor.username);
  await page.getByLabel('Mật khẩu').fill('mat-khau-giam-sat');
  await page.getByLabel('Mật khẩu').press('Enter');
  await expect(page.getByTestId('search-page')).toBeVisible();
  return page;
}

async function enroll(page: Page, centralUrl: string, code: string) {
  await page.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
  await expect(page.getByTestId('sync-page')).toBeVisible();
  await expect(page.getByTestId('sync-status')).toContainText('Chưa đăng ký đồng bộ');
  await page.getByTestId('central-url').fill(centralUrl);
  await page.getByTestId('enroll-code').fill(code);
  await page.getByTestId('enroll-code').press('Enter');
  await expect(page.getByTestId('sync-details')).toBeVisible();
  await expect(page.getByTestId('sync-online')).toHaveText('Có kết nối');
}

/** Registers the person (F2), collects 3 months of VSI with F4, and returns the total shown. */
async function registerAndCollect(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'Tra cứu' }).click();
  await expect(page.getByTestId('search-page')).toBeVisible();
  await page.keyboard.press('F2');
  await expect(page.getByTestId('person-form')).toBeVisible();
  await page.getByLabel('Họ và tên').fill(PERSON.fullName);
  const dob = page.getByLabel('Ngày sinh');
  await dob.fill(PERSON.dateOfBirth);
  await dob.press('Enter');
  await page.locator('label.ant-radio-button-wrapper', { hasText: /^Nam$/ }).click();
  await page.getByLabel('Số định danh cá nhân').fill(PERSON.personalId);
  await pick(page, page.getByLabel('Xã/phường/đặc khu'), 'ba dinh', 'Ba Đình');
  await page.getByLabel('Thôn/xóm, số nhà, đường').fill(PERSON.addressLine);
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('person-name')).toHaveText(PERSON.fullName);
  await expect(page.getByTestId('person-official-number')).toContainText('chưa đồng bộ');

  await page.keyboard.press('F4');
  await expect(page.getByTestId('collect-page')).toBeVisible();
  await page.getByTestId('collect-income').fill('2000000');
  await expect(page.getByTestId('enroll-card')).toHaveCount(0);
  await page.getByTestId('collect-months').fill('3');
  await expect(page.getByTestId('confirm-collect')).toBeEnabled();
  const total = (await page.getByTestId('quote-total').textContent())!;
  await page.getByTestId('collect-months').press('Enter');
  await expect(page.getByTestId('receipt-amount')).toHaveText(total);
  return total;
}

/** Closes today on the day-end page (the cash counted is what each collector owes) and pushes from there. */
async function closeDayAndPush(page: Page, expected: RegExp, name: string) {
  await page.getByRole('link', { name: 'Chốt ngày' }).click();
  await expect(page.getByTestId('day-end-page')).toBeVisible();
  const rows = page.getByTestId('collector-row');
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) await row.getByTestId('cash-counted').fill((await row.getAttribute('data-due'))!);
  await page.getByTestId('close-day').click();
  await expect(page.getByTestId('reopen-day')).toBeVisible();
  await expect(page.getByTestId('day-end-push')).toBeVisible();
  await page.getByTestId('day-end-push').getByTestId('push-now').click();
  await expect(page.getByTestId('push-summary')).toContainText(expected);
  await expect(page.getByTestId('sync-pending')).toHaveText('Chờ gửi: 0');
  await expect(page.getByTestId('sync-last')).toHaveText(/⟳ \d{2}:\d{2}/);
  await shot(page, name);
}

async function openPerson(page: Page) {
  await page.getByRole('link', { name: 'Tra cứu' }).click();
  await page.getByTestId('search-input').fill('hoang van chung');
  await expect(page.getByTestId('search-result').first()).toContainText(PERSON.fullName);
  await page.getByTestId('search-input').press('Enter');
  await expect(page.getByTestId('person-name')).toHaveText(PERSON.fullName);
}

test('the same person registered and paid at two offices becomes one canonical person centrally', async ({ browser, harnesses }) => {
  test.setTimeout(240_000);
  const centralDir = mkdtempSync(join(tmpdir(), 'field-office-e2e-central-'));
  // Background sync off: each office's day goes up when its supervisor presses "Đẩy ngay", so the
  // push summary checked below is that push's (a background tick could otherwise take it first).
  const manual = ['--sync-interval', '0'];
  const [central, first, second] = await Promise.all([startCentral(centralDir, ['HNA', 'HNB']), harnesses.start(manual), harnesses.start(manual)]);
  try {
    const a = await openOffice(browser, first, 'HNA', { username: 'giamsat.a', fullName: 'Đỗ Thu Hà' });
    const b = await openOffice(browser, second, 'HNB', { username: 'giamsat.b', fullName: 'Vũ Minh Khoa' });

    await enroll(a, central.url, central.codes.HNA!);
    await shot(a, 'sync-enrolled');
    await enroll(b, central.url, central.codes.HNB!);

    const totalA = await registerAndCollect(a);
    const totalB = await registerAndCollect(b);
    expect(totalB).toBe(totalA);
    await expect(b.getByTestId('sync-pending')).toHaveText(/Chờ gửi: [1-9]/);

    // Office A first: everything it sends is applied (person, enrollment, contribution, day).
    await closeDayAndPush(a, /4 được nhận, 0 trùng.*0 bị từ chối, 0 tạm giữ/, 'day-end-pushed-a');
    await openPerson(a);
    await expect(a.getByTestId('person-official-number')).toHaveText(/^01\d{8}$/);
    const official = (await a.getByTestId('person-official-number').textContent())!.trim();

    // Office B: its registration is a duplicate of A's person; its money still lands.
    await closeDayAndPush(b, /3 được nhận, 1 trùng.*0 bị từ chối, 0 tạm giữ/, 'day-end-pushed-b');
    await openPerson(b);
    await expect(b.getByTestId('person-official-number')).toHaveText(official);
    await expect(b.getByTestId('person-linked')).toBeVisible();
    // Found again, the record says it is linked (to the person A registered).
    await b.getByRole('link', { name: 'Tra cứu' }).click();
    await b.getByTestId('search-input').fill('hoang van chung');
    await expect(b.getByTestId('search-linked').first()).toHaveText('đã liên kết');
    await shot(b, 'search-linked-b');

    // B's inbox: the duplicate is listed as settled, with the canonical person's number.
    await b.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
    // The sync page keeps the day's answer; pushing again with nothing left says so and repeats it.
    await expect(b.getByTestId('sync-today')).toHaveText(/^\d+ lô: 3 được nhận, 1 trùng, 0 bị từ chối, 0 tạm giữ$/);
    await b.getByTestId('push-now').click();
    await expect(b.getByTestId('push-summary')).toContainText(
      /Không có gì chờ gửi: công việc hôm nay đã được gửi, lần gần nhất lúc \d{2}:\d{2} \(\d+ lô: 3 được nhận, 1 trùng/,
    );
    await shot(b, 'sync-nothing-left-b');
    await b.getByTestId('issues-link').click();
    await expect(b.getByTestId('sync-issues-page')).toBeVisible();
    // Both offices took the same three months from him: B's payment is kept, flagged for a refund,
    // naming A's receipt. The supervisor refunds at the counter and writes down what was done.
    await expect(b.getByTestId('sync-issues-page')).toContainText('Đã nhận, cần xem lại: đóng trùng tháng');
    await expect(b.getByTestId('issue-reason')).toContainText(/đã đóng cho các tháng trùng: .*\(biên lai .*, văn phòng HNA\)/);
    await b.getByTestId('resolve-issue').click();
    await expect(b.locator('.ant-modal .ant-radio-wrapper')).toHaveCount(1);
    await expect(b.locator('.ant-modal')).toContainText('Đã xử lý ở quầy (hoàn trả hoặc chuyển kỳ)');
    await expect(b.locator('.ant-modal')).toContainText('Hoàn trả: hủy biên lai của khoản thu thừa');
    await b.getByTestId('issue-note').fill('Đã hoàn trả tiền cho người nộp, hủy biên lai ở quầy');
    await shot(b, 'sync-issue-paid-twice-b');
    await b.getByRole('button', { name: 'Ghi quyết định' }).click();
    await expect(b.getByTestId('sync-issues-page')).toContainText('Không có vấn đề nào.');
    await b.getByTestId('issues-filter').getByText('Đã xử lý').click();
    await expect(b.getByTestId('issue-canonical')).toContainText(official);
    await expect(b.getByTestId('sync-issues-page')).toContainText('Trùng người (đã liên kết)');
    await expect(b.locator('.ant-spin-spinning')).toHaveCount(0);
    await shot(b, 'sync-issues-b');

    // A near-duplicate: A and B each register a Trần Thị Bích born on 4 March 1985 under their own
    // personal IDs. The central holds B's for review.
    const bich = { sex: 'female', dateOfBirth: '1985-03-04', fullName: 'Trần Thị Bích', provinceCode: '01', communeCode: '00004', addressLine: 'Thôn Đông' };
    const tokenA = (await rpc<{ token: string }>(a, first.url, 'auth.login', { username: 'giamsat.a', password: 'mat-khau-giam-sat' })).token;
    const tokenB = (await rpc<{ token: string }>(b, second.url, 'auth.login', { username: 'giamsat.b', password: 'mat-khau-giam-sat' })).token;
    await rpc(a, first.url, 'participants.register', { ...bich, personalId: '001185000111' }, tokenA);
    await rpc(a, first.url, 'sync.pushNow', {}, tokenA);
    const held = await rpc<{ id: string }>(b, second.url, 'participants.register', { ...bich, personalId: '001185000222' }, tokenB);
    expect(await rpc(b, second.url, 'sync.pushNow', {}, tokenB)).toMatchObject({ held: 1 });
    await b.getByTestId('issues-filter').getByText('Cần xử lý').click();
    await expect(b.getByTestId('issue-reason')).toContainText('Trung tâm tạm giữ: trùng ngày sinh và gần trùng họ tên với Trần Thị Bích');
    await expect(b.getByTestId('sync-issues-page')).toContainText('Tạm giữ: nghi trùng người');
    await b.getByTestId('resolve-issue').click();
    await b.getByText('Hai người khác nhau — gửi lại').click();
    await b.getByTestId('issue-note').fill('Đã đối chiếu CCCD: hai người khác nhau');
    await shot(b, 'sync-issue-resend-b');
    await b.getByRole('button', { name: 'Ghi quyết định' }).click();
    await expect(b.getByTestId('sync-issues-page')).toContainText('Không có vấn đề nào.');
    await b.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
    await b.getByTestId('push-now').click();
    await expect(b.getByTestId('push-summary')).toContainText(/1 được nhận, 0 trùng.*0 bị từ chối, 0 tạm giữ/);
    await b.goto(new URL(`#/person/${held.id}`, second.url).toString());
    await expect(b.getByTestId('person-official-number')).toHaveText(/^01\d{8}$/);

    // A person A registered in no support category, registered at B as a poor household's member
    // and paid there with the state's half: recorded centrally, flagged to B's inbox for review.
    const pao = {
      sex: 'male',
      dateOfBirth: '1970-08-09',
      fullName: 'Lò Văn Páo',
      personalId: '001070000333',
      provinceCode: '01',
      communeCode: '00004',
      addressLine: 'Bản Mường',
    };
    await rpc(a, first.url, 'participants.register', { ...pao, poverty: null }, tokenA);
    await rpc(a, first.url, 'sync.pushNow', {}, tokenA);
    const paoAtB = await rpc<{ id: string }>(
      b,
      second.url,
      'participants.register',
      { ...pao, poverty: { kind: 'poor', number: 'HN-0001', validFrom: '2026-01-01', validTo: '2027-12-31' } },
      tokenB,
    );
    // B closed its day above; a late payer comes, so the supervisor opens it again.
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
    await rpc(b, second.url, 'dayEnd.reopen', { businessDate: today, reason: 'Người nộp đến muộn' }, tokenB);
    const question = { participantId: paoAtB.id, scheme: 'VSI', fromMonth: '2026-12', months: 1, incomeBasis: 2_000_000 };
    const quote = await rpc<{ total: number }>(b, second.url, 'contributions.quote', question, tokenB);
    await rpc(b, second.url, 'contributions.record', { ...question, expectedTotal: quote.total }, tokenB);
    expect(await rpc(b, second.url, 'sync.pushNow', {}, tokenB)).toMatchObject({ duplicates: 1, rejected: 0, held: 0 });
    await b.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
    await b.getByTestId('issues-link').click();
    await expect(b.getByTestId('sync-issues-page')).toContainText('Đã nhận, cần xem lại: khác hồ sơ trung tâm');
    await expect(b.getByTestId('issue-reason')).toContainText('văn phòng tính "Hộ nghèo", hồ sơ trung tâm ghi "Khác"');
    await expect(b.getByTestId('sync-issues-page')).toContainText('Khoản thu');
    await expect(b.getByTestId('issue-reason').getByRole('link', { name: 'Mở biên lai' })).toHaveAttribute('href', /#\/receipt\//);
    await shot(b, 'sync-issues-facts-differ-list-b');
    await b.getByTestId('resolve-issue').click();
    // The money is recorded; what follows is done at the counter. The record here may take the
    // central's support category, or the item is just marked as seen.
    await expect(b.locator('.ant-modal .ant-radio-wrapper')).toHaveCount(2);
    await b.getByText('Nhận bản của trung tâm').click();
    await b.getByTestId('issue-note').fill('Hộ đã thoát nghèo; thu bổ sung phần chênh lệch');
    await shot(b, 'sync-issue-facts-differ-b');
    await b.getByRole('button', { name: 'Ghi quyết định' }).click();
    await expect(b.getByTestId('sync-issues-page')).toContainText('Không có vấn đề nào.');
    await b.goto(new URL(`#/person/${paoAtB.id}`, second.url).toString());
    await expect(b.getByTestId('person-facts')).toHaveText('Không thuộc diện nào');

    // A household at B: head, wife, son; the wife pays HHI as second. Then the order here changes
    // without the change reaching the central (as when its operation was refused and only marked
    // seen): the wife, third here, pays as third; the central has her second. Flagged; the
    // supervisor sends the list here again from the inbox, and the central's list becomes B's.
    const family = [
      { sex: 'male', dateOfBirth: '1968-01-02', fullName: 'Sùng A Dình', personalId: '001068000444' },
      { sex: 'female', dateOfBirth: '1971-03-04', fullName: 'Giàng Thị Súa', personalId: '001171000555' },
      { sex: 'male', dateOfBirth: '1994-05-06', fullName: 'Sùng A Pó', personalId: '001094000666' },
    ];
    const [headB, wifeB, sonB] = await Promise.all(
      family.map((p) =>
        rpc<{ id: string }>(b, second.url, 'participants.register', { ...p, provinceCode: '01', communeCode: '00004', addressLine: 'Bản Pả Vi' }, tokenB),
      ),
    );
    const home = await rpc<{ id: string }>(b, second.url, 'households.create', { headParticipantId: headB!.id }, tokenB);
    for (const member of [wifeB!, sonB!]) await rpc(b, second.url, 'households.addMember', { householdId: home.id, participantId: member.id }, tokenB);
    const payWife = async (fromMonth: string) => {
      const hhi = { participantId: wifeB!.id, scheme: 'HHI', fromMonth, months: 3 };
      const quoted = await rpc<{ total: number }>(b, second.url, 'contributions.quote', hhi, tokenB);
      return rpc<{ contribution: { memberPosition: number } }>(b, second.url, 'contributions.record', { ...hhi, expectedTotal: quoted.total }, tokenB);
    };
    await payWife('2026-12');
    expect(await rpc(b, second.url, 'sync.pushNow', {}, tokenB)).toMatchObject({ rejected: 0, held: 0 });
    const store = openKeyedDatabase(join(second.dataDir, DATABASE_FILE), new PlainStoreKey(join(second.dataDir, PLAIN_STORE_KEY_FILE)).load());
    try {
      const swap = store.prepare('UPDATE household_members SET position = ? WHERE household_id = ? AND participant_id = ?');
      store.transaction(() => {
        swap.run(-1, home.id, wifeB!.id);
        swap.run(2, home.id, sonB!.id);
        swap.run(3, home.id, wifeB!.id);
      })();
    } finally {
      store.close();
    }
    expect((await payWife('2027-03')).contribution.memberPosition).toBe(3);
    await rpc(b, second.url, 'sync.pushNow', {}, tokenB);
    await b.goto(new URL('#/sync-issues', second.url).toString());
    await expect(b.getByTestId('issue-reason')).toContainText('văn phòng tính người thứ 3, trung tâm có người thứ 2');
    await b.getByTestId('resolve-issue').click();
    await expect(b.locator('.ant-modal .ant-radio-wrapper')).toHaveCount(2);
    await b.getByText('Gửi lại danh sách thành viên hộ').click();
    await b.getByTestId('issue-note').fill('Đã đối chiếu sổ hộ khẩu: con trai là người thứ hai');
    await shot(b, 'sync-issue-resend-household-b');
    await b.getByRole('button', { name: 'Ghi quyết định' }).click();
    await expect(b.getByTestId('sync-issues-page')).toContainText('Không có vấn đề nào.');
    await b.getByRole('link', { name: 'Đồng bộ', exact: true }).click();
    await b.getByTestId('push-now').click();
    await expect(b.getByTestId('push-summary')).toContainText(/1 được nhận, 0 trùng.*0 bị từ chối, 0 tạm giữ/);
    await payWife('2027-06');
    await rpc(b, second.url, 'sync.pushNow', {}, tokenB);
    expect(await rpc<{ items: unknown[] }>(b, second.url, 'sync.issues', { state: 'open' }, tokenB)).toEqual({ items: [] });
  } finally {
    central.child.kill('SIGTERM');
    await new Promise((done) => central.child.once('exit', done));
  }

  // At the central: one person for that personal ID, and both offices' contributions on it.
  const database = await openCentralDatabase({ dataDir: centralDir, resourcesDir: join(root, 'resources') });
  try {
    const persons = await database.db.selectFrom('persons').select(['id', 'officeCode']).where('personalId', '=', PERSON.personalId).execute();
    expect(persons).toHaveLength(1);
    const contributions = await database.db.selectFrom('contributions').select(['officeCode', 'total']).where('personId', '=', persons[0]!.id).execute();
    expect(contributions.map((c) => c.officeCode).sort()).toEqual(['HNA', 'HNB']);
    // Both women named Trần Thị Bích are registered, B's with the supervisor's decision.
    const bichs = await database.db
      .selectFrom('persons')
      .select(['officeCode', 'data'])
      .where('fullName', '=', 'Trần Thị Bích')
      .orderBy('officeCode')
      .execute();
    expect(bichs.map((p) => p.officeCode)).toEqual(['HNA', 'HNB']);
    expect(bichs[1]!.data).toMatchObject({ duplicateReviewed: true, duplicateReviewNote: 'Đã đối chiếu CCCD: hai người khác nhau' });
    // B's payment for Lò Văn Páo is recorded on A's person, and listed for review.
    const held = await listHeldItems(database.db);
    expect(held.filter((h) => h.class === 'FACTS_DIFFER')).toEqual([
      expect.objectContaining({ officeCode: 'HNB', fullName: 'Lò Văn Páo', status: 'open' }),
      expect.objectContaining({ officeCode: 'HNB', fullName: 'Giàng Thị Súa', status: 'open' }),
    ]);
    expect(held.filter((h) => h.class === 'MONTHS_ALREADY_PAID')).toEqual([
      expect.objectContaining({ officeCode: 'HNB', fullName: PERSON.fullName, status: 'open' }),
    ]);
    // B's household list, sent again, is the central's.
    const home = await database.db.selectFrom('households').select('memberIds').where('officeCode', '=', 'HNB').executeTakeFirstOrThrow();
    const names = await database.db
      .selectFrom('persons')
      .select(['id', 'fullName'])
      .where('id', 'in', home.memberIds as unknown as string[])
      .execute();
    expect((home.memberIds as unknown as string[]).map((id) => names.find((n) => n.id === id)?.fullName)).toEqual([
      'Sùng A Dình',
      'Sùng A Pó',
      'Giàng Thị Súa',
    ]);
  } finally {
    await database.close();
  }
});
