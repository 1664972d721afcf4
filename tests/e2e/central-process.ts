// A central service for end-to-end tests, in one process: opens its embedded PGlite database once,
// creates the offices named on the command line with one enrollment code each, then serves on a
// free loopback port and prints one JSON line: {"url": …, "codes": {"<office>": "<code>"}}.
//   node --import tsx tests/e2e/central-process.ts <dataDir> <OFFICE1> [<OFFICE2> …]
// A second device of the same office gets its own code: name it <OFFICE>#2 (its code is codes["<OFFICE>#2"]).
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createOffice, issueEnrollmentCode } from '../../src/central/admin';
import { createCentralLog } from '../../src/central/central-log';
import { loadCentralKey } from '../../src/central/central-signing-key';
import { openCentralDatabase } from '../../src/central/db/central-database';
import { createCentralApp } from '../../src/central/http/server';

const [dataDir, ...offices] = process.argv.slice(2);
if (!dataDir || offices.length === 0) throw new Error('usage: central-process.ts <dataDir> <OFFICE>…');
const database = await openCentralDatabase({ dataDir, resourcesDir: resolve('resources') });
const codes: Record<string, string> = {};
for (const name of offices) {
  const code = name.split('#')[0]!;
  await createOffice(database.db, { code, name: `BHXH cơ sở ${code}`, provinceCode: '01' });
  codes[name] = await issueEnrollmentCode(database.db, code);
}
const { app } = createCentralApp({
  database,
  releasesDir: resolve(dataDir, 'releases'),
  centralKey: await loadCentralKey(dataDir),
  log: createCentralLog({ level: 'silent' }),
});
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
  console.log(JSON.stringify({ url: `http://127.0.0.1:${info.port}/`, codes }));
});
const stop = () => server.close(() => void database.close().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
