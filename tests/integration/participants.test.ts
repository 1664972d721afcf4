// Registering, correcting and finding people through the real core: optimistic versions, the
// duplicate checks at capture, the commune/province check, accent-insensitive search, and one
// outbox entry of the right kind per mutation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, failure, type Office, openOffice, personInput, rowCounts } from './fixtures/office-fixture';

let office: Office;
const people: Record<string, { id: string; personalId: string }> = {};

const named: [key: string, fields: Record<string, unknown>][] = [
  ['an', { fullName: 'Nguyễn Văn An', sex: 'male', dateOfBirth: '1980-05-06', phone: '0912345678' }],
  ['anh', { fullName: 'Nguyễn Văn Anh', sex: 'male', dateOfBirth: '1981-07-08' }],
  ['leThiAn', { fullName: 'Lê Thị An', sex: 'female', dateOfBirth: '1990-01-02', siNumber: '7912345678' }],
  ['anFamily', { fullName: 'An Thị Mai', sex: 'female', dateOfBirth: '1991-03-04' }],
  ['duc', { fullName: 'Đặng Văn Đức', sex: 'male', dateOfBirth: '1975-09-10' }],
  ['thuyHook', { fullName: 'Trần Thị Thuỷ', sex: 'female', dateOfBirth: '1988-11-12' }],
  ['thuyAcute', { fullName: 'Phạm Thị Thủy', sex: 'female', dateOfBirth: '1989-12-13' }],
  ['hoa', { fullName: 'Hoàng Thị Hoa', sex: 'female', dateOfBirth: '1970-02-14' }],
];

const outboxFor = (id: string) => office.core.database.sqlite.prepare('SELECT kind FROM outbox WHERE entity_id = ? ORDER BY seq').pluck().all(id) as string[];
const auditFor = (id: string) =>
  office.core.database.sqlite.prepare('SELECT action, details FROM audit_log WHERE entity_id = ? ORDER BY seq').all(id) as {
    action: string;
    details: string;
  }[];

beforeAll(async () => {
  office = await openOffice();
  for (const [key, fields] of named) {
    const p = await call(office.core, 'participants.register', personInput(fields), office.tokens.counter);
    people[key] = { id: p.id, personalId: p.personalId };
  }
  for (let i = 0; i < 20; i++) await call(office.core, 'participants.register', personInput(), office.tokens.field);
});
afterAll(() => office.close());

const nearPoor = { kind: 'near-poor', number: 'CN-2026-0042', validFrom: '2026-01-01', validTo: '2026-12-31' };

