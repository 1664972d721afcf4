// `store.backup` and `store.restore` through the real core: a supervisor copies the office store
// to a folder while clerks keep registering; the copy on the stick is sealed with a passphrase (no
// readable byte of it there, none left on the laptop), and opened it is whole (SQLite's integrity
// check) and holds what was committed; restored on a fresh install it becomes the office store at
// once, as a new device; the act is in the audit chain. A folder that is not there, a short
// passphrase, a wrong passphrase, a file that is not a copy, a damaged one or one from a newer
// version of the app write nothing;
// only a supervisor may take a copy of citizens' data, and a set-up office cannot be overwritten.
import { existsSync, mkdirSync, readdirSync, readFileSync, truncateSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { openKeyedDatabase } from '../../src/main/core/db/store-cipher';
import { copyHeader } from '../../src/main/core/files/copy-header';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSealedFile, sealFile } from '../../src/main/core/files/sealed-copy';
import { DATABASE_FILE } from '../../src/main/core/office-core';
import { call, failure, type Office, openCore, openOffice, PASSWORD, personInput, rowCounts, tempDir } from './fixtures/office-fixture';

let office: Office;
const stick = tempDir('field-office-usb-');
beforeAll(async () => {
  office = await openOffice();
});
afterAll(async () => {
  await office.close();
  stick.remove();
});

const PASSPHRASE = 'ba con mèo trên mái nhà';
const sealed = (directory: string) => ({ directory, passphrase: PASSPHRASE });

/** Opens a sealed copy into a scratch file: the copy's database, still encrypted, and its key. */
async function opened(file: string): Promise<{ file: string; key: Buffer }> {
  const scratch = tempDir('field-office-opened-');
  afterAllRemove.push(scratch.remove);
  const copy = join(scratch.dir, 'copy.sqlite');
  const { copyKey } = await openSealedFile(file, copy, PASSPHRASE);
  if (!copyKey) throw new Error('the copy carries no key');
  return { file: copy, key: copyKey };
}
const afterAllRemove: (() => void)[] = [];
afterAll(() => afterAllRemove.forEach((remove) => remove()));

