// The core enforces who may call what, for every method in the contract, whatever the UI hides.
// The expected table is written out here on purpose: loosening a method's `access` in the
// contract fails this test until someone changes the table too, consciously.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames } from '../../src/shared/contract/methods';
import { call, failure, type Office, openOffice, PASSWORD, personInput, rowCounts } from './fixtures/office-fixture';

type Who = 'supervisor' | 'counter' | 'field';
const everyone: Who[] = ['supervisor', 'counter', 'field'];
const supervisorOnly: Who[] = ['supervisor'];
/** Visit lists and what comes of them: field officers and supervisors, never counter staff (issue 21). */
const fieldWork: Who[] = ['supervisor', 'field'];

/** Who may call each method: 'public' needs no session. */
const expectedAccess: Record<string, 'public' | Who[]> = {
  'office.setup': 'public',
  'auth.login': 'public',
  'auth.logout': 'public',
  'auth.unlock': 'public',
  'session.current': 'public',
  'reference.provinces': 'public',
  'reference.communes': 'public',
  'reference.legacyCommunes': everyone,

  'staff.list': supervisorOnly,
  'staff.create': supervisorOnly,
  'staff.setActive': supervisorOnly,
  'staff.resetPassword': supervisorOnly,
  'audit.verify': supervisorOnly,
  'audit.status': supervisorOnly,
  'audit.settle': supervisorOnly,
  'audit.list': supervisorOnly,
  // A field officer closes their own laptop's day (issue 20 item 5).
  'dayEnd.summary': ['supervisor', 'field'],
  'dayEnd.close': ['supervisor', 'field'],
  'dayEnd.reopen': supervisorOnly,
  'dayEnd.report': supervisorOnly,
  'dayEnd.exportExcel': supervisorOnly,
  'dayEnd.office': supervisorOnly,
  'dayEnd.recordHandover': supervisorOnly,
  'sync.enroll': supervisorOnly,
  // A field officer back in coverage sends the day's work.
  'sync.pushNow': ['supervisor', 'field'],
  'sync.issues': supervisorOnly,
  'sync.resolveIssue': supervisorOnly,
  'sync.exportFile': supervisorOnly,
  'sync.importResult': supervisorOnly,
  'store.backup': supervisorOnly,
  'store.backupProgress': supervisorOnly,
  'store.backupStatus': supervisorOnly,
  // Public like office.setup, and refused (CONFLICT) once an office is set up.
  'store.restore': 'public',
  'store.restoreProgress': 'public',

  'participants.register': everyone,
  'participants.update': everyone,
  'participants.get': everyone,
  'participants.supportPreview': everyone,
  'participants.search': everyone,
  'households.create': everyone,
  'households.get': everyone,
  'households.addMember': everyone,
  'households.removeMember': everyone,
  'households.reorder': everyone,
  'households.setCoverage': everyone,
  'enrollments.set': everyone,
  'enrollments.listForParticipant': everyone,
  'contributions.quote': everyone,
  'contributions.record': everyone,
  'contributions.quoteHousehold': everyone,
  'contributions.recordHousehold': everyone,
  'contributions.listForParticipant': everyone,
  'receipts.get': everyone,
  'receipts.void': everyone,
  'receipts.markPrinted': everyone,
  'receipts.listForDay': everyone,
  'receipts.verify': everyone,
  'receipts.lookup': everyone,
  'sync.status': everyone,
  'drafts.get': everyone,
  'drafts.save': everyone,
  'drafts.discard': everyone,

  'hamlets.list': everyone,
  'hamlets.learn': supervisorOnly,
  'hamlets.save': supervisorOnly,
  'field.assignments': supervisorOnly,
  'field.assign': supervisorOnly,
  'field.coverage': supervisorOnly,
  'field.coverageExcel': supervisorOnly,
  'field.myArea': fieldWork,
  'field.visitList': fieldWork,
  'field.recordVisit': fieldWork,
  'field.visits': fieldWork,
  'field.routeSheet': fieldWork,
  'field.routeSheetExcel': fieldWork,
  'field.exportReminders': fieldWork,
};

/**
 * An input no method accepts (every contract input is an object), so that a call the core lets
 * through stops at validation and writes nothing, while a refused call shows the refusal.
 */
const unusableInput = 'not an object';

let office: Office;
beforeAll(async () => {
  office = await openOffice();
});
afterAll(() => office.close());

