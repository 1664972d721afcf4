// Slims the admin-units dataset (shared/data/admin-units) to what the app ships and loads:
// province and commune codes with names. Run when the dataset changes:
//   node scripts/build-admin-units.mjs ../shared/data/admin-units/vn-units-2026-07-25.json
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

const source = process.argv[2];
if (!source) {
  console.error('usage: node scripts/build-admin-units.mjs <vn-units-*.json>');
  process.exit(2);
}
const raw = JSON.parse(readFileSync(source, 'utf8'));
const provinces = raw.map((p) => ({
  code: p.Code,
  name: p.Name,
  fullName: p.FullName,
  communes: p.Wards.map((w) => ({ code: w.Code, name: w.Name, fullName: w.FullName })),
}));
const version = basename(source).match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? 'unknown';
writeFileSync(
  new URL('../resources/reference/admin-units.json', import.meta.url),
  JSON.stringify({ version, source: 'thanglequoc/vietnamese-provinces-database (MIT)', provinces }),
);
const communes = provinces.reduce((n, p) => n + p.communes.length, 0);
console.log(`admin units ${version}: ${provinces.length} provinces, ${communes} communes`);
