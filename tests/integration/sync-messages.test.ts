// What a failed sync says, in the language the supervisor reads (issue 25 item 10): the core sends
// Vietnamese and English for a failed enrolment, a failed run and the status's last error, so the
// screen switched to English shows no Vietnamese-only sync message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, failure, type Office, openOffice } from './fixtures/office-fixture';

let office: Office;
beforeAll(async () => {
  office = await openOffice();
});
afterAll(async () => {
  await office.close();
});

// A port nobody listens on.
const NOWHERE = 'http://127.0.0.1:9/';

describe('sync messages in both languages', () => {
  it('says why an enrolment failed in Vietnamese and in English', async () => {
    const error = await failure(office.core, 'sync.enroll', { centralUrl: NOWHERE, code: 'ABCDEFGH' }, office.tokens.supervisor);
    expect(error).toMatchObject({ field: 'centralUrl' });
    expect(error.message).toMatch(/^Không kết nối được máy chủ trung tâm/);
    expect(error.messageEn).toMatch(/^Cannot reach the central service/);
  });

  it('says why a run failed, and the status keeps it in both languages', async () => {
    // Enrolled (as far as the store says) with a central nobody runs.
    office.core.database.sqlite.prepare(`UPDATE sync_state SET central_url = ?, central_device_id = 'device-under-test'`).run(NOWHERE);
    const summary = await call(office.core, 'sync.pushNow', {}, office.tokens.supervisor);
    expect(summary.error).toEqual(expect.any(String));
    expect(summary.errorEn).toEqual(expect.any(String));
    expect(summary.errorEn).not.toBe(summary.error);
    const status = await call(office.core, 'sync.status', {}, office.tokens.supervisor);
    expect(status).toMatchObject({ lastError: summary.error, lastErrorEn: summary.errorEn });
  });
});