async function codeFor(method: string, who: Who | null): Promise<string> {
  // Signing out ends the session it is given, so it gets a fresh one of the same role.
  const token =
    who === null
      ? undefined
      : method === 'auth.logout'
        ? (await call(office.core, 'auth.login', { username: who, password: PASSWORD })).token
        : office.tokens[who];
  const result = await office.core.invoke(method, unusableInput, token);
  return result.ok ? 'OK' : result.error.code;
}

describe('role enforcement', () => {
  it('has an expected access entry for every contract method and none for methods that do not exist', () => {
    expect(Object.keys(expectedAccess).sort()).toEqual([...methodNames].sort());
  });

  it('matches the contract access table to the expected table', () => {
    for (const method of methodNames) {
      const expected = expectedAccess[method]!;
      const actual = contract[method].access;
      expect({ method, access: actual === 'public' ? 'public' : [...actual].sort() }).toEqual({
        method,
        access: expected === 'public' ? 'public' : [...expected].sort(),
      });
    }
  });

  it('never asks for a session on a public method, whoever calls', async () => {
    for (const method of methodNames.filter((m) => expectedAccess[m] === 'public')) {
      for (const who of [null, ...everyone] as const) {
        const code = await codeFor(method, who);
        expect({ method, who, code }).not.toEqual(expect.objectContaining({ code: expect.stringMatching(/^(UNAUTHENTICATED|FORBIDDEN|SESSION_LOCKED)$/) }));
      }
    }
  });

  it('refuses every other method without a session, and with a role not in the table', async () => {
    const before = rowCounts(office.core);
    for (const method of methodNames.filter((m) => expectedAccess[m] !== 'public')) {
      const allowed = expectedAccess[method] as Who[];
      expect({ method, who: null, code: await codeFor(method, null) }).toEqual({ method, who: null, code: 'UNAUTHENTICATED' });
      for (const who of everyone) {
        const code = await codeFor(method, who);
        if (allowed.includes(who)) {
          // Let through: the call reaches input validation and stops there.
          expect({ method, who, code }).toEqual({ method, who, code: 'VALIDATION' });
        } else {
          expect({ method, who, code }).toEqual({ method, who, code: 'FORBIDDEN' });
        }
      }
    }
    expect(rowCounts(office.core)).toEqual(before);
  });

  it('refuses a made-up token like no token at all', async () => {
    const error = await failure(office.core, 'participants.search', { query: 'an' }, 'made-up-token');
    expect(error.code).toBe('UNAUTHENTICATED');
  });

  it('answers an unknown method with UNKNOWN_METHOD, signed in or not', async () => {
    expect((await failure(office.core, 'participants.delete', {})).code).toBe('UNKNOWN_METHOD');
    expect((await failure(office.core, 'participants.delete', {}, office.tokens.supervisor)).code).toBe('UNKNOWN_METHOD');
    expect((await failure(office.core, '__proto__', {}, office.tokens.supervisor)).code).toBe('UNKNOWN_METHOD');
    expect((await failure(office.core, 'toString', {}, office.tokens.supervisor)).code).toBe('UNKNOWN_METHOD');
  });

  it('answers bad input with VALIDATION naming the field, and writes nothing', async () => {
    const cases: [string, unknown, string][] = [
      ['participants.register', personInput({ personalId: '12345' }), 'personalId'],
      ['participants.register', personInput({ dateOfBirth: '1990-02-30' }), 'dateOfBirth'],
      ['participants.register', personInput({ phone: '12-34' }), 'phone'],
      ['participants.register', personInput({ personalId: '001190000123', sex: 'male', dateOfBirth: '1985-01-01' }), 'personalId'],
      ['participants.register', personInput({ communeCode: '25747' }), 'communeCode'],
      ['participants.update', { id: 'not-a-uuid', expectedVersion: 1 }, 'id'],
      ['households.create', { headParticipantId: 42 }, 'headParticipantId'],
      ['staff.create', { username: 'Ab', fullName: 'X Y', role: 'counter', password: 'long-enough-pw' }, 'username'],
    ];
    const before = rowCounts(office.core);
    for (const [method, input, field] of cases) {
      const error = await failure(office.core, method, input, office.tokens.supervisor);
      expect({ method, code: error.code, field: error.field }).toEqual({ method, code: 'VALIDATION', field });
      expect(error.message.length).toBeGreaterThan(0);
      expect(error.messageEn.length).toBeGreaterThan(0);
    }
    expect(rowCounts(office.core)).toEqual(before);
    expect(office.core.database.sqlite.prepare('SELECT count(*) FROM staff').pluck().get()).toBe(3);
  });
});
