// The lockout as an attacker tries it: guesses sent all at once (each one reads the account, waits
// tens of milliseconds for its hash, then decides), guesses sent in waves with the right password
// among them, and names probed by how fast the answer comes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, failure, type Office, openOffice, PASSWORD } from './fixtures/office-fixture';

let office: Office;
beforeEach(async () => {
  office = await openOffice();
});
afterEach(() => office.close());

const staffRow = (username: string) =>
  office.core.database.sqlite.prepare(`SELECT failed_attempts AS failedAttempts, locked_until AS lockedUntil FROM staff WHERE username = ?`).get(username) as {
    failedAttempts: number;
    lockedUntil: string | null;
  };
const audited = (staffId: string, action: string) =>
  (office.core.database.sqlite.prepare(`SELECT count(*) FROM audit_log WHERE entity_id = ? AND action = ?`).pluck().get(staffId, action) as number) ?? 0;

describe('the lockout under parallel guesses', () => {
  it('locks the account when 100 wrong passwords arrive at once, and refuses the right one until the window passes', async () => {
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => office.core.invoke('auth.login', { username: 'counter', password: `guess-${i}-wrong` })),
    );
    const codes = answers.map((a) => (a.ok ? 'OK' : a.error.code));
    expect(codes).not.toContain('OK');
    // No more than four guesses are told "attempts left"; every other one meets the lock.
    expect(codes.filter((c) => c === 'BAD_CREDENTIALS').length).toBeLessThanOrEqual(4);
    expect(codes.filter((c) => c === 'ACCOUNT_LOCKED').length).toBeGreaterThanOrEqual(96);
    const remaining = answers.flatMap((a) => (!a.ok && a.error.code === 'BAD_CREDENTIALS' ? [a.error.details?.remainingAttempts] : []));
    expect(new Set(remaining).size).toBe(remaining.length);
    expect(staffRow('counter').lockedUntil).toBe('2026-03-02T02:15:00.000Z');
    expect(audited(office.staffIds.counter, 'auth.lockout')).toBe(1);

    expect((await failure(office.core, 'auth.login', { username: 'counter', password: PASSWORD })).code).toBe('ACCOUNT_LOCKED');
    office.clock.advanceMinutes(14.9);
    expect((await failure(office.core, 'auth.login', { username: 'counter', password: PASSWORD })).code).toBe('ACCOUNT_LOCKED');
    office.clock.advanceMinutes(0.2);
    expect((await call(office.core, 'auth.login', { username: 'counter', password: PASSWORD })).staff.username).toBe('counter');
  });

  it('never lets the right password in when it travels among waves of wrong ones', async () => {
    let lockedAnswers = 0;
    for (let wave = 0; wave < 3; wave++) {
      const guesses = Array.from({ length: 100 }, (_, i) => (i === 50 ? PASSWORD : `wave-${wave}-guess-${i}`));
      const answers = await Promise.all(guesses.map((password) => office.core.invoke('auth.login', { username: 'field', password })));
      // The right password, sent while wrong ones are being hashed, either comes in before any of
      // them counted (then it resets nothing that was not already zero) or meets the lock; it never
      // opens a locked account, and the wrong ones go on locking it.
      const right = answers[50]!;
      if (!right.ok) {
        expect(right.error.code).toBe('ACCOUNT_LOCKED');
        lockedAnswers++;
      }
      expect(staffRow('field').lockedUntil).not.toBeNull();
      office.clock.advanceMinutes(16);
    }
    expect(lockedAnswers).toBeGreaterThan(0);
  });

  it('locks the account when 100 wrong unlock passwords arrive at once on a locked screen', async () => {
    const token = office.tokens.counter;
    office.clock.advanceMinutes(11);
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => office.core.invoke('auth.unlock', { password: `guess-${i}-wrong` }, token)));
    const codes = answers.map((a) => (a.ok ? 'OK' : a.error.code));
    expect(codes.filter((c) => c === 'BAD_CREDENTIALS').length).toBeLessThanOrEqual(4);
    expect(codes.filter((c) => c === 'ACCOUNT_LOCKED').length).toBeGreaterThanOrEqual(96);
    expect((await failure(office.core, 'auth.unlock', { password: PASSWORD }, token)).code).toBe('ACCOUNT_LOCKED');
    expect((await call(office.core, 'session.current', {}, token)).state).toBe('locked');
  });
});

describe('names cannot be probed by timing', () => {
  it('answers an unknown username in the time a known one takes (the password is hashed either way)', async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    const timed = async (into: number[], input: { username: string; password: string }) => {
      const started = performance.now();
      await office.core.invoke('auth.login', input);
      into.push(performance.now() - started);
    };
    // Interleaved, so whatever else the machine does weighs on both alike.
    for (let i = 0; i < 8; i++) {
      await timed(known, { username: 'supervisor', password: PASSWORD });
      await timed(unknown, { username: `nobody-${i}`, password: PASSWORD });
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // Without the dummy hash an unknown name answered in well under a tenth of a known one's time.
    expect(median(unknown) / median(known)).toBeGreaterThan(0.5);
    expect((await failure(office.core, 'auth.login', { username: 'nobody', password: PASSWORD })).code).toBe('BAD_CREDENTIALS');
  });

  it('audits a flood of made-up names once a minute with its count, never the names, and lets a real account in meanwhile', async () => {
    const flood = Array.from({ length: 40 }, (_, i) => office.core.invoke('auth.login', { username: `khong-co-${i}`, password: `mat-khau-${i}` }));
    const real = office.core.invoke('auth.login', { username: 'counter', password: PASSWORD });
    const answers = await Promise.all(flood);
    expect(answers.every((a) => !a.ok && a.error.code === 'BAD_CREDENTIALS')).toBe(true);
    expect((await real).ok).toBe(true);
    const entries = () =>
      office.core.database.sqlite.prepare(`SELECT details FROM audit_log WHERE action = 'auth.unknownName' ORDER BY seq`).pluck().all() as string[];
    // The first is audited at once; the other 39 within the minute are only counted.
    expect(entries()).toEqual(['{"attempts":1}']);
    office.clock.advanceMinutes(1.01);
    expect((await failure(office.core, 'auth.login', { username: 'khong-co-nua', password: 'x' })).code).toBe('BAD_CREDENTIALS');
    expect(entries()).toEqual(['{"attempts":1}', '{"attempts":40}']);
    const all = office.core.database.sqlite.prepare(`SELECT details FROM audit_log`).pluck().all() as string[];
    expect(all.some((d) => d.includes('khong-co') || d.includes('mat-khau'))).toBe(false);
  });
});
