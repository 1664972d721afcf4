// The middle name's hint of a person's sex, used to warn when the personal ID says otherwise.
import { describe, expect, it } from 'vitest';
import { sexSuggestedByName } from '../../src/shared/domain/name-sex-hint';

describe('sexSuggestedByName', () => {
  it.each([
    ['Nguyễn Thị Thủy', 'female'],
    ['nguyen thi thuy', 'female'],
    ['Trần Văn Minh', 'male'],
    ['Lê Thị Minh Khai', 'female'],
    ['Hoàng Minh Khôi', null],
    // "Thị" as a family or given name is not a middle name.
    ['Thị Lan', null],
    ['Nguyễn Thị', null],
    ['Văn', null],
  ])('%s → %s', (name, sex) => {
    expect(sexSuggestedByName(name)).toBe(sex);
  });
});
