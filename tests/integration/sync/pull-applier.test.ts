// A pulled page is applied in one transaction, new people written together at its end: a person
// met twice in one page ends as the later version, a second person with a personal ID already in
// the page becomes a sync issue (never a silent overwrite), and the cursor moves with the data.
import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPulledChanges } from '../../../src/main/core/sync/pull-applier';
import { openOffice, type Office } from '../fixtures/office-fixture';

const person = (id: string, fullName: string, personalId: string, version = 1) => ({
  seq: 0,
  kind: 'participant' as const,
  payload: {
    id,
    fullName,
    dateOfBirth: '1991-02-02',
    sex: 'female',
    personalId,
    provinceCode: '01',
    communeCode: '00004',
    addressLine: 'Thôn Bắc',
    officialNumber: '0100000042',
    canonicalId: null,
    version,
  },
});

describe('pull applier', () => {
  let office: Office;
  beforeEach(async () => {
    office = await openOffice();
  });
  afterEach(async () => {
    await office.close();
  });

  it('keeps the later version of a person met twice in one page and turns a personal-ID clash into an issue', async () => {
    const db = office.core.context.db;
    const x = uuidv7();
    const y = uuidv7();
    const page = [person(x, 'Trần Thị Bình', '001191000002'), person(x, 'Trần Thị Bính', '001191000002', 2), person(y, 'Người Khác', '001191000002')].map(
      (c, i) => ({ ...c, seq: i + 1 }),
    );
    expect(await applyPulledChanges(db, page, '3', '2026-03-02T02:00:00.000Z')).toBe(3);
    const rows = await db.selectFrom('participants').select(['id', 'fullName', 'version', 'officialNumber']).where('personalId', '=', '001191000002').execute();
    expect(rows).toEqual([{ id: x, fullName: 'Trần Thị Bính', version: 2, officialNumber: '0100000042' }]);
    const issues = await db.selectFrom('syncIssues').select(['class', 'entityId']).execute();
    expect(issues).toEqual([{ class: 'CONFLICT', entityId: x }]);
    const state = await db.selectFrom('syncState').select('pullCursor').executeTakeFirstOrThrow();
    expect(state.pullCursor).toBe('3');
    const found = await office.core.invoke('participants.search', { query: 'tran thi binh' }, office.tokens.counter);
    expect(found.ok && (found.value as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([x]);
  });
});
