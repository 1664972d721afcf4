// The contract's one text primitive: composed, free of hidden characters, names made of letters,
// lengths counted in characters — checked on the real schemas the office and the central use.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registerParticipantInput, participantFields } from '../../src/shared/contract/participant';
import { createStaffInput, setupInput } from '../../src/shared/contract/staff';
import { voidInput } from '../../src/shared/contract/contribution';
import { characterCount, pathText, text } from '../../src/shared/contract/text';

const person = {
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '1990-05-02',
  sex: 'male',
  personalId: '001090123456',
  provinceCode: '01',
  communeCode: '00004',
  addressLine: 'Thôn Đông, số 5',
};

const firstIssue = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => result.error?.issues[0];

describe('the contract text primitive', () => {
  it.each([
    ['a NUL byte', 'Nguyễn\u0000 Văn An'],
    ['a lone surrogate', 'Nguyễn \ud800Văn An'],
    ['a terminal escape', 'Nguyễn \u001b[31mVăn An'],
    ['a right-to-left override', 'Nguyễn \u202eVăn An'],
    ['a zero-width space', 'Nguyễn\u200b Văn An'],
    ['a byte-order mark inside', 'Nguyễn \ufeffVăn'],
    ['a line separator', 'Nguyễn\u2028Văn An'],
    ['a private-use character', 'Nguyễn \ue000Văn'],
  ])('refuses %s in a name, an address and a nationality, naming the field', (_, bad) => {
    for (const field of ['fullName', 'addressLine', 'nationality'] as const) {
      const result = registerParticipantInput.safeParse({ ...person, [field]: bad });
      expect(result.success, `${field} with ${JSON.stringify(bad)}`).toBe(false);
      expect(firstIssue(result)?.path).toEqual([field]);
    }
  });

  it('stores what was typed decomposed in the composed form (NFC), in names, addresses and nationality', () => {
    const decomposed = {
      ...person,
      fullName: 'Nguye\u0302\u0303n Va\u0306n An',
      addressLine: 'Tho\u0302n \u0110o\u0302ng',
      nationality: 'Vie\u0323\u0302t Nam',
    };
    const parsed = registerParticipantInput.parse(decomposed);
    expect(parsed.fullName).toBe('Nguyễn Văn An');
    expect(parsed.addressLine).toBe('Thôn Đông');
    expect(parsed.nationality).toBe('Việt Nam');
    expect(parsed.addressLine).toBe(parsed.addressLine.normalize('NFC'));
  });

  it('refuses a name of emoji, symbols or digits only, which search could never find', () => {
    for (const name of ['😀😀😀', '★★', '12345', '--', "''", 'Nguyễn 2']) {
      const result = registerParticipantInput.safeParse({ ...person, fullName: name });
      expect(result.success, name).toBe(false);
      expect(firstIssue(result)?.message).toMatch(/chữ cái/);
    }
  });

  it("accepts the names people are given: Vietnamese, a foreign national's, with - ' .", () => {
    for (const name of ['Nguyễn Thị Ánh Tuyết', "Đặng O'Neil", 'Jean-Pierre Dupont', 'H. Mông', 'Ksor Y Bhiêng']) {
      expect(registerParticipantInput.safeParse({ ...person, fullName: name }).success, name).toBe(true);
    }
  });

  it('counts lengths in characters, not UTF-16 units', () => {
    // 120 characters of "Ễ" typed decomposed is 360 UTF-16 units; composed it is 120 characters.
    const long = 'Ê\u0303'.repeat(60) + ' ' + 'Ê\u0303'.repeat(59);
    expect(characterCount(long.normalize('NFC'))).toBe(120);
    expect(registerParticipantInput.safeParse({ ...person, fullName: long }).success).toBe(true);
    expect(registerParticipantInput.safeParse({ ...person, fullName: long + 'A' }).success).toBe(false);
    // Astral characters count once: 40 of them fit a 40-character limit.
    const schema = text({ max: 40 });
    expect(schema.safeParse('𝔸'.repeat(40)).success).toBe(true);
    expect(schema.safeParse('𝔸'.repeat(41)).success).toBe(false);
  });

  it('decides every length by the characters counted, whatever mix of one- and two-unit characters (the length shortcuts)', () => {
    const piece = fc.constantFrom('a', 'Ễ', '𝔸', 'đ', ' ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 20 }), (pieces, min, max) => {
        const value = pieces.join('').trim();
        const counted = characterCount(value);
        expect(text({ min, max }).safeParse(value).success).toBe(counted >= min && counted <= max);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses a megabyte of text before doing any work on it', () => {
    const result = text({ max: 200 }).safeParse('a'.repeat(1_000_000));
    expect(result.success).toBe(false);
    expect(result.error?.issues).toHaveLength(1);
  });

  it('keeps line feeds only in a note of several lines', () => {
    expect(voidInput.safeParse({ id: '0192a7b0-0000-7000-8000-000000000001', reason: 'Thu sai tiền\nđã trả lại' }).success).toBe(true);
    expect(registerParticipantInput.safeParse({ ...person, addressLine: 'Thôn Đông\nsố 5' }).success).toBe(false);
  });

  it('holds for staff names, the office name and void reasons too', () => {
    expect(createStaffInput.safeParse({ username: 'lan', fullName: 'Lan\u0000', role: 'counter', password: 'correct-horse-1' }).success).toBe(false);
    expect(
      setupInput.safeParse({
        officeCode: 'HN01',
        officeName: 'BHXH \u202eBa Đình',
        provinceCode: '01',
        supervisor: { username: 'sup', fullName: 'Giám Sát', password: 'correct-horse-1' },
      }).success,
    ).toBe(false);
    expect(voidInput.safeParse({ id: '0192a7b0-0000-7000-8000-000000000001', reason: 'lý do \u001b[2J' }).success).toBe(false);
  });

  it("is the central's rule too: the fields it reads from an office's operation", () => {
    expect(participantFields.safeParse({ ...person, addressLine: 'Thôn\u0000' }).success).toBe(false);
    expect(participantFields.safeParse({ ...person, ethnicity: 'Kinh\u200b' }).success).toBe(false);
    expect(participantFields.parse({ ...person, ethnicity: 'Mu\u031bo\u031b\u0300ng' }).ethnicity).toBe('Mường');
  });

  it('checks a path for control characters but never recomposes it (that would name another file)', () => {
    const schema = pathText({ message: 'Chọn tệp.' });
    const decomposedPath = '/media/usb/Nguye\u0302\u0303n.sqlite.age';
    expect(schema.parse(decomposedPath)).toBe(decomposedPath);
    expect(schema.safeParse('/tmp/a\u0000b').success).toBe(false);
  });
});
