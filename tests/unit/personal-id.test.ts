import { describe, expect, it } from 'vitest';
import { checkPersonalId, sexOfPersonalId } from '../../src/shared/domain/personal-id';

describe('personal ID check against the declaration form', () => {
  it.each([
    ['001090123456', '1990-05-02', 'male'],
    ['001190123456', '1990-05-02', 'female'],
    ['079205000001', '2005-12-31', 'male'],
    ['096301000001', '2001-01-01', 'female'],
    ['002000000001', '1900-01-01', 'male'],
    ['001599000001', '2199-06-30', 'female'],
  ] as const)('accepts %s for a person born %s (%s) when the digits agree', (id, dob, sex) => {
    expect(checkPersonalId(id, dob, sex)).toEqual([]);
  });

  it.each([
    ['00109012345', 'format'],
    ['00109012345a', 'format'],
    ['003090123456', 'province'],
    ['097090123456', 'province'],
    ['001290123456', 'century'],
    ['001190123456', 'sex'],
    ['001091123456', 'year'],
  ])('refuses %s for a man born 1990 with reason %s', (id, reason) => {
    const problems = checkPersonalId(id, '1990-05-02', 'male');
    expect(problems.map((p) => p.reason)).toContain(reason);
    for (const p of problems) expect(p.vi.length).toBeGreaterThan(20);
  });

  it('refuses a personal ID whose sex digit contradicts the form, saying which digit and why', () => {
    const [problem] = checkPersonalId('001090123456', '1990-05-02', 'female');
    expect(problem?.reason).toBe('sex');
    expect(problem?.vi).toContain('Chữ số thứ 4');
    expect(problem?.vi).toContain('nữ');
  });

  it('reports every disagreement at once: unknown province and wrong year', () => {
    const reasons = checkPersonalId('003085123456', '1990-05-02', 'male').map((p) => p.reason);
    expect(reasons).toEqual(['province', 'year']);
  });

  it('reads the century digit for the 2000s (2 men / 3 women)', () => {
    expect(checkPersonalId('001305000001', '2005-03-01', 'female')).toEqual([]);
    expect(checkPersonalId('001205000001', '2005-03-01', 'female').map((p) => p.reason)).toEqual(['sex']);
    expect(checkPersonalId('001005000001', '2005-03-01', 'male').map((p) => p.reason)).toEqual(['century']);
  });
});

describe('the sex a personal ID encodes (the form fills an unchosen sex from it)', () => {
  it.each([
    ['001090123456', 'male'],
    ['001190123456', 'female'],
    ['079205000001', 'male'],
    ['096301000001', 'female'],
    ['001 190 123 456', 'female'],
    ['00109012345', null],
    ['0010901234567', null],
    ['00a090123456', null],
  ] as const)('%s → %s', (id, sex) => {
    expect(sexOfPersonalId(id)).toBe(sex);
  });
});
