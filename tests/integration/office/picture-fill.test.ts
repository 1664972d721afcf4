// A new device of the office starts with the whole picture (issue 20 item 4): people of the
// province, the office's households, enrollments, payments, voids, closed days and cash handovers,
// page by page, with its progress; interrupted, it resumes at the page where it stopped and holds
// nothing twice; then the feed takes over from where the picture stood. On PGlite and PostgreSQL.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueEnrollmentCode } from '../../../src/central/admin';
import {
  DEFERRED_PULLED_PAYMENT_INDEXES,
  PULLED_PAYMENT_INDEXES,
  PULLED_PAYMENT_VISIT_TRIGGER,
} from '../../../src/main/core/db/repositories/picture-fill-store';
import { openDatabase } from '../../../src/main/core/db/open-database';
import { createOfficeCore, type OfficeCore } from '../../../src/main/core/office-core';
import type { CentralTransport } from '../../../src/main/core/sync/central-transport';
import { TransportError } from '../../../src/main/core/sync/central-transport';
import { fillCollections } from '../../../src/main/core/sync/fill-collector';
import { PlainFileKeyStore } from '../../../src/main/core/sync/device-key-store';
import { HttpCentralTransport } from '../../../src/main/core/sync/http-central-transport';
import { centralBackends } from '../fixtures/test-postgres';
import { tempDir } from '../fixtures/office-fixture';
import { type Central, resourcesDir, startCentral } from '../sync/central-fixture';
import { type Device, pay, someone, startDevice, sync } from './office-kit';

type Status = { picture: { state: string; rowsDone: number; rowsTotal: number; pagesDone: number; pagesTotal: number; secondsLeft: number | null } };

/** The pulled payments' secondary indexes the store holds, as their CREATE statements (whitespace made single). */
const paymentIndexes = (core: OfficeCore) =>
  (
    core.database.sqlite
      .prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'pulled_contributions' AND sql IS NOT NULL ORDER BY name`)
      .pluck()
      .all() as string[]
  ).map((text) => text.replace(/\s+/g, ' '));
const deferred = [...PULLED_PAYMENT_INDEXES].map((text) => text.replace(/\s+/g, ' ')).sort();
/** Those a fresh fill keeps while its pages come: the day's index (device, day, collector), filled row by row. */
const keptWhileFilling = PULLED_PAYMENT_INDEXES.filter((text) => !DEFERRED_PULLED_PAYMENT_INDEXES.includes(text)).map((text) => text.replace(/\s+/g, ' '));

/** The pulled payments' visit trigger as the store holds it (null: none). */
const visitTrigger = (sqlite: OfficeCore['database']['sqlite']) =>
  (sqlite.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'pulled_contributions_visit_insert'`).pluck().get() as string | undefined) ??
  null;

const count = (core: OfficeCore, table: string) => (core.database.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number) ?? 0;

