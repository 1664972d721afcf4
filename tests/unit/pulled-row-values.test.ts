// The pulled rows' values are read by two hand-written functions, in the order of their column
// lists (a picture writes millions of rows: no walk over the column names per row). A value put in
// the wrong place would land in another column without any error, so each function is held to its
// list: a row whose every column holds its own name must give back the list itself.
import { describe, expect, it } from 'vitest';
import { PARTICIPANT_COLUMNS, participantValues, type ParticipantInsert } from '../../src/main/core/db/repositories/pulled-people-repository';
import { pulledColumns, pulledValues } from '../../src/main/core/db/repositories/pulled-payments-repository';
import type { PulledContributionsTable } from '../../src/main/core/db/schema';

const named = (columns: readonly string[]) => Object.fromEntries(columns.map((c) => [c, c]));

describe("pulled rows' values in their columns' order", () => {
  it('gives a person’s values in PARTICIPANT_COLUMNS order', () => {
    expect(participantValues(named(PARTICIPANT_COLUMNS) as unknown as ParticipantInsert)).toEqual([...PARTICIPANT_COLUMNS]);
  });

  it('gives a pulled payment’s values in its columns’ order', () => {
    expect(pulledValues(named(pulledColumns) as unknown as PulledContributionsTable)).toEqual([...pulledColumns]);
  });
});
