// `npm run dev:web -- --data <dir> --port <n> [--seed demo] [--sync-interval <ms>] [--clock-start <ISO>]`:
// runs the office core behind the loopback harness so the whole app works in a browser (and in
// Playwright). `--sync-interval 0` turns background sync off (pushes only when asked: "Đẩy ngay").
// `--clock-start 2026-03-03T09:00:00+07:00` runs the office's clock from that instant (training on
// a given day, or a test that needs tomorrow); the desktop app always uses the machine's clock.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { seedDemo, DEMO_PASSWORD, DEMO_USERS } from '../main/core/demo/demo-seed';
import { clockStartingAt } from '../main/core/clock';
import { createOfficeCore } from '../main/core/office-core';
import { startHarness } from './harness-server';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '.data/office' },
    port: { type: 'string', default: '5180' },
    seed: { type: 'string' },
    renderer: { type: 'string', default: 'out/renderer' },
    resources: { type: 'string', default: 'resources' },
    'sync-interval': { type: 'string', default: '30000' },
    'clock-start': { type: 'string' },
  },
});

const rendererDir = resolve(values.renderer);
if (!existsSync(resolve(rendererDir, 'index.html'))) {
  console.warn(`[harness] ${rendererDir}/index.html not found: run \`npm run build\` first; the RPC endpoint works without it.`);
}
const syncIntervalMs = Number(values['sync-interval']);
if (!Number.isInteger(syncIntervalMs) || syncIntervalMs < 0) {
  console.error(`[harness] --sync-interval must be a whole number of milliseconds (0 = no background sync), not "${values['sync-interval']}"`);
  process.exit(2);
}
const clockStart = values['clock-start'] === undefined ? undefined : new Date(values['clock-start']);
if (clockStart && Number.isNaN(clockStart.getTime())) {
  console.error(`[harness] --clock-start must be a date and time such as 2026-03-03T09:00:00+07:00, not "${values['clock-start']}"`);
  process.exit(2);
}
const clock = clockStart ? clockStartingAt(clockStart) : undefined;
if (clockStart) console.log(`[harness] office clock starts at ${clockStart.toISOString()} (not the machine's time).`);
const core = await createOfficeCore({ dataDir: resolve(values.data), resourcesDir: resolve(values.resources), syncIntervalMs, ...(clock ? { clock } : {}) });
if (values.seed === 'demo') {
  const seeded = await seedDemo(core);
  console.log(seeded ? '[harness] demo office seeded.' : '[harness] office already set up; demo seed skipped.');
  console.log(`[harness] demo users (demo data only): ${DEMO_USERS.map((u) => u.username).join(', ')} — password "${DEMO_PASSWORD}"`);
} else if (values.seed) {
  console.error(`[harness] unknown seed "${values.seed}" (only "demo")`);
  process.exit(2);
}
const server = await startHarness({ invoke: core.invoke, rendererDir, port: Number(values.port) });
const address = server.address();
const port = typeof address === 'object' && address ? address.port : values.port;
console.log(`[harness] Field Office at http://127.0.0.1:${port}/ (data: ${resolve(values.data)})`);

const stop = async () => {
  server.close();
  await core.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
