// Which batches start their office's fraud-signals run (ADR 0045): one that brings a row a detector
// reads (a registration, a payment, a void, or the audit entry of one), or one from a device that
// stands in an open "silent device" finding — and no other. At 5 000 000 payments a run reads the
// office's window for about a minute; a new device's first push (its setup's audit entries, no
// operation) started one while the device filled its picture. Through a real office and the real
// server, on PGlite and PostgreSQL; the runs are the real detectors', counted as they start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchMayChangeSignals, type FraudSignals } from '../../../src/central/signals/fraud-signals';
import { SIGNAL_AUDIT_ACTIONS } from '../../../src/central/signals/signal-detectors';
import { signalConfig } from '../../../src/central/signals/signal-config';
import { readFileSync } from 'node:fs';
import { centralBackends } from '../fixtures/test-postgres';
import { type Central, type Office, person, startCentral, startOffice } from '../sync/central-fixture';

/** The offices each run of the real detectors was started for, in order. */
function countRuns(signals: FraudSignals): (string | null)[] {
  const runs: (string | null)[] = [];
  const refresh = signals.refresh.bind(signals);
  signals.refresh = async (officeCode) => {
    runs.push(officeCode);
    return refresh(officeCode);
  };
  return runs;
}

describe('which batches may change a finding', () => {
  it('reads the kinds and audit actions the detectors read, and nothing else', () => {
    expect(batchMayChangeSignals({ ops: [], audit: { entries: [{ action: 'staff.create' }, { action: 'session.signIn' }] } })).toBe(false);
    expect(batchMayChangeSignals({ ops: [{ kind: 'household.setMembers' }, { kind: 'day.close' }, { kind: 'visit.record' }] })).toBe(false);
    for (const kind of ['participant.register', 'participant.update', 'contribution.record', 'receipt.void'])
      expect(batchMayChangeSignals({ ops: [{ kind: 'day.close' }, { kind }] })).toBe(true);
    expect(batchMayChangeSignals({ ops: [], audit: { entries: [{ action: 'staff.create' }, { action: 'contribution.record' }] } })).toBe(true);
  });

  it('knows every audit action the detectors’ queries name', () => {
    const source = readFileSync(new URL('../../../src/central/signals/signal-detectors.ts', import.meta.url), 'utf8');
    const named = [...source.matchAll(/a\.action = '([a-z.]+)'/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(0);
    expect([...new Set(named)].sort()).toEqual([...SIGNAL_AUDIT_ACTIONS].sort());
  });
});

describe.each(centralBackends())('the fraud signals’ run after a batch on %s', (backend) => {
  let central: Central;
  let office: Office;
  let runs: (string | null)[];
  let deviceId: string;

  beforeAll(async () => {
    central = await startCentral(backend, { signals: signalConfig.parse({ afterBatches: { quietSeconds: 0.05, maxWaitSeconds: 1 } }) });
    runs = countRuns(central.signals!);
    office = await startOffice(central, 'SIGB');
    deviceId = (await central.database.db.selectFrom('devices').select('id').where('officeCode', '=', 'SIGB').executeTakeFirstOrThrow()).id;
  }, 300_000);
  afterAll(async () => {
    await office?.core.close();
    await central?.close();
  });

  const batches = async () =>
    (await central.database.db.selectFrom('batches').select(['batchNo', 'opCount']).where('deviceId', '=', deviceId).orderBy('batchNo').execute()).map((b) =>
      Number(b.opCount),
    );

  it('starts none for a new device’s first push, one for a registration, one for a device found silent', async () => {
    // The first push: the setup's audit entries, no operation.
    await office.call('sync.pushNow', {});
    await central.signals!.idle();
    expect(await batches()).toEqual([0]);
    expect(runs).toEqual([]);

    // A registration: a person and its audit entry, which the shared-contact detector reads.
    await office.call('participants.register', person('Hà Thị Lan', '1985-03-02', 'female', '001185000777'));
    await office.call('sync.pushNow', {});
    await central.signals!.idle();
    // Its batch, then the audit-only batch of the device's "batch applied" entry, which starts none.
    expect(await batches()).toEqual([0, 1, 0]);
    expect(runs).toEqual(['SIGB']);

    // The device stands in an open "silent device" finding (as a night's run leaves it): its next
    // batch, of no operation a detector reads, starts the office's run, which clears the finding.
    await central.database.db
      .insertInto('fraudSignals')
      .values({
        key: `SILENT_DEVICE:${deviceId}`,
        kind: 'SILENT_DEVICE',
        officeCode: 'SIGB',
        deviceId,
        staffId: null,
        evidence: JSON.stringify({ device: 'Quầy 1', silentDays: 4 }),
        firstSeen: new Date(),
        lastSeen: new Date(),
        clearedAt: null,
      })
      .execute();
    await office.call('staff.create', { username: 'thu2', fullName: 'Nguyễn Thị Thu', role: 'counter', password: 'correct-horse-2' });
    await office.call('sync.pushNow', {});
    await central.signals!.idle();
    expect(await batches()).toEqual([0, 1, 0, 0]);
    expect(runs).toEqual(['SIGB', 'SIGB']);
    const finding = await central.database.db
      .selectFrom('fraudSignals')
      .select('clearedAt')
      .where('key', '=', `SILENT_DEVICE:${deviceId}`)
      .executeTakeFirstOrThrow();
    expect(finding.clearedAt).not.toBeNull();

    // Once cleared, another such batch starts none.
    await office.call('staff.create', { username: 'thu3', fullName: 'Lê Thị Ba', role: 'counter', password: 'correct-horse-3' });
    await office.call('sync.pushNow', {});
    await central.signals!.idle();
    expect(await batches()).toEqual([0, 1, 0, 0, 0]);
    expect(runs).toEqual(['SIGB', 'SIGB']);
  }, 120_000);
});
