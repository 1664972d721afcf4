// What a method is, said where it is declared (methods.ts): which answers carry a session token,
// which one ends it, which run on a store with no office yet, and which makes the core reopen its
// store. The shell, the browser client and the core read these flags instead of keeping name sets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames, methodPolicy } from '../../src/shared/contract/methods';
import type { OfficeCore } from '../../src/main/core/office-core';
import { openCore, tempDir } from './fixtures/office-fixture';

const flagged = (flag: 'beforeSetup' | 'reopensStore') => methodNames.filter((m) => methodPolicy(m)[flag]).sort();

describe('method policy flags', () => {
  it('name the session methods, the first-run methods and the one that reopens the store', () => {
    expect(methodNames.filter((m) => methodPolicy(m).session === 'opens').sort()).toEqual(['auth.login', 'auth.unlock', 'office.setup']);
    expect(methodNames.filter((m) => methodPolicy(m).session === 'ends')).toEqual(['auth.logout']);
    expect(flagged('reopensStore')).toEqual(['store.restore']);
    expect(flagged('beforeSetup')).toEqual(
      ['auth.logout', 'office.setup', 'reference.communes', 'reference.provinces', 'session.current', 'store.restore', 'store.restoreProgress'].sort(),
    );
    // Only a method that needs no session can answer before there is anyone to sign in.
    for (const method of flagged('beforeSetup')) expect(contract[method].access, method).toBe('public');
    expect(methodPolicy('no.such.method')).toEqual({});
    expect(methodPolicy(42)).toEqual({});
  });

  describe('on a store with no office yet', () => {
    const data = tempDir();
    let core: OfficeCore;
    beforeAll(async () => {
      core = await openCore(data.dir);
    });
    afterAll(async () => {
      await core.close();
      data.remove();
    });

    it('answers the first-run methods and says NOT_SET_UP to every other, public or not', async () => {
      expect(await core.invoke('session.current', {})).toMatchObject({ ok: true });
      expect(await core.invoke('reference.provinces', {})).toMatchObject({ ok: true });
      for (const method of ['auth.login', 'auth.unlock', 'participants.search'] as const) {
        const input = method === 'participants.search' ? { query: 'an' } : { username: 'x', password: 'whatever-password' };
        expect(await core.invoke(method, input), method).toMatchObject({ ok: false, error: { code: 'NOT_SET_UP' } });
      }
    });
  });
});
