// The console's findings and drill-down routes (issue 22 item 6): fraud signals with filters and
// their review with a note, receipts and collectors behind them, and the receipt check — the same
// checkReceipt as the public page, without its per-address limit for signed-in staff.
import type { Hono, MiddlewareHandler } from 'hono';
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { collectorsResponse, ok, receiptsResponse, reviewSignalRequest, signalStatus, signalsResponse } from '../../shared/console/console-api';
import { centralVerification } from '../../shared/verification/central-verification';
import type { CentralDb } from '../db/schema';
import { checkReceipt, notAPayload } from '../receipts/receipt-check';
import { bodyWith, type ConsoleEnv, parseWith } from './console-guard';
import { listCollectors, listReceipts } from './console-drilldown';
import { listSignals, reviewSignal } from './signal-review';

const officeCode = z.string().regex(/^[A-Z0-9]{2,12}$/);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const signalsQuery = z.object({
  office: officeCode.optional(),
  kind: z
    .string()
    .regex(/^[A-Z_]{2,40}$/)
    .optional(),
  status: signalStatus.default('open'),
});
const receiptsQuery = z.object({
  office: officeCode.optional(),
  device: z.string().trim().min(1).max(100).optional(),
  collector: z.string().trim().min(1).max(120).optional(),
  from: day.optional(),
  to: day.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
const collectorsQuery = z.object({ office: officeCode.optional() });
const verifyQuery = z.object({ p: z.string().min(1).max(4000) });
/** A finding's key names receipts, people and contacts: only its digest goes to the log. */
const keyDigest = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 16);

type Acted = (c: Parameters<MiddlewareHandler<ConsoleEnv>>[0], action: string, about: Record<string, unknown>) => void;

export function registerFindingsRoutes(
  api: Hono<ConsoleEnv>,
  deps: { db: Kysely<CentralDb>; reviewer: MiddlewareHandler<ConsoleEnv>; acted: Acted; clock: () => Date },
): void {
  const { db, reviewer, acted, clock } = deps;
  api.get('/signals', reviewer, async (c) => {
    const { office, kind, status } = parseWith(signalsQuery, c.req.query());
    return c.json(signalsResponse.parse({ signals: await listSignals(db, { officeCode: office, kind, status }) }));
  });
  api.post('/signals/:key/review', reviewer, async (c) => {
    const key = parseWith(z.string().min(1).max(500), c.req.param('key'));
    const { note } = await bodyWith(c, reviewSignalRequest);
    const finding = await reviewSignal(db, key, { by: c.get('staff').username, note, at: clock() });
    acted(c, 'signal.review', { kind: finding.kind, office: finding.officeCode, signal: keyDigest(key) });
    return c.json(ok.parse({ ok: true }));
  });

  api.get('/receipts', reviewer, async (c) => {
    const q = parseWith(receiptsQuery, c.req.query());
    const receipts = await listReceipts(db, { officeCode: q.office, deviceId: q.device, collector: q.collector, from: q.from, to: q.to, limit: q.limit });
    return c.json(receiptsResponse.parse({ receipts }));
  });
  api.get('/collectors', reviewer, async (c) => {
    const { office } = parseWith(collectorsQuery, c.req.query());
    return c.json(collectorsResponse.parse({ collectors: await listCollectors(db, office, clock()) }));
  });
  api.get('/receipts/verify', reviewer, async (c) => {
    const { p } = parseWith(verifyQuery, c.req.query());
    const result = await checkReceipt(db, p);
    if (!result) throw notAPayload();
    return c.json(centralVerification.parse(result));
  });
}
