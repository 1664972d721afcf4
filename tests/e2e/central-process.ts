// A central service for end-to-end tests, in one process: opens its embedded PGlite database once,
// creates the offices named on the command line with one enrollment code each, then serves on a
// free loopback port and prints one JSON line: {"url": …, "codes": {"<office>": "<code>"}}.
//   node --import tsx tests/e2e/central-process.ts <dataDir> <OFFICE1> [<OFFICE2> …]
// A second device of the same office gets its own code: name it <OFFICE>#2 (its code is codes["<OFFICE>#2"]).
// CENTRAL_PEOPLE=<n> first puts n people of province 01 at the central (written in SQL, as another
// office registered them), so a new device's picture takes many pages to fill.
import { serve } from '@hono/node-server';
import { sql } from 'kysely';
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
const people = Number(process.env.CENTRAL_PEOPLE ?? 0);
if (people > 0) {
  await createOffice(database.db, { code: 'SEED01', name: 'BHXH cơ sở Đống Đa', provinceCode: '01' });
  await sql`
    INSERT INTO persons (id, official_number, personal_id, full_name, name_folded, date_of_birth, province_code, office_code, data, version, origin_device_id)
    SELECT format('01900000-0000-7000-8000-%s', lpad(to_hex(i), 12, '0')), '02' || lpad(i::text, 8, '0'), '0020' || lpad(i::text, 8, '0'),
      (ARRAY['Nguyễn','Trần','Lê','Phạm'])[1 + i % 4] || ' Văn ' || (ARRAY['An','Bình','Cường','Dũng','Hải'])[1 + (i / 4) % 5],
      (ARRAY['nguyen','tran','le','pham'])[1 + i % 4] || ' van ' || (ARRAY['an','binh','cuong','dung','hai'])[1 + (i / 4) % 5],
      to_char(date '1950-01-01' + i % 20000, 'YYYY-MM-DD'), '01', 'SEED01',
      jsonb_build_object('sex', 'male', 'communeCode', '00004', 'addressLine', 'Thôn Tây, số ' || i, 'ethnicity', 'Kinh', 'nationality', 'Việt Nam'),
      1, 'seed-device'
    FROM generate_series(1, ${sql.lit(people)}::int) AS i`.execute(database.db);
}
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