describe('store backup', { timeout: 60_000 }, () => {
  it('says when the last copy was taken, how many receipts were issued after it and how much work is in no copy and not at the central', async () => {
    const own = await openOffice();
    const usb = tempDir('field-office-usb-status-');
    try {
      const { core, tokens, clock } = own;
      const pay = async (fromMonth: string) => {
        const payer = await call(core, 'participants.register', personInput(), tokens.counter);
        const question = { participantId: payer.id, scheme: 'VSI' as const, fromMonth, months: 1, incomeBasis: 2_000_000 };
        const quote = await call(core, 'contributions.quote', question, tokens.counter);
        return call(core, 'contributions.record', { ...question, expectedTotal: quote.total }, tokens.counter);
      };
      await pay('2026-03');
      // A registration and a payment, which enrolls the payer: three operations waiting to be sent, in no copy.
      expect(await call(core, 'store.backupStatus', {}, tokens.supervisor)).toEqual({ last: null, receiptsSince: 1, unsentSince: 3 });
      const copy = await call(core, 'store.backup', sealed(usb.dir), tokens.supervisor);
      expect(await call(core, 'store.backupStatus', {}, tokens.supervisor)).toEqual({
        last: { at: copy.takenAt, file: copy.file.split('/').pop(), participants: copy.participants, receipts: 1 },
        receiptsSince: 0,
        unsentSince: 0,
      });
      // Later that day and the next (sessions lock when idle that long: sign in again).
      const later = async (minutes: number) => {
        clock.advanceMinutes(minutes);
        for (const role of ['counter', 'supervisor'] as const) tokens[role] = (await call(core, 'auth.login', { username: role, password: PASSWORD })).token;
      };
      await later(30);
      await pay('2026-04');
      await later(24 * 60);
      await pay('2026-03');
      expect(await call(core, 'store.backupStatus', {}, tokens.supervisor)).toMatchObject({ last: { at: copy.takenAt }, receiptsSince: 2, unsentSince: 6 });
      // Operations the central has answered are safe there, copy or not (as the result applier marks them).
      const { db } = core.context;
      const [firstAfterCopy] = await db.selectFrom('outbox').select('opId').where('createdAt', '>', copy.takenAt).orderBy('seq').limit(1).execute();
      await db.updateTable('outbox').set({ status: 'done' }).where('opId', '=', firstAfterCopy!.opId).execute();
      expect(await call(core, 'store.backupStatus', {}, tokens.supervisor)).toMatchObject({ receiptsSince: 2, unsentSince: 5 });
      expect((await failure(core, 'store.backupStatus', {}, tokens.counter)).code).toBe('FORBIDDEN');
    } finally {
      await own.close();
      usb.remove();
    }
  });

  it('copies the store while clerks keep registering, checks the copy and names it by office and time', async () => {
    const { core, tokens } = office;
    const before = await call(core, 'participants.register', personInput({ fullName: 'Nguyễn Thị Sao Lưu' }), tokens.counter);
    // Registrations go on while the copy is made; the copy holds at least what was committed first.
    const [backup] = await Promise.all([
      call(core, 'store.backup', sealed(stick.dir), tokens.supervisor),
      ...Array.from({ length: 20 }, () => call(core, 'participants.register', personInput(), tokens.counter)),
    ]);
    expect(backup.file).toMatch(new RegExp(`^${stick.dir}/field-office-[A-Z0-9]+-\\d{8}-\\d{6}\\.sqlite\\.age$`));
    expect(readdirSync(stick.dir)).toEqual([backup.file.split('/').pop()]);
    expect(backup.bytes).toBe(statSync(backup.file).size);
    // On the stick: the age format, and not one readable name or personal ID.
    const bytes = readFileSync(backup.file);
    expect(bytes.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    expect(bytes.includes(Buffer.from('Sao Lưu'))).toBe(false);
    expect(bytes.includes(Buffer.from(before.personalId))).toBe(false);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    // On the laptop: the plain copy it was sealed from is gone.
    expect(readdirSync(office.dir).filter((name) => name.includes('.plain'))).toEqual([]);

    const inside = await opened(backup.file);
    // Even with the passphrase, the database in the copy is encrypted: only its own key opens it.
    const raw = readFileSync(inside.file);
    expect(raw.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(raw.includes(Buffer.from('Sao Lưu'))).toBe(false);
    expect(raw.includes(Buffer.from(before.personalId))).toBe(false);
    expect(() => openKeyedDatabase(inside.file, null)).toThrow();
    expect(() => openKeyedDatabase(inside.file, Buffer.alloc(32, 7))).toThrow(expect.objectContaining({ code: 'FILE_ERROR' }));
    const copy = openKeyedDatabase(inside.file, inside.key, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const people = copy.prepare('SELECT count(*) FROM participants').pluck().get() as number;
      expect(backup.participants).toBe(people);
      expect(people).toBeGreaterThanOrEqual(rowCounts(core).participants - 20);
      expect(copy.prepare('SELECT full_name FROM participants WHERE id = ?').pluck().get(before.id)).toBe('Nguyễn Thị Sao Lưu');
    } finally {
      copy.close();
    }

    // The act is audited, and the chain still verifies.
    const audited = core.database.sqlite.prepare(`SELECT staff_id, details FROM audit_log WHERE action = 'store.backup'`).all() as {
      staff_id: string;
      details: string;
    }[];
    expect(audited).toHaveLength(1);
    expect(audited[0]!.staff_id).toBe(office.staffIds.supervisor);
    expect(JSON.parse(audited[0]!.details)).toMatchObject({ file: backup.file.split('/').pop(), bytes: backup.bytes });
    expect(await call(core, 'audit.verify', {}, tokens.supervisor)).toMatchObject({ ok: true, firstBrokenSeq: null });
  });

  it('opens again as an office store that is a new device: new receipt series, not enrolled, work to send again', async () => {
    const { core, tokens } = office;
    // A payment before the copy, so the copy holds a receipt series and unsent work.
    const payer = await call(core, 'participants.register', personInput(), tokens.counter);
    const question = { participantId: payer.id, scheme: 'VSI' as const, fromMonth: '2026-03', months: 1, incomeBasis: 2_000_000 };
    const quote = await call(core, 'contributions.quote', question, tokens.counter);
    const paid = await call(core, 'contributions.record', { ...question, expectedTotal: quote.total }, tokens.counter);
    const copy = await call(core, 'store.backup', sealed(stick.dir), tokens.supervisor);
    // Taken in the same second as the first copy (the test clock stands still): a name of its own.
    expect(copy.file).toMatch(/-2\.sqlite\.age$/);
    expect(readdirSync(stick.dir)).toHaveLength(2);
    const oldDevice = core.database.sqlite.prepare('SELECT device_id FROM office').pluck().get() as string;
    // The live store is not marked; only the copy is.
    expect(core.database.sqlite.prepare('SELECT copy_taken_at FROM office').pluck().get()).toBeNull();

    const restored = tempDir('field-office-restored-');
    try {
      // A fresh install opens the sealed copy; it takes over at once, in the same running core.
      const reopened = await openCore(restored.dir);
      try {
        expect(await call(reopened, 'session.current', {})).toMatchObject({ state: 'not-set-up' });
        expect(await call(reopened, 'store.restore', { file: copy.file, passphrase: PASSPHRASE })).toEqual({
          officeCode: 'TEST01',
          officeName: 'BHXH cơ sở thử nghiệm',
          participants: copy.participants,
          receipts: copy.receipts,
          takenAt: copy.takenAt,
        });
        expect(await call(reopened, 'session.current', {})).toMatchObject({ state: 'signed-out' });
        const s = reopened.database.sqlite;
        const office2 = s.prepare('SELECT device_id, copy_taken_at FROM office').get() as { device_id: string; copy_taken_at: string | null };
        expect(office2.device_id).not.toBe(oldDevice);
        expect(office2.copy_taken_at).toBeNull();
        const { token } = await call(reopened, 'auth.login', { username: 'counter', password: PASSWORD });
        const found = await call(reopened, 'participants.search', { query: 'nguyen thi sao luu' }, token);
        expect(found.items[0]!.fullName).toBe('Nguyễn Thị Sao Lưu');
        // Not enrolled any more, and everything not yet answered is pending again.
        expect(await call(reopened, 'sync.status', {}, token)).toMatchObject({ enrolled: false });
        expect(s.prepare(`SELECT count(*) FROM outbox WHERE status = 'batched'`).pluck().get()).toBe(0);
        expect(s.prepare('SELECT count(*) FROM sync_batches').pluck().get()).toBe(0);
        // The next receipt opens a new series; the copy's receipt keeps its own.
        const again = await call(reopened, 'contributions.quote', { ...question, fromMonth: '2026-04' }, token);
        const next = await call(reopened, 'contributions.record', { ...question, fromMonth: '2026-04', expectedTotal: again.total }, token);
        expect(next.receipt.series).not.toBe(paid.receipt.series);
        expect(next.receipt.number).toBe(1);
        const restoredEntry = s.prepare(`SELECT details FROM audit_log WHERE action = 'store.restored'`).pluck().all() as string[];
        expect(restoredEntry.map((d) => JSON.parse(d))).toEqual([{ copyTakenAt: copy.takenAt, previousDeviceId: oldDevice, deviceId: office2.device_id }]);
        const { token: supervisorToken } = await call(reopened, 'auth.login', { username: 'supervisor', password: PASSWORD });
        expect(await call(reopened, 'audit.verify', {}, supervisorToken)).toMatchObject({ ok: true });
      } finally {
        await reopened.close();
      }
      // The empty store it replaced is kept aside, not deleted.
      expect(readdirSync(restored.dir).filter((name) => name.startsWith(`${DATABASE_FILE}.before-restore-`))).not.toEqual([]);
      expect(existsSync(join(restored.dir, `${DATABASE_FILE}.restored`))).toBe(false);
      // Opened a second time, it is left as it is: the adoption happens once.
      const third = await openCore(restored.dir);
      try {
        expect(third.database.sqlite.prepare(`SELECT count(*) FROM audit_log WHERE action = 'store.restored'`).pluck().get()).toBe(1);
      } finally {
        await third.close();
      }
    } finally {
      restored.remove();
    }
  });

  it('tells a fresh install where a backup copy goes, so an office is restored rather than set up anew', async () => {
    const fresh = tempDir('field-office-fresh-');
    try {
      const core = await openCore(fresh.dir);
      try {
        expect(await call(core, 'session.current', {})).toEqual({ state: 'not-set-up', storeFile: join(fresh.dir, DATABASE_FILE) });
        // Once set up, no such hint is given (nor the path).
        expect(JSON.stringify(await call(office.core, 'session.current', {}))).not.toContain('storeFile');
      } finally {
        await core.close();
      }
    } finally {
      fresh.remove();
    }
  });

  it('refuses a folder that is not there, in Vietnamese, and writes nothing — not even an audit entry', async () => {
    const { core, tokens } = office;
    const audit = rowCounts(core).audit;
    const missing = await failure(core, 'store.backup', sealed(join(stick.dir, 'E')), tokens.supervisor);
    expect(missing).toMatchObject({ code: 'VALIDATION', field: 'directory' });
    expect(missing.message).toMatch(/Không tìm thấy thư mục/);
    const empty = await failure(core, 'store.backup', sealed('   '), tokens.supervisor);
    expect(empty).toMatchObject({ code: 'VALIDATION', field: 'directory', message: 'Nhập hoặc chọn thư mục để lưu bản sao.' });
    const short = await failure(core, 'store.backup', { directory: stick.dir, passphrase: 'mèo' }, tokens.supervisor);
    expect(short).toMatchObject({ code: 'VALIDATION', field: 'passphrase' });
    expect(short.message).toMatch(/ít nhất 10 ký tự/);
    expect(rowCounts(core).audit).toBe(audit);
    expect(readdirSync(stick.dir)).toHaveLength(2);
  });

  it('makes one copy at a time: a second press while one is running is refused, and the first completes', async () => {
    const { core, tokens } = office;
    const target = join(stick.dir, 'twice');
    mkdirSync(target);
    const [first, second] = await Promise.all([
      core.invoke('store.backup', sealed(target), tokens.supervisor),
      core.invoke('store.backup', sealed(target), tokens.supervisor),
    ]);
    // Which of two simultaneous presses goes first is not defined (the folder checks run on the
    // thread pool): one copy is made, the other press is refused.
    const outcomes = [first, second].map((r) => (r.ok ? 'copied' : r.error.code)).sort();
    expect(outcomes).toEqual(['CONFLICT', 'copied']);
    expect(readdirSync(target)).toHaveLength(1);
    // Once it is done, the next copy is taken as usual.
    expect((await core.invoke('store.backup', sealed(target), tokens.supervisor)).ok).toBe(true);
    expect(readdirSync(target)).toHaveLength(2);
  });

  it('tells how far a running copy has got, page by page, then that none is running', async () => {
    const { core, tokens } = office;
    // A store of several hundred pages, so the copy takes a few steps.
    for (let i = 0; i < 300; i++) await call(core, 'participants.register', personInput(), tokens.counter);
    const target = join(stick.dir, 'progress');
    mkdirSync(target);
    expect(await call(core, 'store.backupProgress', {}, tokens.supervisor)).toEqual({ running: false, phase: null, percent: null });
    let finished = false;
    const copy = call(core, 'store.backup', sealed(target), tokens.supervisor).finally(() => (finished = true));
    const seen: { running: boolean; phase: string | null; percent: number | null }[] = [];
    while (!finished) {
      seen.push(await call(core, 'store.backupProgress', {}, tokens.supervisor));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await copy;
    const copying = seen.filter((p) => p.running && p.phase === 'copying').map((p) => p.percent!);
    expect(copying.some((p) => p > 0 && p < 50)).toBe(true);
    // Copying fills the first half of the bar, sealing onto the stick the second; it never goes back.
    const percents = seen.filter((p) => p.running).map((p) => p.percent!);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(seen.some((p) => p.phase === 'checking' && p.percent === 50)).toBe(true);
    expect(seen.some((p) => p.phase === 'sealing' && p.percent! >= 50)).toBe(true);
    expect(await call(core, 'store.backupProgress', {}, tokens.supervisor)).toEqual({ running: false, phase: null, percent: null });
  });

  it('leaves no half copy behind when the copy cannot be written', async () => {
    const { core, tokens } = office;
    const target = join(stick.dir, 'blocked');
    mkdirSync(target);
    // Every name the copy could take is in the way: a folder where its temporary file would go.
    const stamp = (offsetSeconds: number) => {
      const at = new Date(office.clock.now().getTime() + 7 * 3600_000 + offsetSeconds * 1000).toISOString();
      return at.slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
    };
    const code = core.database.sqlite.prepare('SELECT code FROM office').pluck().get() as string;
    for (const s of [0, 1]) mkdirSync(join(target, `field-office-${code}-${stamp(s)}.sqlite.age.partial`), { recursive: true });
    const error = await failure(core, 'store.backup', sealed(target), tokens.supervisor);
    expect(error.code).toBe('FILE_ERROR');
    expect(error.message).toContain(target);
    expect(readdirSync(target).every((name) => name.endsWith('.partial'))).toBe(true);
    expect(readdirSync(office.dir).filter((name) => name.includes('.plain'))).toEqual([]);
  });
});

describe('store restore', { timeout: 60_000 }, () => {
  let copyFile: string;
  beforeAll(async () => {
    const target = join(stick.dir, 'restore');
    mkdirSync(target);
    copyFile = (await call(office.core, 'store.backup', sealed(target), office.tokens.supervisor)).file;
  });

  /** A fresh install, and what is left beside its store after a refused restore: nothing. */
  async function refused(input: { file: string; passphrase: string }) {
    const fresh = tempDir('field-office-fresh-');
    afterAllRemove.push(fresh.remove);
    const core = await openCore(fresh.dir);
    try {
      const error = await failure(core, 'store.restore', input);
      const left = readdirSync(fresh.dir).filter((name) => /restor/.test(name));
      return { error, left };
    } finally {
      await core.close();
    }
  }

  it('reports how far the opening has got, for the progress bar of the setup page', async () => {
    const fresh = tempDir('field-office-fresh-');
    afterAllRemove.push(fresh.remove);
    const core = await openCore(fresh.dir);
    try {
      expect(await call(core, 'store.restoreProgress', {})).toEqual({ running: false, phase: null, percent: null });
      let finished = false;
      const opening = call(core, 'store.restore', { file: copyFile, passphrase: PASSPHRASE }).finally(() => (finished = true));
      const seen: { running: boolean; phase: string | null; percent: number | null }[] = [];
      while (!finished) {
        seen.push(await call(core, 'store.restoreProgress', {}));
        await new Promise((resolve) => setImmediate(resolve));
      }
      await opening;
      // Decrypting fills the bar up to 90 %, never going back; the check (in a worker, so the
      // progress is answered meanwhile) is the rest.
      const percents = seen.filter((p) => p.running).map((p) => p.percent!);
      expect(seen.some((p) => p.running && p.phase === 'opening' && p.percent === 0)).toBe(true);
      expect(seen.some((p) => p.running && p.phase === 'opening' && p.percent! > 0 && p.percent! <= 90)).toBe(true);
      expect(seen.some((p) => p.running && p.phase === 'checking' && p.percent === 90)).toBe(true);
      expect(percents).toEqual([...percents].sort((a, b) => a - b));
      // Once open, the copy has taken over (a new core context): nothing is running.
      expect(await call(core, 'store.restoreProgress', {})).toEqual({ running: false, phase: null, percent: null });
    } finally {
      await core.close();
    }
  });

  it('restores a copy sealed before stores were encrypted (plain inside), and the restored store is encrypted', async () => {
    const scratch = tempDir('field-office-scratch-');
    afterAllRemove.push(scratch.remove);
    // What an earlier version sealed: the plain database, with no key in front of it.
    const inside = await opened(copyFile);
    const plain = openKeyedDatabase(inside.file, inside.key);
    plain.pragma("rekey = ''");
    plain.close();
    expect(readFileSync(inside.file).subarray(0, 15).toString()).toBe('SQLite format 3');
    const old = join(scratch.dir, 'old.sqlite.age');
    await sealFile(inside.file, old, PASSPHRASE);

    const fresh = tempDir('field-office-fresh-');
    afterAllRemove.push(fresh.remove);
    const core = await openCore(fresh.dir);
    try {
      expect(await call(core, 'store.restore', { file: old, passphrase: PASSPHRASE })).toMatchObject({ officeCode: expect.any(String) });
      expect(await call(core, 'auth.login', { username: 'supervisor', password: PASSWORD })).toMatchObject({ staff: { role: 'supervisor' } });
    } finally {
      await core.close();
    }
    const store = readFileSync(join(fresh.dir, DATABASE_FILE));
    expect(store.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(store.includes(Buffer.from('Trần Thị Giám Sát'))).toBe(false);
  });

  it('refuses a wrong passphrase and leaves nothing behind', async () => {
    const { error, left } = await refused({ file: copyFile, passphrase: 'không phải mật khẩu này' });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'passphrase', message: 'Mật khẩu bản sao không đúng.' });
    expect(left).toEqual([]);
  });

  it('refuses a copy made by a newer version of the app, which this one could not open, and leaves nothing behind', async () => {
    const scratch = tempDir('field-office-scratch-');
    afterAllRemove.push(scratch.remove);
    const inside = await opened(copyFile);
    const copy = openKeyedDatabase(inside.file, inside.key);
    copy.prepare(`INSERT INTO schema_migrations (name, timestamp) VALUES ('0099-from-the-future', ?)`).run(new Date().toISOString());
    copy.close();
    const future = join(scratch.dir, 'future.sqlite.age');
    await sealFile(inside.file, future, PASSPHRASE, undefined, copyHeader(inside.key));
    const { error, left } = await refused({ file: future, passphrase: PASSPHRASE });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'file', details: { newer: ['0099-from-the-future'] } });
    expect(error.message).toMatch(/phiên bản Field Office mới hơn/);
    expect(left).toEqual([]);
  });

  it('refuses a file that is not a sealed copy, a copy cut short, and a file that is not there', async () => {
    const scratch = tempDir('field-office-scratch-');
    afterAllRemove.push(scratch.remove);
    const text = join(scratch.dir, 'notes.txt');
    writeFileSync(text, 'Danh sách việc cần làm\n');
    const notCopy = await refused({ file: text, passphrase: PASSPHRASE });
    expect(notCopy.error).toMatchObject({ code: 'VALIDATION', field: 'file' });
    expect(notCopy.error.message).toMatch(/không phải bản sao/);
    expect(notCopy.left).toEqual([]);

    const cut = join(scratch.dir, 'cut.sqlite.age');
    copyFileSync(copyFile, cut);
    truncateSync(cut, Math.floor(statSync(cut).size / 2));
    const damaged = await refused({ file: cut, passphrase: PASSPHRASE });
    expect(damaged.error).toMatchObject({ code: 'VALIDATION', field: 'file' });
    expect(damaged.error.message).toMatch(/bị hỏng hoặc chưa chép hết/);
    expect(damaged.left).toEqual([]);

    const missing = await refused({ file: join(scratch.dir, 'E', 'none.sqlite.age'), passphrase: PASSPHRASE });
    expect(missing.error).toMatchObject({ code: 'FILE_ERROR', field: 'file' });
    expect(missing.left).toEqual([]);
  });

  it('never overwrites an office that is set up, and keeps an opened copy found beside one aside', async () => {
    // Into a set-up office: refused outright.
    const intoOffice = await failure(office.core, 'store.restore', { file: copyFile, passphrase: PASSPHRASE });
    expect(intoOffice.code).toBe('CONFLICT');
    // An opened copy waiting beside a store in which an office is set up (the app stopped between
    // opening the copy and taking it over, and someone set up an office at the next start from an
    // older store file): both are kept, the office stays.
    const fresh = tempDir('field-office-fresh-');
    afterAllRemove.push(fresh.remove);
    const core = await openCore(fresh.dir);
    try {
      await call(core, 'office.setup', {
        officeCode: 'NEW01',
        officeName: 'Văn phòng mới',
        provinceCode: '01',
        supervisor: { username: 'giamsat', fullName: 'Lê Văn Mới', password: PASSWORD },
      });
    } finally {
      await core.close();
    }
    copyFileSync(join(office.dir, DATABASE_FILE), join(fresh.dir, `${DATABASE_FILE}.restored`));
    const again = await openCore(fresh.dir);
    try {
      expect(again.database.sqlite.prepare('SELECT code FROM office').pluck().get()).toBe('NEW01');
      expect(existsSync(join(fresh.dir, `${DATABASE_FILE}.restored`))).toBe(true);
    } finally {
      await again.close();
    }
  });
});
