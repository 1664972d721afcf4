// Unsaved registration drafts: kept per staff member while they type, returned only to them,
// replaced on each save, gone when discarded; bad drafts are refused and write nothing; a draft
// survives the core being closed and opened again (a crash or a flat battery); none outlives its use
// (30 days untouched, or its author's account deactivated).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, failure, type Office, openCore, openOffice, PASSWORD, rowCounts } from './fixtures/office-fixture';

const form = 'person-register';
const typed = { fullName: 'Lò Văn Páo', dateOfBirth: '1985-07-09', personalId: '00108500', phone: null };

describe('form drafts', () => {
  let office: Office;
  beforeEach(async () => {
    office = await openOffice();
  });
  afterEach(async () => {
    await office.close();
  });

  it('keeps the latest draft of the staff member who typed it, and no one else sees it', async () => {
    expect(await call(office.core, 'drafts.get', { form }, office.tokens.field)).toBeNull();
    await call(office.core, 'drafts.save', { form, data: { fullName: 'Lò Văn' } }, office.tokens.field);
    const saved = await call(office.core, 'drafts.save', { form, data: typed }, office.tokens.field);
    expect(saved).toMatchObject({ form, data: typed });
    expect(await call(office.core, 'drafts.get', { form }, office.tokens.field)).toEqual(saved);
    expect(await call(office.core, 'drafts.get', { form }, office.tokens.counter)).toBeNull();
    expect(await call(office.core, 'drafts.get', { form }, office.tokens.supervisor)).toBeNull();
    await call(office.core, 'drafts.discard', { form }, office.tokens.field);
    expect(await call(office.core, 'drafts.get', { form }, office.tokens.field)).toBeNull();
  });

  it('refuses a draft that is not a form of text fields, and writes nothing', async () => {
    const before = rowCounts(office.core);
    const drafts = () => office.core.database.sqlite.prepare('SELECT count(*) FROM form_drafts').pluck().get();
    for (const data of [{ fullName: 'x'.repeat(501) }, { fullName: 42 }, Object.fromEntries(Array.from({ length: 41 }, (_, i) => [`f${i}`, 'x']))]) {
      const error = await failure(office.core, 'drafts.save', { form, data }, office.tokens.counter);
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toBeTruthy();
    }
    expect((await failure(office.core, 'drafts.save', { form: 'staff-create', data: {} }, office.tokens.counter)).field).toBe('form');
    expect(drafts()).toBe(0);
    expect(rowCounts(office.core)).toEqual(before);
  });

  it('is still there after the core is closed and opened again', async () => {
    await call(office.core, 'drafts.save', { form, data: typed }, office.tokens.counter);
    await office.core.close();
    const reopened = await openCore(office.dir);
    try {
      const login = await call(reopened, 'auth.login', { username: 'counter', password: PASSWORD });
      expect((await call(reopened, 'drafts.get', { form }, login.token))?.data).toEqual(typed);
    } finally {
      await reopened.close();
    }
  });

  const draftOwners = (core: Office['core']) =>
    (core.database.sqlite.prepare('SELECT staff_id FROM form_drafts ORDER BY staff_id').pluck().all() as string[]).sort();

  it("drops a clerk's drafts with the deactivation of their account", async () => {
    await call(office.core, 'drafts.save', { form, data: typed }, office.tokens.counter);
    await call(office.core, 'drafts.save', { form, data: typed }, office.tokens.field);
    await call(office.core, 'staff.setActive', { id: office.staffIds.counter, active: false }, office.tokens.supervisor);
    expect(draftOwners(office.core)).toEqual([office.staffIds.field]);
  });

  it('drops drafts nobody touched for 30 days when the office opens, and keeps the rest', async () => {
    await call(office.core, 'drafts.save', { form, data: typed }, office.tokens.counter);
    office.clock.advanceMinutes(20 * 24 * 60);
    const field = await call(office.core, 'auth.login', { username: 'field', password: PASSWORD });
    await call(office.core, 'drafts.save', { form, data: typed }, field.token);
    office.clock.advanceMinutes(11 * 24 * 60); // the counter's draft is now 31 days old, the field officer's 11
    await office.core.close();
    const reopened = await openCore(office.dir, office.clock);
    try {
      expect(draftOwners(reopened)).toEqual([office.staffIds.field]);
    } finally {
      await reopened.close();
    }
  });
});
