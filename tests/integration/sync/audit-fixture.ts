// Shared by the audit-anchor tests: their scaffolding (one central per backend, a fresh office
// with its work pushed before each test, an office restarted on its data folder), an attacker's
// rewrite of an office's audit log (every hash after the edited entry recomputed), and some work
// that writes audit entries.
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { auditEntryHash } from '../../../src/main/core/db/mutation-log';
import { createOfficeCore } from '../../../src/main/core/office-core';
import type { CentralBackend } from '../fixtures/test-postgres';
import { type Central, type Office, person, resourcesDir, startCentral, startOffice } from './central-fixture';

/** What an audit-anchor test works on; the hooks of `auditAnchorWorld` fill it. */
export interface AuditWorld {
  central: Central;
  /** This test's office (code `<prefix><n>`), its `people` registered and pushed. */
  office: Office;
  /** The office's device id at the central. */
  deviceId: string;
  /** The number of offices started so far, so each test's names and ids differ. */
  offices: number;
}

/** Registers the hooks: a central on `backend` for the describe, and before each test a new office that did `people` people's work and pushed it. */
export function auditAnchorWorld(backend: CentralBackend, prefix: string, people: number): AuditWorld {
  const world = { offices: 0 } as AuditWorld;
  beforeAll(async () => {
    world.central = await startCentral(backend);
  }, 300_000);
  beforeEach(async () => {
    world.offices += 1;
    world.office = await startOffice(world.central, `${prefix}${world.offices}`);
    await work(world.office, people, world.offices * 100);
    await world.office.call('sync.pushNow', {});
    world.deviceId = (await world.office.call<{ centralDeviceId: string }>('sync.status', {})).centralDeviceId;
  }, 300_000);
  afterEach(async () => {
    await world.office?.core.close();
  });
  afterAll(async () => {
    await world.central?.close();
  });
  return world;
}

/** Starts the office's core again on its data folder (the old one already closed) and signs its supervisor in. */
export async function reopenOffice(office: Office): Promise<{ office: Office; token: string }> {
  const core = await createOfficeCore({ dataDir: office.dataDir, resourcesDir, syncIntervalMs: 0 });
  const login = (await core.invoke('auth.login', { username: 'sup', password: 'correct-horse-1' })) as { ok: true; value: { token: string } };
  return { office: { ...office, core }, token: login.value.token };
}

type Row = {
  seq: number;
  at: string;
  staff_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
};

/** Edits entry `seq`'s details and recomputes its hash and every hash after it, as an attacker with the file would. */
export function rewriteFrom(sqlite: Office['core']['database']['sqlite'], seq: number): void {
  const rows = sqlite.prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq').all(seq) as Row[];
  let prevHash = rows[0]!.prev_hash;
  const update = sqlite.prepare('UPDATE audit_log SET details = ?, prev_hash = ?, hash = ? WHERE seq = ?');
  for (const row of rows) {
    const details = row.seq === seq ? row.details.replace(/"[^"]*"/, '"sửa lén"') : row.details;
    const hash = auditEntryHash(prevHash, {
      seq: row.seq,
      at: row.at,
      staffId: row.staff_id,
      action: row.action,
      entity: row.entity,
      entityId: row.entity_id,
      details,
    });
    update.run(details, prevHash, hash, row.seq);
    prevHash = hash;
  }
}

export async function work(office: Office, people: number, offset = 0): Promise<void> {
  for (let i = 0; i < people; i++) {
    const n = offset + i;
    const year = 1950 + (n % 40);
    const dateOfBirth = `${year}-${String(1 + (Math.floor(n / 40) % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
    await office.call(
      'participants.register',
      person(`Nguyễn Văn Kiểm`, dateOfBirth, 'male', `0010${String(year % 100).padStart(2, '0')}${String(n).padStart(6, '0')}`),
    );
  }
}
