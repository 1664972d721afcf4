// A pulled page's visit marks (page-marks.ts): named one by one up to the bound, everything past it —
// and once past it, nothing more is named (a picture's page of 2 500 payments stops counting early),
// whatever the page holds after that point.
import { describe, expect, it } from 'vitest';
import type { CentralChange } from '../../src/shared/sync/changes';
import { PAGE_MARKS_AT_MOST, pageMarks } from '../../src/main/core/sync/page-marks';

const payment = (k: number) => ({ kind: 'contribution', payload: { participantId: `person-${k}` } }) as unknown as CentralChange;
const household = (id: string) => ({ kind: 'household', payload: { id, members: [{ participantId: 'member-1' }] } }) as unknown as CentralChange;
const person = (k: number) => ({ kind: 'participant', payload: { id: `p-${k}`, personalId: `0010900${k}`, canonicalId: null } }) as unknown as CentralChange;

describe('a pulled page’s marks', () => {
  it('names each person, household and personal ID of a small page', () => {
    const marks = pageMarks([payment(1), payment(1), person(2), household('h-1')]);
    expect(marks.marks).toEqual([
      { kind: 'p', key: 'person-1' },
      { kind: 'p', key: 'p-2' },
      { kind: 'h', key: 'h-1' },
      { kind: 'p', key: 'member-1' },
    ]);
    expect(marks.personalIds).toEqual(['00109002']);
    expect(marks.households).toEqual(['h-1']);
  });

  it('names them up to the bound, and marks everything one past it', () => {
    const at = Array.from({ length: PAGE_MARKS_AT_MOST }, (_, k) => payment(k));
    expect(pageMarks(at).marks).toHaveLength(PAGE_MARKS_AT_MOST);
    // At the bound, a change that names no one new leaves it there.
    expect(pageMarks([...at, payment(0)]).marks).toHaveLength(PAGE_MARKS_AT_MOST);
    expect(pageMarks([...at, payment(PAGE_MARKS_AT_MOST)])).toEqual({ marks: [{ kind: 'all', key: '' }], personalIds: [], households: [] });
    // Personal IDs count towards the bound too.
    const people = Array.from({ length: PAGE_MARKS_AT_MOST / 2 }, (_, k) => person(k));
    expect(pageMarks(people).marks).toHaveLength(PAGE_MARKS_AT_MOST / 2);
    expect(pageMarks([...people, person(PAGE_MARKS_AT_MOST)]).marks).toEqual([{ kind: 'all', key: '' }]);
  });

  it('past the bound, names nothing the rest of the page holds (households included)', () => {
    const page = [...Array.from({ length: 2_500 }, (_, k) => payment(k)), household('h-late')];
    expect(pageMarks(page)).toEqual({ marks: [{ kind: 'all', key: '' }], personalIds: [], households: [] });
  });
});
