// The office's log file (<data>/logs/field-office.log): what a technician reads from a laptop
// brought back from a commune. A sync run that failed says why, a store copy says where and how
// big, an unexpected error says in which method — and no one's name or personal ID is in it;
// the file rotates at its size and keeps five old ones.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOG_FILE, openOfficeLog } from '../../src/main/core/log/office-log';
import { call, type Office, openOffice, personInput, tempDir } from './fixtures/office-fixture';

let office: Office;
const usb = tempDir('fo-log-usb-');
beforeAll(async () => {
  office = await openOffice();
});
afterAll(async () => {
  await office.close();
  usb.remove();
});

function logLines(dir: string): Record<string, unknown>[] {
  const file = join(dir, 'logs', LOG_FILE);
  return existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>)
    : [];
}

/** Waits until the log file holds a line with this message (pino writes through a stream). */
async function lineWith(dir: string, msg: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 100; i++) {
    const found = logLines(dir).find((l) => l.msg === msg);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no "${msg}" line in the log`);
}

describe('the office log file', () => {
  it('says why a sync run failed, and holds no personal data', async () => {
    const person = personInput({ fullName: 'Hứa Thị Nhật Ký' });
    await call(office.core, 'participants.register', person, office.tokens.counter);
    // Enrolled (as far as the store says) with a central on a port nobody listens on, and no device key.
    office.core.database.sqlite.prepare(`UPDATE sync_state SET central_url = 'http://127.0.0.1:9/', central_device_id = 'device-under-test'`).run();
    const summary = await call(office.core, 'sync.pushNow', {}, office.tokens.supervisor);
    expect(summary.error).toEqual(expect.any(String));
    const line = await lineWith(office.dir, 'sync run failed');
    expect(line).toMatchObject({ level: 40, error: summary.error, batches: 0 });
    const text = readFileSync(join(office.dir, 'logs', LOG_FILE), 'utf8');
    for (const personal of [person.fullName, person.personalId, 'Hứa']) expect(text).not.toContain(personal);
  });

  it('says where a store copy went and how big it is, never its passphrase', async () => {
    const copy = await call(office.core, 'store.backup', { directory: usb.dir, passphrase: 'một câu mật khẩu dài' }, office.tokens.supervisor);
    const line = await lineWith(office.dir, 'store copy made');
    expect(line).toMatchObject({ level: 30, file: copy.file.split('/').pop(), bytes: copy.bytes });
    expect(readFileSync(join(office.dir, 'logs', LOG_FILE), 'utf8')).not.toContain('một câu mật khẩu dài');
  });

  it('rotates at 2 MB and keeps the five last files', async () => {
    const dir = tempDir('fo-log-rotate-');
    try {
      const { log, close } = openOfficeLog(dir.dir);
      const filler = 'x'.repeat(1000);
      for (let i = 0; i < 16_000; i++) log.info({ filler, i }, 'filler');
      await close();
      const files = readdirSync(join(dir.dir, 'logs'));
      expect(files).toContain(LOG_FILE);
      // 16 MB written: the current file and five rotated ones (the oldest dropped), and the
      // library's list of them.
      const rotated = files.filter((f) => f !== LOG_FILE && !f.endsWith('.txt'));
      expect(rotated.length).toBe(5);
      expect(logLines(dir.dir).at(-1)).toMatchObject({ i: 15_999 });
    } finally {
      dir.remove();
    }
  });
});
