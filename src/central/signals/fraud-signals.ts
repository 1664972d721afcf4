// Runs the fraud signals' detectors and keeps what they find (issue 22 item 5): after a batch is
// answered, for the batch's office (queued behind the answer, one run per office at a time, never
// slowing the device's reply), and nightly for every office. The run after batches is coalesced:
// it starts once the office has sent nothing for `afterBatches.quietSeconds`, and at the latest
// `afterBatches.maxWaitSeconds` after the first batch it waits for — an office pushing batch after
// batch has one run per that many seconds and one after its last batch, not one per batch, each of
// which reads the office's window of receipts again (ADR 0038). A finding keeps its row while it is
// found, with the evidence of the last run; one no longer found is cleared, not deleted, so what a
// reviewer saw stays. A run that fails is logged and tried again at the next batch or night.
// A reviewer's review (the console, ADR 0032) is never touched by a run while the finding is still
// found; a reviewed finding that was cleared and is found again is open again, its review kept in
// `previous_reviews`.
import { type Kysely, sql } from 'kysely';
import { type CentralLog, createCentralLog } from '../central-log';
import type { CentralDb } from '../db/schema';
import type { SignalConfig } from './signal-config';
import { detectSignals, type Signal, SIGNAL_AUDIT_ACTIONS, SIGNAL_OPERATION_KINDS, silentDeviceKey } from './signal-detectors';

/** What of a batch decides whether its office's run follows it: its operations' kinds and its audit entries' actions. */
export interface BatchFacts {
  ops: readonly { kind: string }[];
  audit?: { entries: readonly { action: string }[] } | undefined;
}

/**
 * True when the batch brings a row some detector reads (signal-detectors.ts): a registration, a
 * person's update, a payment or a void, or the audit entry of a registration or a payment. A batch
 * of anything else — a new device's first push of its setup's audit entries, a household's members,
 * a day closed, a visit — leaves every finding as it was (ADR 0045).
 */
export function batchMayChangeSignals(batch: BatchFacts): boolean {
  return batch.ops.some((op) => SIGNAL_OPERATION_KINDS.has(op.kind)) || (batch.audit?.entries.some((e) => SIGNAL_AUDIT_ACTIONS.has(e.action)) ?? false);
}

export type StoredSignal = Signal & { firstSeen: string; lastSeen: string; clearedAt: string | null; reviewedAt: string | null; reviewNote: string | null };

export class FraudSignals {
  private readonly queued = new Map<string | null, Promise<void>>();
  private readonly again = new Set<string | null>();
  /** Offices whose run waits for a quiet moment: its timer, and the latest instant it may start. */
  private readonly waiting = new Map<string, { timer: NodeJS.Timeout; deadline: number }>();
  private nightly: NodeJS.Timeout | null = null;
  /** Look-ups under way of whether a batch's device was found silent (idle() waits for them). */
  private readonly looking = new Set<Promise<void>>();

  constructor(
    private readonly db: Kysely<CentralDb>,
    readonly config: SignalConfig,
    private readonly clock: () => Date = () => new Date(),
    private readonly log: CentralLog = createCentralLog(),
  ) {}

  /** Recomputes one office's signals (null: every office's) now, and stores what is found. */
  async refresh(officeCode: string | null): Promise<Signal[]> {
    const now = this.clock();
    const since = new Date(now.getTime() - this.config.windowDays * 86_400_000).toISOString().slice(0, 10);
    const found = await detectSignals(this.db, { officeCode, since, now }, this.config);
    await this.db.transaction().execute(async (trx) => {
      for (const s of found) {
        await trx
          .insertInto('fraudSignals')
          .values({ ...s, evidence: JSON.stringify(s.evidence), firstSeen: now, lastSeen: now, clearedAt: null })
          .onConflict((oc) =>
            oc.column('key').doUpdateSet({
              evidence: JSON.stringify(s.evidence),
              lastSeen: now,
              officeCode: s.officeCode,
              clearedAt: null,
              // Every expression reads the row as it was: a cleared, reviewed finding comes back open.
              previousReviews: sql`CASE WHEN fraud_signals.cleared_at IS NOT NULL AND fraud_signals.reviewed_at IS NOT NULL
                THEN fraud_signals.previous_reviews || jsonb_build_array(jsonb_build_object('at', fraud_signals.reviewed_at, 'by', fraud_signals.reviewed_by, 'note', fraud_signals.review_note))
                ELSE fraud_signals.previous_reviews END`,
              reviewedAt: sql`CASE WHEN fraud_signals.cleared_at IS NOT NULL THEN NULL ELSE fraud_signals.reviewed_at END`,
              reviewedBy: sql`CASE WHEN fraud_signals.cleared_at IS NOT NULL THEN NULL ELSE fraud_signals.reviewed_by END`,
              reviewNote: sql`CASE WHEN fraud_signals.cleared_at IS NOT NULL THEN NULL ELSE fraud_signals.review_note END`,
            }),
          )
          .execute();
      }
      let stale = trx.updateTable('fraudSignals').set({ clearedAt: now }).where('clearedAt', 'is', null);
      if (officeCode) stale = stale.where('officeCode', '=', officeCode);
      if (found.length > 0)
        stale = stale.where(
          'key',
          'not in',
          found.map((s) => s.key),
        );
      await stale.execute();
    });
    return found;
  }

