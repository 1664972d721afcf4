// Unsaved registration drafts: kept per staff member while they type, returned only to them,
// replaced on each save, gone when discarded; bad drafts are refused and write nothing; a draft
// survives the core being closed and opened again (a crash or a flat battery).
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
});
