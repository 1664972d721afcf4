// First-run setup, sign-in lockout and its expiry, the idle lock and unlocking, and what
// deactivating a member of staff does to their sign-ins and open sessions. Time moves only
// through the injected clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, failure, type Office, openOffice, PASSWORD } from './fixtures/office-fixture';

let office: Office;
beforeEach(async () => {
  office = await openOffice();
});
afterEach(() => office.close());

const auditActions = (staffId: string) =>
  office.core.database.sqlite.prepare(`SELECT action FROM audit_log WHERE entity_id = ? ORDER BY seq`).pluck().all(staffId) as string[];

describe('first-run setup', () => {
  it('sets the office up once and refuses a second setup with ALREADY_SET_UP', async () => {
    const error = await failure(office.core, 'office.setup', {
      officeCode: 'OTHER1',
      officeName: 'Văn phòng khác',
      provinceCode: '79',
      supervisor: { username: 'intruder', fullName: 'Kẻ Lạ', password: 'another-password' },
    });
    expect(error.code).toBe('ALREADY_SET_UP');
    expect(office.core.database.sqlite.prepare('SELECT code FROM office').pluck().all()).toEqual(['TEST01']);
    expect((await failure(office.core, 'auth.login', { username: 'intruder', password: 'another-password' })).code).toBe('BAD_CREDENTIALS');
  });
});

describe('sign-in lockout', () => {
  it('locks the account on the fifth wrong password, audits it, and refuses even the right password while locked', async () => {
    for (let attempt = 1; attempt <= 4; attempt++) {
      const error = await failure(office.core, 'auth.login', { username: 'counter', password: 'wrong-password' });
      expect(error.code).toBe('BAD_CREDENTIALS');
      expect(error.details?.remainingAttempts).toBe(5 - attempt);
    }
    expect((await failure(office.core, 'auth.login', { username: 'counter', password: 'wrong-password' })).code).toBe('ACCOUNT_LOCKED');
    expect(auditActions(office.staffIds.counter).filter((a) => a.startsWith('auth.'))).toEqual([
      'auth.login',
      'auth.failed',
      'auth.failed',
      'auth.failed',
      'auth.failed',
      'auth.lockout',
    ]);
    office.clock.advanceMinutes(14);
    expect((await failure(office.core, 'auth.login', { username: 'counter', password: PASSWORD })).code).toBe('ACCOUNT_LOCKED');
    const lockedUntil = office.core.database.sqlite.prepare(`SELECT locked_until FROM staff WHERE username = 'counter'`).pluck().get();
    expect(lockedUntil).toBe('2026-03-02T02:15:00.000Z');
  });

  it('lets the right password in again once the lockout has expired', async () => {
    for (let attempt = 1; attempt <= 5; attempt++) await failure(office.core, 'auth.login', { username: 'field', password: 'wrong-password' });
    office.clock.advanceMinutes(15.1);
    const session = await call(office.core, 'auth.login', { username: 'field', password: PASSWORD });
    expect(session.staff.username).toBe('field');
    expect(session.staff.lockedUntil).toBeNull();
    // The count started again: one more wrong password is not a new lockout.
    expect((await failure(office.core, 'auth.login', { username: 'field', password: 'wrong-password' })).code).toBe('BAD_CREDENTIALS');
  });

  it('clears a lockout when a supervisor resets the password', async () => {
    for (let attempt = 1; attempt <= 5; attempt++) await failure(office.core, 'auth.login', { username: 'counter', password: 'wrong-password' });
    await call(office.core, 'staff.resetPassword', { id: office.staffIds.counter, password: 'brand-new-password' }, office.tokens.supervisor);
    expect((await call(office.core, 'auth.login', { username: 'counter', password: 'brand-new-password' })).staff.username).toBe('counter');
  });
});

describe('idle lock', () => {
  it('locks a session idle past the office limit and unlocks it with the right password only', async () => {
    const token = office.tokens.counter;
    await call(office.core, 'participants.search', { query: 'an' }, token);
    office.clock.advanceMinutes(11);
    expect((await failure(office.core, 'participants.search', { query: 'an' }, token)).code).toBe('SESSION_LOCKED');
    expect((await call(office.core, 'session.current', {}, token)).state).toBe('locked');

    expect((await failure(office.core, 'auth.unlock', { password: 'wrong-password' }, token)).code).toBe('BAD_CREDENTIALS');
    expect((await failure(office.core, 'participants.search', { query: 'an' }, token)).code).toBe('SESSION_LOCKED');

    const unlocked = await call(office.core, 'auth.unlock', { password: PASSWORD }, token);
    expect(unlocked.token).toBe(token);
    expect((await call(office.core, 'participants.search', { query: 'an' }, token)).items).toEqual([]);
    expect((await call(office.core, 'session.current', {}, token)).state).toBe('active');
  });

  it('keeps a session open while it is used more often than the limit', async () => {
    for (let i = 0; i < 5; i++) {
      office.clock.advanceMinutes(9);
      await call(office.core, 'participants.search', { query: 'an' }, office.tokens.field);
    }
  });

  it('counts wrong unlock passwords towards the lockout, so a locked screen cannot be guessed open', async () => {
    const token = office.tokens.counter;
    office.clock.advanceMinutes(11);
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await failure(office.core, 'auth.unlock', { password: `guess-${attempt}` }, token)).code).toBe('BAD_CREDENTIALS');
    }
    expect((await failure(office.core, 'auth.unlock', { password: 'guess-5' }, token)).code).toBe('ACCOUNT_LOCKED');
    expect((await failure(office.core, 'auth.unlock', { password: PASSWORD }, token)).code).toBe('ACCOUNT_LOCKED');
    expect(auditActions(office.staffIds.counter)).toContain('auth.lockout');
  });
});

describe('deactivated staff', () => {
  it('ends the sessions of a deactivated member of staff and refuses their sign-in', async () => {
    const token = office.tokens.counter;
    await call(office.core, 'staff.setActive', { id: office.staffIds.counter, active: false }, office.tokens.supervisor);
    expect((await failure(office.core, 'participants.search', { query: 'an' }, token)).code).toBe('UNAUTHENTICATED');
    expect((await call(office.core, 'session.current', {}, token)).state).toBe('signed-out');
    expect((await failure(office.core, 'auth.login', { username: 'counter', password: PASSWORD })).code).toBe('BAD_CREDENTIALS');
    expect(auditActions(office.staffIds.counter)).toContain('staff.deactivate');

    await call(office.core, 'staff.setActive', { id: office.staffIds.counter, active: true }, office.tokens.supervisor);
    expect((await call(office.core, 'auth.login', { username: 'counter', password: PASSWORD })).staff.active).toBe(true);
  });

  it('does not let a supervisor deactivate their own account', async () => {
    const error = await failure(office.core, 'staff.setActive', { id: office.staffIds.supervisor, active: false }, office.tokens.supervisor);
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'active' });
  });

  it('ends the sessions of staff whose password a supervisor reset', async () => {
    await call(office.core, 'staff.resetPassword', { id: office.staffIds.field, password: 'brand-new-password' }, office.tokens.supervisor);
    expect((await failure(office.core, 'participants.search', { query: 'an' }, office.tokens.field)).code).toBe('UNAUTHENTICATED');
  });
});
