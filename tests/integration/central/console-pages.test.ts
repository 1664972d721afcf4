// The provincial console's pages as the central serves them (src/central/http/console-pages.ts):
// index.html at /console and /console/ with the strict CSP and no caching, hashed assets with a
// year's cache, nothing outside the assets folder, the API's paths left to the API (a JSON 404
// when no route answers), and a clear 503 when the console was not built.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { registerConsolePages } from '../../../src/central/http/console-pages';
import { contentSecurityPolicy } from '../../../src/shared/content-security-policy';

function builtConsole(): string {
  const dir = mkdtempSync(join(tmpdir(), 'console-pages-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="/console/assets/index-AbC123.js"></script>');
  writeFileSync(join(dir, 'assets', 'index-AbC123.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'not an asset');
  return dir;
}

function appServing(dir: string) {
  const app = new Hono();
  registerConsolePages(app, dir);
  app.get('/console/api/session', (c) => c.json({ from: 'api' }));
  app.notFound((c) => c.json({ error: { code: 'NOT_FOUND' } }, 404));
  return app;
}

describe('the console pages at /console', () => {
  const app = appServing(builtConsole());

  it('serves index.html at /console and /console/, uncached, with the CSP', async () => {
    for (const path of ['/console', '/console/']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      expect(await response.text()).toContain('/console/assets/index-AbC123.js');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('serves a hashed asset with a year of cache and its type', async () => {
    const response = await app.request('/console/assets/index-AbC123.js');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log(1)');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-type')).toContain('text/javascript');
  });

  it('answers 404 for a missing asset and for any path that tries to leave the assets folder', async () => {
    for (const path of ['/console/assets/nope.js', '/console/assets/..%2Fsecret.txt', '/console/assets/..%2F..%2Fetc%2Fpasswd', '/console/assets/.hidden.js']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain('not an asset');
    }
  });

  it('leaves /console/api to the API: its routes answer, an unknown path is a JSON 404, not the page', async () => {
    expect(await (await app.request('/console/api/session')).json()).toEqual({ from: 'api' });
    const unknown = await app.request('/console/api/nothing-here');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { code: 'NOT_FOUND' } });
  });

  it('says the console is not built when its folder has no index.html', async () => {
    const response = await appServing(mkdtempSync(join(tmpdir(), 'console-unbuilt-'))).request('/console');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build');
  });
});