describe('registration and correction', () => {
  it('registers a person, returns them by id, and writes one participant.register outbox entry', async () => {
    const input = personInput({ fullName: '  bùi   thị   ngọc ', siNumber: '0123456789', phone: '0987654321', ethnicity: 'Tày' });
    const created = await call(office.core, 'participants.register', input, office.tokens.counter);
    expect(created).toMatchObject({ fullName: 'Bùi Thị Ngọc', version: 1, ethnicity: 'Tày', nationality: 'Việt Nam', householdId: null, officialNumber: null });
    expect(await call(office.core, 'participants.get', { id: created.id }, office.tokens.field)).toEqual(created);
    expect(outboxFor(created.id)).toEqual(['participant.register']);
    expect(auditFor(created.id).map((a) => a.action)).toEqual(['participant.register']);
  });

  it('updates with the current version, bumps it, and refuses a stale version with CONFLICT', async () => {
    const id = people.hoa!.id;
    const updated = await call(office.core, 'participants.update', { id, expectedVersion: 1, addressLine: 'Xóm Chùa, số 12' }, office.tokens.counter);
    expect(updated).toMatchObject({ version: 2, addressLine: 'Xóm Chùa, số 12', fullName: 'Hoàng Thị Hoa' });
    const stale = await failure(office.core, 'participants.update', { id, expectedVersion: 1, addressLine: 'Thôn Tây' }, office.tokens.field);
    expect(stale.code).toBe('CONFLICT');
    expect(stale.details).toEqual({ currentVersion: 2 });
    expect((await call(office.core, 'participants.get', { id }, office.tokens.field)).addressLine).toBe('Xóm Chùa, số 12');
    expect(outboxFor(id)).toEqual(['participant.register', 'participant.update']);
    expect(
      (await failure(office.core, 'participants.update', { id: '01890000-0000-7000-8000-000000000000', expectedVersion: 1 }, office.tokens.field)).code,
    ).toBe('NOT_FOUND');
  });

  it('an update that names one field leaves the others as they were (no defaults fill them in)', async () => {
    const person = await call(
      office.core,
      'participants.register',
      personInput({ ethnicity: 'Mường', nationality: 'Lào', poverty: nearPoor, student: true }),
      office.tokens.counter,
    );
    const edited = await call(office.core, 'participants.update', { id: person.id, expectedVersion: 1, addressLine: 'Bản Lác' }, office.tokens.counter);
    expect(edited).toMatchObject({
      addressLine: 'Bản Lác',
      ethnicity: 'Mường',
      nationality: 'Lào',
      poverty: nearPoor,
      student: true,
      agriAverage: false,
      version: 2,
    });
    expect(await call(office.core, 'participants.get', { id: person.id }, office.tokens.counter)).toEqual(edited);
  });

  it('refuses the same personal ID with DUPLICATE_PERSON pointing at the person already registered', async () => {
    const existing = people.duc!;
    const before = rowCounts(office.core);
    const error = await failure(
      office.core,
      'participants.register',
      personInput({ fullName: 'Ai Đó Khác', sex: 'male', dateOfBirth: '1975-09-10', personalId: existing.personalId }),
      office.tokens.counter,
    );
    expect(error).toMatchObject({ code: 'DUPLICATE_PERSON', field: 'personalId', details: { participantId: existing.id, fullName: 'Đặng Văn Đức' } });
    expect(error.message).toContain('đã đăng ký cho Đặng Văn Đức (sinh ngày 10/09/1975)');
    expect(rowCounts(office.core)).toEqual(before);
  });

  it('stores the official name of the ethnic group typed, and refuses a group not in the list with nothing written', async () => {
    const typed = await call(office.core, 'participants.register', personInput({ ethnicity: 'tay' }), office.tokens.counter);
    expect(typed.ethnicity).toBe('Tày');
    expect((await call(office.core, 'participants.register', personInput({ ethnicity: "H'Mông" }), office.tokens.counter)).ethnicity).toBe('Mông');
    const before = rowCounts(office.core);
    const error = await failure(office.core, 'participants.register', personInput({ ethnicity: 'Kinh Tày' }), office.tokens.counter);
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'ethnicity' });
    expect(error.message).toContain('Dân tộc "Kinh Tày" không có trong danh mục 54 dân tộc');
    expect(error.messageEn).toBe(`"Kinh Tày" is not one of Viet Nam's 54 ethnic groups; choose from the list.`);
    expect(rowCounts(office.core)).toEqual(before);
    // A person whose ethnicity came as free text (an office of an older release, through the
    // central) keeps it through an edit of something else; changing it takes a group of the list.
    office.core.database.sqlite.prepare("UPDATE participants SET ethnicity = 'dân tộc Tày' WHERE id = ?").run(typed.id);
    const edited = await call(office.core, 'participants.update', { id: typed.id, expectedVersion: 1, phone: '0911222333' }, office.tokens.counter);
    expect(edited).toMatchObject({ ethnicity: 'dân tộc Tày', phone: '0911222333', version: 2 });
    expect(
      (await failure(office.core, 'participants.update', { id: typed.id, expectedVersion: 2, ethnicity: 'dân tộc Tày' }, office.tokens.counter)).field,
    ).toBe('ethnicity');
    expect((await call(office.core, 'participants.update', { id: typed.id, expectedVersion: 2, ethnicity: 'Tay' }, office.tokens.counter)).ethnicity).toBe(
      'Tày',
    );
  });

  it('keeps the support facts with the certificate, and refuses a certificate that ends before it starts, with nothing written', async () => {
    const before = rowCounts(office.core);
    const backwards = await failure(
      office.core,
      'participants.register',
      personInput({ poverty: { ...nearPoor, validFrom: '2026-12-31', validTo: '2026-01-01' } }),
      office.tokens.counter,
    );
    expect(backwards).toMatchObject({ code: 'VALIDATION', field: 'poverty.validTo' });
    expect(backwards.message).toBe('Ngày hết hạn của giấy chứng nhận phải sau ngày có hiệu lực.');
    expect((await failure(office.core, 'participants.register', personInput({ poverty: { ...nearPoor, number: ' ' } }), office.tokens.counter)).message).toBe(
      'Nhập số giấy chứng nhận hộ nghèo/cận nghèo.',
    );
    expect(rowCounts(office.core)).toEqual(before);
    const farmer = await call(office.core, 'participants.register', personInput({ agriAverage: true }), office.tokens.counter);
    expect(farmer).toMatchObject({ poverty: null, student: false, agriAverage: true, legacyAddress: null, declaredSupportCategory: null });
  });

  it('refuses a birth date in the future or more than 120 years back (office date 2 Mar 2026)', async () => {
    const before = rowCounts(office.core);
    const future = await failure(
      office.core,
      'participants.register',
      personInput({ dateOfBirth: '2030-01-01', personalId: '001230000777' }),
      office.tokens.counter,
    );
    expect(future).toMatchObject({ code: 'VALIDATION', field: 'dateOfBirth', message: 'Ngày sinh 01/01/2030 sau ngày hôm nay (02/03/2026).' });
    const old = await failure(office.core, 'participants.register', personInput({ dateOfBirth: '1906-03-01' }), office.tokens.counter);
    expect(old).toMatchObject({ field: 'dateOfBirth' });
    expect(old.message).toContain('hơn 120 năm trước');
    expect(rowCounts(office.core)).toEqual(before);
  });

  it('keeps an old address beside the new one, and refuses an old commune that went to another commune', async () => {
    // Phường Phúc Xá (Ba Đình, 00001) went to Phường Hồng Hà (00097).
    const oldAddress = { legacyCommuneCode: '00001', text: 'Phường Phúc Xá, Quận Ba Đình, Thành phố Hà Nội' };
    const wrong = await failure(office.core, 'participants.register', personInput({ legacyAddress: oldAddress }), office.tokens.counter);
    expect(wrong).toMatchObject({ code: 'VALIDATION', field: 'communeCode', details: { candidates: [{ communeCode: '00097', commune: 'Phường Hồng Hà' }] } });
    const saved = await call(office.core, 'participants.register', personInput({ legacyAddress: oldAddress, communeCode: '00097' }), office.tokens.counter);
    expect(saved.legacyAddress).toEqual(oldAddress);
    expect(await call(office.core, 'participants.get', { id: saved.id }, office.tokens.counter)).toMatchObject({ legacyAddress: oldAddress });
  });

  it('warns of the same name born on a date one typo away: day and month swapped, one digit different', async () => {
    const first = await call(
      office.core,
      'participants.register',
      personInput({ fullName: 'Lò Văn Páo', sex: 'male', dateOfBirth: '1985-03-05' }),
      office.tokens.counter,
    );
    for (const typo of ['1985-05-03', '1985-03-06', '1965-03-05']) {
      const warning = await failure(
        office.core,
        'participants.register',
        personInput({ fullName: 'Lo Van Pao', sex: 'male', dateOfBirth: typo }),
        office.tokens.counter,
      );
      expect(warning).toMatchObject({
        code: 'POSSIBLE_DUPLICATE',
        details: { matches: [expect.objectContaining({ id: first.id, dateOfBirth: '1985-03-05' })] },
      });
    }
    // Two digits away is another person.
    expect(
      await call(office.core, 'participants.register', personInput({ fullName: 'Lò Văn Páo', sex: 'male', dateOfBirth: '1987-03-15' }), office.tokens.counter),
    ).toMatchObject({ fullName: 'Lò Văn Páo' });
  });

  it('warns of a close name with the same birth date, and saves with a reason that the audit keeps', async () => {
    const input = personInput({ fullName: 'Nguyen Van Ann', sex: 'male', dateOfBirth: '1980-05-06' });
    const before = rowCounts(office.core);
    const warning = await failure(office.core, 'participants.register', input, office.tokens.counter);
    expect(warning.code).toBe('POSSIBLE_DUPLICATE');
    expect(warning.details?.matches).toEqual([expect.objectContaining({ id: people.an!.id, fullName: 'Nguyễn Văn An' })]);
    expect(rowCounts(office.core)).toEqual(before);

    const reason = 'Hai người khác nhau, đã đối chiếu CCCD';
    const saved = await call(office.core, 'participants.register', { ...input, duplicateOverrideReason: reason }, office.tokens.counter);
    const [audit] = auditFor(saved.id);
    expect(JSON.parse(audit!.details).duplicateOverride).toMatchObject({ reason, matches: [expect.objectContaining({ id: people.an!.id })] });
    expect(outboxFor(saved.id)).toEqual(['participant.register']);
  });

  it('says what is wrong with a refused field in Vietnamese and in English, naming the field', async () => {
    const before = rowCounts(office.core);
    const shortId = await failure(office.core, 'participants.register', personInput({ personalId: '0011' }), office.tokens.counter);
    expect(shortId).toMatchObject({
      code: 'VALIDATION',
      field: 'personalId',
      message: 'Số định danh cá nhân phải gồm đúng 12 chữ số.',
      messageEn: 'The personal ID number must be exactly 12 digits.',
    });
    const badDate = await failure(office.core, 'participants.register', personInput({ dateOfBirth: '1990-02-30' }), office.tokens.counter);
    expect(badDate).toMatchObject({ field: 'dateOfBirth', message: 'Ngày không tồn tại.', messageEn: 'That date does not exist.' });
    // A nationality too short says so (the shared text primitive's message, issue 24).
    const noNationality = await failure(office.core, 'participants.register', personInput({ nationality: 'V' }), office.tokens.counter);
    expect(noNationality).toMatchObject({ field: 'nationality', message: 'Nhập quốc tịch.', messageEn: 'Enter the nationality.' });
    // zod's own text (no message of ours on that check): a general Vietnamese sentence, and in
    // English the field with zod's words.
    const badFact = await failure(office.core, 'participants.register', personInput({ student: 'yes' }), office.tokens.counter);
    expect(badFact).toMatchObject({ field: 'student', message: 'Dữ liệu nhập không hợp lệ.' });
    expect(badFact.messageEn).toMatch(/^student: Invalid input/);
    expect(rowCounts(office.core)).toEqual(before);
  });

  it('refuses a commune that is not in the chosen province with VALIDATION on communeCode', async () => {
    const before = rowCounts(office.core);
    const error = await failure(office.core, 'participants.register', personInput({ provinceCode: '01', communeCode: '25747' }), office.tokens.counter);
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'communeCode' });
    expect(error.message).toMatch(/không thuộc/);
    expect(rowCounts(office.core)).toEqual(before);
  });

  it('explains a personal ID that contradicts the form, in Vietnamese, and saves nothing', async () => {
    const error = await failure(
      office.core,
      'participants.register',
      personInput({ sex: 'male', dateOfBirth: '1985-01-01', personalId: '001185000777' }),
      office.tokens.counter,
    );
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'personalId', details: { reasons: ['sex'] } });
    expect(error.message).toMatch(/giới tính/);
  });
});

