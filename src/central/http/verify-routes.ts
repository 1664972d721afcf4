// Receipt verification for anyone (ADR 0027): `GET /v1/receipts/verify?p=` answers JSON, and
// `GET /verify?p=` (what a receipt's QR code opens) the public page. No sign-in; both count
// against one per-address limit.
import type { Env, Hono } from 'hono';
import { CentralError } from '../central-error';
import type { CentralDatabase } from '../db/central-database';
import { checkReceipt, notAPayload } from '../receipts/receipt-check';
import { verifyPage } from '../receipts/verify-page';
import { clientAddress, overLimit, type RateLimit } from './rate-limit';

const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export function registerVerifyRoutes<E extends Env>(app: Hono<E>, database: CentralDatabase, limit: RateLimit, clock: () => Date): void {
  const { db } = database;
  app.get('/v1/receipts/verify', async (c) => {
    if (await overLimit(db, 'verify', clientAddress(c, limit.trustProxy), limit, clock())) {
      throw new CentralError(
        429,
        'RATE_LIMITED',
        'Quá nhiều lần kiểm tra từ địa chỉ này; hãy thử lại sau ít phút.',
        'Too many checks from this address; retry in a few minutes.',
      );
    }
    const result = await checkReceipt(db, c.req.query('p') ?? '');
    if (!result) throw notAPayload();
    return c.json(result);
  });

  app.get('/verify', async (c) => {
    const headers = { 'content-security-policy': PAGE_CSP, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };
    const asked = c.req.query('p');
    if (asked === undefined) return c.html(verifyPage(null, false), 200, headers);
    if (await overLimit(db, 'verify', clientAddress(c, limit.trustProxy), limit, clock())) return c.html(verifyPage('rate-limited', true), 429, headers);
    return c.html(verifyPage(await checkReceipt(db, asked), true), 200, headers);
  });
}
