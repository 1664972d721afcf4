// Fraud findings as the console lists and reviews them (ADR 0032). A finding is open while found
// and not reviewed; a reviewer's note (who, when, what they found) takes it off the open list and
// is never touched by a recomputation while the finding is still found. One that was cleared and is
// found again is open again, the earlier review kept with it (fraud-signals.ts). Status filters
// split every finding in three: open, reviewed (cleared or not), cleared without a review.
import type { Kysely } from 'kysely';
import type { SignalRow } from '../../shared/console/console-api';
import { CentralError } from '../central-error';
import type { CentralDb } from '../db/schema';
import { staffNames } from './staff-names';

export interface SignalFilter {
  officeCode?: string | undefined;
  kind?: string | undefined;
  status: 'open' | 'reviewed' | 'cleared' | 'all';
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
const json = <T>(value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value) as T;

/** Newest first, at most 1000. */
export async function listSignals(db: Kysely<CentralDb>, filter: SignalFilter): Promise<SignalRow[]> {
  let query = db
    .selectFrom('fraudSignals')
    .leftJoin('devices', 'devices.id', 'fraudSignals.deviceId')
    .selectAll('fraudSignals')
    .select('devices.name as deviceName');
  if (filter.officeCode) query = query.where('fraudSignals.officeCode', '=', filter.officeCode);
  if (filter.kind) query = query.where('fraudSignals.kind', '=', filter.kind);
  if (filter.status === 'open') query = query.where('fraudSignals.clearedAt', 'is', null).where('fraudSignals.reviewedAt', 'is', null);
  if (filter.status === 'reviewed') query = query.where('fraudSignals.reviewedAt', 'is not', null);
  if (filter.status === 'cleared') query = query.where('fraudSignals.clearedAt', 'is not', null).where('fraudSignals.reviewedAt', 'is', null);
  const rows = await query.orderBy('fraudSignals.lastSeen', 'desc').orderBy('fraudSignals.key').limit(1000).execute();
  const names = await staffNames(
    db,
    rows.flatMap((r) => (r.staffId ? [r.staffId] : [])),
  );
  return rows.map((r) => ({
    key: r.key,
    kind: r.kind,
    officeCode: r.officeCode,
    deviceId: r.deviceId,
    deviceName: r.deviceName,
    staffId: r.staffId,
    staffName: r.staffId ? (names.get(r.staffId) ?? null) : null,
    evidence: json<Record<string, unknown>>(r.evidence),
    firstSeen: iso(r.firstSeen)!,
    lastSeen: iso(r.lastSeen)!,
    clearedAt: iso(r.clearedAt),
    reviewedAt: iso(r.reviewedAt),
    reviewedBy: r.reviewedBy,
    reviewNote: r.reviewNote,
    previousReviews: json<{ at: string; by: string | null; note: string | null }[]>(r.previousReviews).map((p) => ({ ...p, at: iso(p.at)! })),
  }));
}

/** Marks a finding looked into, with what the reviewer found. 404 unknown; 409 when already reviewed. */
export async function reviewSignal(
  db: Kysely<CentralDb>,
  key: string,
  review: { by: string; note: string; at: Date },
): Promise<{ kind: string; officeCode: string }> {
  const updated = await db
    .updateTable('fraudSignals')
    .set({ reviewedAt: review.at, reviewedBy: review.by, reviewNote: review.note })
    .where('key', '=', key)
    .where('reviewedAt', 'is', null)
    .returning(['kind', 'officeCode'])
    .executeTakeFirst();
  if (updated) return updated;
  const known = await db.selectFrom('fraudSignals').select('key').where('key', '=', key).executeTakeFirst();
  if (known) throw new CentralError(409, 'CONFLICT', 'Phát hiện này đã được xem xét trước đó.', 'This finding was already reviewed.');
  throw new CentralError(404, 'NOT_FOUND', 'Không có phát hiện này.', 'No such finding.');
}