const names = (result: { items: { fullName: string }[] }) => result.items.map((i) => i.fullName);
const search = (query: string) => call(office.core, 'participants.search', { query }, office.tokens.counter);

describe('search', () => {
  const table: [query: string, mustFind: string[], firstIs?: string][] = [
    ['nguyen van an', ['Nguyễn Văn An', 'Nguyễn Văn Anh'], 'Nguyễn Văn An'],
    ['Nguyễn Văn An', ['Nguyễn Văn An'], 'Nguyễn Văn An'],
    ['NGUYEN VAN ANH', ['Nguyễn Văn Anh'], 'Nguyễn Văn Anh'],
    ['an thi', ['Lê Thị An', 'An Thị Mai']],
    ['thi an', ['Lê Thị An']],
    ['dang van duc', ['Đặng Văn Đức'], 'Đặng Văn Đức'],
    ['đặng đức', ['Đặng Văn Đức']],
    ['duc', ['Đặng Văn Đức']],
    ['Thủy', ['Trần Thị Thuỷ', 'Phạm Thị Thủy']],
    ['Thuỷ', ['Trần Thị Thuỷ', 'Phạm Thị Thủy']],
    ['thuy', ['Trần Thị Thuỷ', 'Phạm Thị Thủy']],
    ['an', ['An Thị Mai', 'Nguyễn Văn An', 'Lê Thị An'], 'An Thị Mai'],
    ['nguyen an', ['Nguyễn Văn An', 'Nguyễn Văn Anh']],
    ['hoang hoa', ['Hoàng Thị Hoa']],
  ];
  for (const [query, mustFind, firstIs] of table) {
    it(`finds ${mustFind.join(', ')} for "${query}"${firstIs ? `, ${firstIs} first` : ''}`, async () => {
      const result = await search(query);
      expect(result.matchedBy).toBe('name');
      expect(names(result)).toEqual(expect.arrayContaining(mustFind));
      if (firstIs) expect(names(result)[0]).toBe(firstIs);
    });
  }

  it('does not find unrelated people by a word they do not have', async () => {
    expect(names(await search('thuy'))).not.toContain('Hoàng Thị Hoa');
    expect(names(await search('nguyen van an'))).not.toContain('Lê Thị An');
  });

  it('reads the words before the last as whole words, and the last as the start of a word', async () => {
    expect(names(await search('nguyen van a'))).toEqual(expect.arrayContaining(['Nguyễn Văn An', 'Nguyễn Văn Anh']));
    expect(names(await search('thi thu'))).toEqual(expect.arrayContaining(['Trần Thị Thuỷ', 'Phạm Thị Thủy']));
    expect(names(await search('th thuy'))).toEqual([]);
  });

  it('lists full-name prefix matches before word matches', async () => {
    const result = names(await search('an'));
    expect(result.indexOf('An Thị Mai')).toBeLessThan(result.indexOf('Lê Thị An'));
  });

  it('finds a person by personal ID, phone and SI number', async () => {
    const byId = await search(people.duc!.personalId);
    expect({ by: byId.matchedBy, names: names(byId) }).toEqual({ by: 'personalId', names: ['Đặng Văn Đức'] });
    const byPhone = await search('0912 345 678');
    expect({ by: byPhone.matchedBy, names: names(byPhone) }).toEqual({ by: 'phone', names: ['Nguyễn Văn An'] });
    const bySi = await search('7912345678');
    expect({ by: bySi.matchedBy, names: names(bySi) }).toEqual({ by: 'siNumber', names: ['Lê Thị An'] });
    expect((await search('079999999999')).items).toEqual([]);
  });

  it('finds a person under their corrected name and no longer under the old one', async () => {
    const p = await call(office.core, 'participants.register', personInput({ fullName: 'Vũ Thị Xuyến', dateOfBirth: '1966-06-06' }), office.tokens.counter);
    await call(office.core, 'participants.update', { id: p.id, expectedVersion: 1, fullName: 'Vũ Thị Xuân' }, office.tokens.counter);
    expect(names(await search('vu thi xuan'))).toContain('Vũ Thị Xuân');
    expect(names(await search('xuyen'))).toEqual([]);
  });

  it('treats characters that mean something to FTS as plain text', async () => {
    for (const query of ['"an', 'an*', 'an OR thi', 'NEAR(an)', "o'neil", '-an', 'an:thi']) {
      const result = await office.core.invoke('participants.search', { query }, office.tokens.counter);
      expect({ query, ok: result.ok }).toEqual({ query, ok: true });
    }
  });
});