/** A device set up and enrolled by hand, whose transport can be made to fail after some picture pages. */
async function newDevice(central: Central, failAfterPages: { pages: number } | null) {
  const temp = tempDir('fo-new-device-');
  let pages = 0;
  const core = await createOfficeCore({
    dataDir: temp.dir,
    resourcesDir,
    syncIntervalMs: 0,
    makeTransport: (baseUrl, deviceId) => {
      const http = new HttpCentralTransport({
        baseUrl,
        deviceId,
        keys: new PlainFileKeyStore(join(temp.dir, 'device-key.json')).load(),
        clock: () => new Date(),
      });
      const transport: CentralTransport = {
        enroll: (input) => http.enroll(input),
        pushBatch: (body) => http.pushBatch(body),
        pullChanges: (cursor, limit) => http.pullChanges(cursor, limit),
        reportStatus: (report) => http.reportStatus(report),
        pullPicture: async (cursor, limit) => {
          pages++;
          if (failAfterPages && pages > failAfterPages.pages)
            throw new TransportError({ vi: 'Mất kết nối (thử nghiệm).', en: 'Connection lost (test).' }, 'retry');
          return http.pullPicture(cursor, limit);
        },
      };
      return transport;
    },
  });
  let token = '';
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await core.invoke(method, input, token);
    if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code} ${r.error.message}`), { data: r.error });
    return r.value as T;
  };
  token = (
    await call<{ token: string }>('office.setup', {
      officeCode: 'FILL01',
      officeName: 'BHXH cơ sở FILL01',
      provinceCode: '01',
      supervisor: { username: 'sup', fullName: 'Giám Sát Mới', password: 'correct-horse-1' },
    })
  ).token;
  await call('sync.enroll', { centralUrl: central.url, code: await issueEnrollmentCode(central.database.db, 'FILL01'), deviceName: 'Quầy mới' });
  core.context.sync!.picturePageSize = 3;
  return { core, call, token: () => token, pages: () => pages, close: async () => (await core.close(), temp.remove()) };
}

describe.each(centralBackends())('a new device’s picture on %s', (backend) => {
  let central: Central;
  let counter: Device;
  const made = { people: 0, payments: 0 };
  beforeAll(async () => {
    central = await startCentral(backend);
    counter = await startDevice(central, 'FILL01', 'Quầy 1', { supervisorName: 'Trần Văn Một' });
    const ids: string[] = [];
    for (const name of ['Hà Văn An', 'Hà Thị Bình', 'Hà Văn Cường', 'Hà Thị Dung', 'Hà Văn Em', 'Hà Thị Gấm', 'Hà Văn Hòa']) {
      ids.push((await counter.call<{ id: string }>('participants.register', someone(name))).id);
      made.people++;
    }
    const household = await counter.call<{ id: string }>('households.create', { headParticipantId: ids[0] });
    await counter.call('households.addMember', { householdId: household.id, participantId: ids[1] });
    for (const [i, id] of ids.entries()) {
      await pay(counter.call, id, '2026-01', 3);
      if (i % 2 === 0) await pay(counter.call, id, '2026-04', 3);
    }
    made.payments = ids.length + Math.ceil(ids.length / 2);
    const { receipt } = await pay(counter.call, ids[6]!, '2026-10', 3);
    await counter.call('receipts.void', { id: receipt.id, reason: 'Ghi sai kỳ đóng' });
    made.payments++;
    await sync(counter);
  }, 240_000);
  afterAll(async () => {
    await counter?.core.close();
    await central?.close();
  });

  it('fills the whole picture page by page, then follows the feed from where it stood', async () => {
    const device = await newDevice(central, null);
    try {
      expect((await device.call<Status>('sync.status', {})).picture).toMatchObject({ state: 'none', rowsDone: 0 });
      // The indexes the fill drops and builds again are the migrations' own, word for word.
      expect(paymentIndexes(device.core).sort()).toEqual(deferred);
      await device.call('sync.pushNow', {});
      expect(paymentIndexes(device.core).sort()).toEqual(deferred);
      // The pages' WAL was copied into the store file by a worker while they came, which has ended.
      expect(device.core.context.sync!.walAside.copies.runs).toBe(1);
      expect(device.core.context.sync!.walAside.copies.copies).toBeGreaterThanOrEqual(1);
      const { picture } = await device.call<Status>('sync.status', {});
      expect(picture).toMatchObject({ state: 'done', secondsLeft: 0 });
      expect(picture.rowsDone).toBe(picture.rowsTotal);
      expect(picture.pagesDone).toBe(picture.pagesTotal);
      expect(picture.pagesDone).toBeGreaterThan(5);
      expect(count(device.core, 'participants')).toBe(made.people);
      expect(count(device.core, 'pulled_contributions')).toBe(made.payments);
      expect(count(device.core, 'receipt_voids')).toBe(1);
      expect(count(device.core, 'households')).toBe(1);
      expect(count(device.core, 'household_members')).toBe(2);
      expect(count(device.core, 'enrollments')).toBe(made.people);
      const found = await device.call<{ items: unknown[] }>('participants.search', { query: 'ha thi dung' });
      expect(found.items).toHaveLength(1);
      // What the counter does next arrives by the feed, not a second picture.
      const pagesBefore = device.pages();
      const late = await counter.call<{ id: string }>('participants.register', someone('Hà Văn Muộn'));
      await pay(counter.call, late.id, '2026-01', 3);
      await sync(counter);
      expect(await device.call('sync.pushNow', {})).toMatchObject({ error: null });
      expect(device.pages()).toBe(pagesBefore);
      expect(count(device.core, 'pulled_contributions')).toBe(made.payments + 1);
      made.people++;
      made.payments++;
    } finally {
      await device.close();
    }
  });

  it('resumes an interrupted fill at the page where it stopped, holding nothing twice', async () => {
    const link = { pages: 4 };
    const device = await newDevice(central, link);
    try {
      const failed = await device.call<{ error: string | null }>('sync.pushNow', {});
      expect(failed.error).toContain('Mất kết nối');
      const half = (await device.call<Status>('sync.status', {})).picture;
      expect(half).toMatchObject({ state: 'filling', pagesDone: 4 });
      // A fresh store's fill builds the payments' paid-period and household indexes at its end, not
      // row by row; the day's index, whose rows come in its order, is filled as they come.
      expect(keptWhileFilling.map((text) => text.split(' ')[2])).toEqual(['pulled_contributions_day']);
      expect(paymentIndexes(device.core)).toEqual(keptWhileFilling);
      // Nor does the payments' visit trigger test its switch row by row meanwhile: only pulled pages write them.
      expect(visitTrigger(device.core.database.sqlite)).toBeNull();
      const asked = device.pages();
      // The link is back: the fill goes on from the stored cursor, asking no page twice.
      link.pages = Number.POSITIVE_INFINITY;
      expect(await device.call<{ error: string | null }>('sync.pushNow', {})).toMatchObject({ error: null });
      const done = (await device.call<Status>('sync.status', {})).picture;
      expect(done).toMatchObject({ state: 'done' });
      expect(done.pagesDone).toBe(done.pagesTotal);
      expect(device.pages() - asked).toBe(done.pagesTotal - half.pagesDone);
      expect(count(device.core, 'pulled_contributions')).toBe(made.payments);
      expect(count(device.core, 'participants')).toBe(made.people);
      expect(count(device.core, 'receipt_voids')).toBe(1);
      expect(paymentIndexes(device.core).sort()).toEqual(deferred);
      // The trigger is back, word for word as a migrated store holds it.
      const fresh = tempDir('fo-migrated-');
      const migrated = await openDatabase(join(fresh.dir, 'office.db'));
      try {
        expect(visitTrigger(migrated.sqlite)).toBe(PULLED_PAYMENT_VISIT_TRIGGER);
      } finally {
        await migrated.close();
        fresh.remove();
      }
      expect(visitTrigger(device.core.database.sqlite)).toBe(PULLED_PAYMENT_VISIT_TRIGGER);
    } finally {
      await device.close();
    }
  });

  it('stopped between pages of payments, resumes from there and ends with every payment once and their indexes built', async () => {
    const link = { pages: 0 };
    const device = await newDevice(central, link);
    try {
      // Two pages a run, the link dropping after them, until payments have come (3 to a page: not all of them).
      while (count(device.core, 'pulled_contributions') === 0) {
        link.pages = device.pages() + 2;
        expect(await device.call<{ error: string | null }>('sync.pushNow', {})).toMatchObject({ error: expect.stringContaining('Mất kết nối') });
      }
      const held = count(device.core, 'pulled_contributions');
      expect(held).toBeGreaterThan(0);
      expect(held).toBeLessThan(made.payments);
      expect((await device.call<Status>('sync.status', {})).picture.state).toBe('filling');
      expect(paymentIndexes(device.core)).toEqual(keptWhileFilling);
      // The device answers searches meanwhile.
      expect((await device.call<{ items: unknown[] }>('participants.search', { query: 'ha van an' })).items).toHaveLength(1);
      link.pages = Number.POSITIVE_INFINITY;
      expect(await device.call<{ error: string | null }>('sync.pushNow', {})).toMatchObject({ error: null });
      expect((await device.call<Status>('sync.status', {})).picture.state).toBe('done');
      expect(count(device.core, 'pulled_contributions')).toBe(made.payments);
      expect(device.core.database.sqlite.prepare('SELECT count(DISTINCT receipt_id) FROM pulled_contributions').pluck().get()).toBe(made.payments);
      expect(paymentIndexes(device.core).sort()).toEqual(deferred);
    } finally {
      await device.close();
    }
  });

  it('answers searches and quotes while the payments’ indexes are built aside; a write waits for the build (or hears BUSY)', async () => {
    const device = await newDevice(central, null);
    const gate = device.core.context.storeWrites!;
    // The build is held once it has the store's write lock, until the test lets it go: a fixed
    // point at which the core must answer, whatever this machine's speed.
    const hold = new Int32Array(new SharedArrayBuffer(4));
    gate.testHold = hold;
    const release = () => (Atomics.store(hold, 0, 1), Atomics.notify(hold, 0));
    try {
      const collected = fillCollections.beforeIndexes;
      let settled = false;
      const pushing = device.call<{ error: string | null }>('sync.pushNow', {}).finally(() => (settled = true));
      while (!gate.locked && !settled) await new Promise((r) => setTimeout(r, 5));
      expect(gate.locked).toBe(true);
      // The fill's garbage was collected once its last page was in, before the build's memory came on top (ADR 0041).
      expect(fillCollections.beforeIndexes).toBe(collected + 1);
      // Every row is in; the deferred indexes are not yet. The core answers reads meanwhile.
      expect((await device.call<Status>('sync.status', {})).picture.state).toBe('done');
      expect(paymentIndexes(device.core)).toEqual(keptWhileFilling);
      const found = await device.call<{ items: { id: string }[] }>('participants.search', { query: 'ha van an' });
      expect(found.items).toHaveLength(1);
      const quoted = await device.core.invoke(
        'contributions.quote',
        { participantId: found.items[0]!.id, scheme: 'VSI', fromMonth: '2026-01', months: 3, incomeBasis: 1_500_000 },
        device.token(),
      );
      expect(quoted).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'fromMonth' } });
      // A write refused while the lock is held waits for the build, without holding the thread…
      gate.waitMs = 50;
      const refused = await device.core.invoke('participants.register', someone('Hà Văn Chờ'), device.token());
      expect(refused).toMatchObject({ ok: false, error: { code: 'BUSY' } });
      expect(count(device.core, 'participants')).toBe(made.people);
      gate.waitMs = 600_000;
      let registered = false;
      const waiting = device.call<{ id: string }>('participants.register', someone('Hà Văn Đợi')).finally(() => (registered = true));
      expect((await device.call<{ items: unknown[] }>('participants.search', { query: 'ha thi dung' })).items).toHaveLength(1);
      expect(registered).toBe(false);
      expect(gate.locked).toBe(true);
      // …and is saved once it is built.
      release();
      expect((await waiting).id).toBeTruthy();
      expect(await pushing).toMatchObject({ error: null });
      expect(gate.held).toBe(false);
      expect(paymentIndexes(device.core).sort()).toEqual(deferred);
      expect(count(device.core, 'participants')).toBe(made.people + 1);
      // A kill -9 during the build leaves every row in and an index (and the trigger) not made: the next run makes them.
      device.core.database.sqlite.exec('DROP INDEX pulled_contributions_day');
      device.core.database.sqlite.exec('DROP TRIGGER pulled_contributions_visit_insert');
      expect(await device.call('sync.pushNow', {})).toMatchObject({ error: null });
      expect(paymentIndexes(device.core).sort()).toEqual(deferred);
      expect(visitTrigger(device.core.database.sqlite)).toBe(PULLED_PAYMENT_VISIT_TRIGGER);
      expect(fillCollections.beforeIndexes).toBe(collected + 2);
    } finally {
      release();
      await device.close();
    }
  });
});
