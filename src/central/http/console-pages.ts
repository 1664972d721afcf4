// The provincial console's pages (src/console, built by Vite) served at /console: index.html at
// /console and /console/ (the console's pages are routes of the URL's hash), never cached, and
// the content-hashed files under /console/assets cached for a year. Every answer carries the
// office app's strict Content-Security-Policy (only the console's own scripts, nothing inline, no
// framing). The API under /console/api is not served here: its routes are registered beside.
// The files are found beside the running central: dist/console in a built central (its build
// copies them there), out/console when the central runs from source after `npm run build`.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context, Env, Hono } from 'hono';
import { CONSOLE_BASE } from '../../shared/console/console-api';
import { contentSecurityPolicy } from '../../shared/content-security-policy';

const here = dirname(fileURLToPath(import.meta.url));

/** Where the built console is: beside a built central, else the repository's out/console. */
export function defaultConsoleDir(): string {
  const candidates = [join(here, 'console'), resolve(here, '../../../out/console')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? candidates[0]!;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

const SECURITY_HEADERS = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

/** An asset's name as Vite writes it: letters, digits, '-', '_' and one extension; nothing that climbs out of the folder. */
const ASSET_NAME = /^[\w-]+(\.[\w-]+)*\.[a-z0-9]+$/;

export function registerConsolePages<E extends Env>(app: Hono<E>, dir: string = defaultConsoleDir()): void {
  const assets = join(dir, 'assets');
  let index: string | null = null;
  const indexHtml = () => {
    // Read once: a deployment replaces the files and restarts the service.
    if (index === null && existsSync(join(dir, 'index.html'))) index = readFileSync(join(dir, 'index.html'), 'utf8');
    return index;
  };

  const page = (c: Context<E>) => {
    const html = indexHtml();
    if (html === null) {
      return c.text('Trang quản lý chưa được dựng (npm run build). The console is not built (npm run build).', 503, {
        ...SECURITY_HEADERS,
        'cache-control': 'no-store',
      });
    }
    return c.html(html, 200, { ...SECURITY_HEADERS, 'cache-control': 'no-cache' });
  };

  app.get(`${CONSOLE_BASE}/assets/:file`, async (c) => {
    const file = c.req.param('file');
    const path = join(assets, file);
    if (!ASSET_NAME.test(file) || !existsSync(path) || !statSync(path).isFile()) {
      return c.text('Không có tệp này. No such file.', 404, { ...SECURITY_HEADERS, 'cache-control': 'no-store' });
    }
    return c.body(await readFile(path), 200, {
      ...SECURITY_HEADERS,
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'public, max-age=31536000, immutable',
    });
  });
  app.get(CONSOLE_BASE, page);
  app.get(`${CONSOLE_BASE}/`, page);
}
