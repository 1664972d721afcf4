// The fraud signals' run after an office's batches is coalesced (ADR 0038): a burst of batches is
// one run, not one per batch (each run reads the office's window of receipts again), it starts by
// itself once the office is quiet, and a signal a later batch brings is still found. On PGlite and
// PostgreSQL, through a real office.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FraudSignals } from '../../../src/central/signals/fraud-signals';
import { signalConfig } from '../../../src/central/signals/signal-config';
import { centralBackends } from '../fixtures/test-postgres';
import { type Central, type Office, person, startCentral, startOffice } from '../sync/central-fixture';

/** Yesterday at 21:30, Vietnam time: a receipt made then is out of office hours. */
const lateYesterday = () => {
  const date = new Date(Date.now() + 7 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
  return Date.parse(`${date}T21:30:00+07:00`);
};

/** Counts the runs of the real detectors. */
class CountedSignals extends FraudSignals {
  runs = 0;
  override async refresh(officeCode: string | null) {
    this.runs++;
    return super.refresh(officeCode);
  }
}

describe.each(centralBackends())('fraud signals after batches on %s', (backend) => {
  let central: Central;
  let office: Office;
  let signals: CountedSignals;
  const config = signalConfig.parse({ windowDays: 30, afterBatches: { quietSeconds: 0.3, maxWaitSeconds: 5 } });

  beforeAll(async () => {
    central = await startCentral(backend);
    const began = Date.now();
    const start = lateYesterday();
    office = await startOffice(central, 'SIGC', { clock: { now: () => new Date(start + (Date.now() - began)) } });
    signals = new CountedSignals(central.database.db, config);
  }, 300_000);
  afterAll(async () => {
    await signals?.idle();
    await office?.core.close();
    await central?.close();
  });

  const outOfHours = async () => (await signals.list({ officeCode: 'SIGC', kind: 'OUT_OF_HOURS' })).map((s) => s.evidence.receipt);

  it('runs once for a burst of batches, by itself once the office is quiet, and finds what a later batch brings', async () => {
    const p = await office.call<{ id: string }>('participants.register', person('Lò Văn Pọm', '1979-05-14', 'male', '001079004455'));
    await office.call('sync.pushNow', {});
    // Twenty batches' worth of calls in a burst: one run, started by the quiet timer (no idle()).
    for (let i = 0; i < 20; i++) signals.afterIngest('SIGC');
    expect(signals.runs).toBe(0);
    await expect.poll(() => signals.runs, { timeout: 10_000, interval: 50 }).toBe(1);
    await signals.idle();
    expect(await outOfHours()).toEqual([]);

    // A later batch brings a receipt made at 21:30: its run finds it.
    const input = { participantId: p.id, scheme: 'VSI', fromMonth: new Date().toISOString().slice(0, 7), months: 1, incomeBasis: 2_000_000 };
    const quote = await office.call<{ total: number }>('contributions.quote', input);
    await office.call('contributions.record', { ...input, expectedTotal: quote.total });
    await office.call('sync.pushNow', {});
    signals.afterIngest('SIGC');
    await expect.poll(outOfHours, { timeout: 10_000, interval: 100 }).toEqual([expect.stringMatching(/\/0000001$/)]);
    expect(signals.runs).toBe(2);
  });

  it('waits no longer than the longest wait while batches keep coming', async () => {
    const quick = new CountedSignals(central.database.db, signalConfig.parse({ afterBatches: { quietSeconds: 0.5, maxWaitSeconds: 1 } }));
    const until = Date.now() + 2_500;
    while (Date.now() < until) {
      quick.afterIngest('SIGC');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Batches every 0.1 s never leave the office quiet for 0.5 s: the runs come from the 1 s limit.
    expect(quick.runs).toBeGreaterThanOrEqual(2);
    expect(quick.runs).toBeLessThanOrEqual(3);
    await quick.idle();
  });
});