  /** After a batch of this office is answered: a run once the office is quiet (see the top of the file). */
  afterIngest(officeCode: string): void {
    const { quietSeconds, maxWaitSeconds } = this.config.afterBatches;
    const now = Date.now();
    const waiting = this.waiting.get(officeCode);
    if (waiting) clearTimeout(waiting.timer);
    const deadline = waiting?.deadline ?? now + maxWaitSeconds * 1000;
    const timer = setTimeout(() => this.runAfterBatches(officeCode), Math.max(0, Math.min(quietSeconds * 1000, deadline - now)));
    // A central shutting down does not wait for it (idle() runs what waits; the nightly run finds the rest).
    timer.unref();
    this.waiting.set(officeCode, { timer, deadline });
  }

  /**
   * After a batch of this device is answered (not a replay): the office's run, when the batch brings
   * anything a detector reads, or when its device stands in an open "silent device" finding, which a
   * batch of any kind ends (ADR 0045). Otherwise none: at 5 000 000 payments a run reads the
   * office's window of receipts for about a minute, and a new device's first push would start one
   * while it fills its picture.
   */
  afterBatch(device: { id: string; officeCode: string }, batch: BatchFacts): void {
    if (batchMayChangeSignals(batch)) {
      this.afterIngest(device.officeCode);
      return;
    }
    const look = this.db
      .selectFrom('fraudSignals')
      .select('key')
      .where('key', '=', silentDeviceKey(device.id))
      .where('clearedAt', 'is', null)
      .executeTakeFirst()
      .then((open) => {
        if (open) this.afterIngest(device.officeCode);
      })
      .catch((error: unknown) => this.log.error({ err: error, office: device.officeCode }, 'fraud signals look-up failed'))
      .finally(() => this.looking.delete(look));
    this.looking.add(look);
  }

  /** The office's run now: queued behind one already running (one more at most). */
  private runAfterBatches(officeCode: string): void {
    const waiting = this.waiting.get(officeCode);
    if (waiting) clearTimeout(waiting.timer);
    this.waiting.delete(officeCode);
    if (this.queued.has(officeCode)) {
      this.again.add(officeCode);
      return;
    }
    const run = (async () => {
      do {
        this.again.delete(officeCode);
        await this.refresh(officeCode).catch((error: unknown) => this.log.error({ err: error, office: officeCode }, 'fraud signals run failed'));
      } while (this.again.has(officeCode));
    })().finally(() => this.queued.delete(officeCode));
    this.queued.set(officeCode, run);
  }

  /** Runs now what waits for a quiet moment, and resolves when no run is queued (tests, and a clean shutdown). */
  async idle(): Promise<void> {
    while (this.looking.size > 0) await Promise.all(this.looking);
    for (const officeCode of [...this.waiting.keys()]) this.runAfterBatches(officeCode);
    while (this.queued.size > 0) await Promise.all(this.queued.values());
  }

  /** Every office's signals, each night at `hour` (UTC+7) — the checks that need time to pass (gaps, silent devices). */
  startNightly(hour = 2): void {
    const schedule = () => {
      const now = this.clock().getTime();
      const vietnamMidnight = Math.floor((now + 7 * 3_600_000) / 86_400_000) * 86_400_000 - 7 * 3_600_000;
      let next = vietnamMidnight + hour * 3_600_000;
      if (next <= now) next += 86_400_000;
      this.nightly = setTimeout(() => {
        void this.refresh(null)
          .catch((error: unknown) => this.log.error({ err: error }, 'nightly fraud signals run failed'))
          .finally(schedule);
      }, next - now);
      this.nightly.unref();
    };
    schedule();
  }

  stop(): void {
    if (this.nightly) clearTimeout(this.nightly);
    this.nightly = null;
  }

  /** The signals as stored, open ones first, newest first; one office's or every office's. */
  async list(filter: { officeCode?: string; kind?: string; includeCleared?: boolean } = {}): Promise<StoredSignal[]> {
    let query = this.db.selectFrom('fraudSignals').selectAll();
    if (filter.officeCode) query = query.where('officeCode', '=', filter.officeCode);
    if (filter.kind) query = query.where('kind', '=', filter.kind);
    if (!filter.includeCleared) query = query.where('clearedAt', 'is', null);
    const rows = await query.orderBy('lastSeen', 'desc').orderBy('key').limit(1000).execute();
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
    return rows.map((r) => ({
      key: r.key,
      kind: r.kind as Signal['kind'],
      officeCode: r.officeCode,
      deviceId: r.deviceId,
      staffId: r.staffId,
      evidence: typeof r.evidence === 'string' ? (JSON.parse(r.evidence) as Record<string, unknown>) : r.evidence,
      firstSeen: iso(r.firstSeen)!,
      lastSeen: iso(r.lastSeen)!,
      clearedAt: iso(r.clearedAt),
      reviewedAt: iso(r.reviewedAt),
      reviewNote: r.reviewNote,
    }));
  }
}
