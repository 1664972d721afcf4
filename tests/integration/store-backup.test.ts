// `store.backup` through the real core: a supervisor copies the office store to a folder while
// clerks keep registering; the copy is whole (SQLite's integrity check), holds what was committed,
// opens as an office store again as a new device (the restore path), and the act is in the audit
// chain. A folder
// that is not there writes nothing; only a supervisor may take a copy of citizens' data.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('store backup', () => {
  it('copies the store while clerks keep registering, checks the copy and names it by office and time', async () => {
    const { core, tokens } = office;
    const before = await call(core, 'participants.register', personInput({ fullName: 'Nguyễn Thị Sao Lưu' }), tokens.counter);
    // Registrations go on while the copy is made; the copy holds at least what was committed first.
    const [backup] = await Promise.all([
      call(core, 'store.backup', { directory: stick.dir }, tokens.supervisor),
      ...Array.from({ length: 20 }, () => call(core, 'participants.register', personInput(), tokens.counter)),
    ]);
    expect(backup.file).toMatch(new RegExp(`^${stick.dir}/field-office-[A-Z0-9]+-\\d{8}-\\d{6}\\.sqlite$`));
    expect(readdirSync(stick.dir)).toEqual([backup.file.split('/').pop()]);
    expect(backup.bytes).toBeGreaterThan(0);

    const copy = new Sqlite(backup.file, { readonly: true });
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
    const audited = core.database.sqlite.prepare(`SELECT staff_id, details FROM audit_log WHERE action = 'store.backup'`).all() as { staff_id: string; details: string }[];
    expect(audited).toHaveLength(1);
    expect(audited[0]!.staff_id).toBe(office.staffIds.supervisor);
    expect(JSON.parse(audited[0]!.details)).toMatchObject({ file: backup.file.split('/').pop(), bytes: backup.bytes });
    expect(await call(core, 'audit.verify', {}, tokens.supervisor)).toMatchObject({ ok: true, firstBrokenSeq: null });
  });

  it('opens again as an office store that is a new device: new receipt series, not enrolled, work to send again', async () => {
    const { core, tokens } = office;
    // A payment before the copy, so the copy holds a receipt series and unsent work.
    const payer = await call(core, 'participants.register', personInput(), tokens.counter);
    const question = { participantId: payer.id, scheme: 'VSI', fromMonth: '2026-03', months: 1, incomeBasis: 2_000_000 };
    const quote = await call(core, 'contributions.quote', question, tokens.counter);
    const paid = await call(core, 'contributions.record', { ...question, expectedTotal: quote.total }, tokens.counter);
    const copy = await call(core, 'store.backup', { directory: stick.dir }, tokens.supervisor);
    // Taken in the same second as the first copy (the test clock stands still): a name of its own.
    expect(copy.file).toMatch(/-2\.sqlite$/);
    expect(readdirSync(stick.dir)).toHaveLength(2);
    const oldDevice = core.database.sqlite.prepare('SELECT device_id FROM office').pluck().get() as string;
    // The live store is not marked; only the copy is.
    expect(core.database.sqlite.prepare('SELECT copy_taken_at FROM office').pluck().get()).toBeNull();

    const restored = tempDir('field-office-restored-');
    try {
      copyFileSync(copy.file, join(restored.dir, DATABASE_FILE));
      const reopened = await openCore(restored.dir);
      try {
        const s = reopened.database.sqlite;
        const office2 = s.prepare('SELECT device_id, copy_taken_at FROM office').get() as { device_id: string; copy_taken_at: string | null };
        expect(office2.device_id).not.toBe(oldDevice);
        expect(office2.copy_taken_at).toBeNull();
        const { token } = await call(reopened, 'auth.login', { username: 'counter', password: PASSWORD });
        const found = await call(reopened, 'participants.search', { query: 'nguyen thi sao luu' }, token);
        expect(found.items[0].fullName).toBe('Nguyễn Thị Sao Lưu');
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
    const missing = await failure(core, 'store.backup', { directory: join(stick.dir, 'E') }, tokens.supervisor);
    expect(missing).toMatchObject({ code: 'VALIDATION', field: 'directory' });
    expect(missing.message).toMatch(/Không tìm thấy thư mục/);
    const empty = await failure(core, 'store.backup', { directory: '   ' }, tokens.supervisor);
    expect(empty).toMatchObject({ code: 'VALIDATION', field: 'directory', message: 'Nhập hoặc chọn thư mục để lưu bản sao.' });
    expect(rowCounts(core).audit).toBe(audit);
    expect(readdirSync(stick.dir)).toHaveLength(2);
  });

  it('makes one copy at a time: a second press while one is running is refused, and the first completes', async () => {
    const { core, tokens } = office;
    const target = join(stick.dir, 'twice');
    mkdirSync(target);
    const [first, second] = await Promise.all([
      core.invoke('store.backup', { directory: target }, tokens.supervisor),
      core.invoke('store.backup', { directory: target }, tokens.supervisor),
    ]);
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(readdirSync(target)).toHaveLength(1);
    // Once it is done, the next copy is taken as usual.
    expect((await core.invoke('store.backup', { directory: target }, tokens.supervisor)).ok).toBe(true);
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
    const copy = call(core, 'store.backup', { directory: target }, tokens.supervisor).finally(() => (finished = true));
    const seen: { running: boolean; phase: string | null; percent: number | null }[] = [];
    while (!finished) {
      seen.push(await call(core, 'store.backupProgress', {}, tokens.supervisor));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await copy;
    const percents = seen.filter((p) => p.running && p.phase === 'copying').map((p) => p.percent!);
    expect(percents.some((p) => p > 0 && p < 100)).toBe(true);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
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
    for (const s of [0, 1]) mkdirSync(join(target, `field-office-${code}-${stamp(s)}.sqlite.partial`), { recursive: true });
    const error = await failure(core, 'store.backup', { directory: target }, tokens.supervisor);
    expect(error.code).toBe('FILE_ERROR');
    expect(error.message).toContain(target);
    expect(readdirSync(target).every((name) => name.endsWith('.partial'))).toBe(true);
  });
});
