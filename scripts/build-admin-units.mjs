// Slims the admin-units dataset (shared/data/admin-units) to what the app ships and loads:
// province and commune codes with names, and each commune's dated status: the 13 special zones
// (unit type "Đặc khu" since 1 Jul 2025) — island communes are not marked in the dataset, so none is
// listed until the central publishes them. Run when the dataset changes (the revision after the
// date makes a store reload it):
//   node scripts/build-admin-units.mjs ../shared/data/admin-units/vn-units-2026-07-25.json 2
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
const communeStatuses = raw.flatMap((p) =>
  p.Wards.filter((w) => w.AdministrativeUnitShortName === 'Đặc khu').map((w) => ({
    communeCode: w.Code,
    kind: 'special-zone',
    from: '2025-07-01',
    to: null,
    source: 'Nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính cấp xã năm 2025 (đặc khu); Nghị định 159/2025/NĐ-CP điều 5',
  })),
);
const date = basename(source).match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? 'unknown';
const version = process.argv[3] ? `${date}.${process.argv[3]}` : date;
writeFileSync(
  new URL('../resources/reference/admin-units.json', import.meta.url),
  JSON.stringify({ version, source: 'thanglequoc/vietnamese-provinces-database (MIT)', provinces, communeStatuses }),
);
const communes = provinces.reduce((n, p) => n + p.communes.length, 0);
console.log(`admin units ${version}: ${provinces.length} provinces, ${communes} communes, ${communeStatuses.length} special zones`);
