// The administrative units as dated reference data pulled from the central (issue 23): the central
// stores the app's shipped version at start without sending it (every office has it), publishes a
// newer one (`admin publish-units`) — here a commune recognised as an island commune, a commune
// renamed and a corrected old-commune row — which every office pulls: the form's lists, the
// support rules and the old-address search use it at once, the central derives support with it
// too, and the shipped file read again at the next start does not take its place. Real office
// cores, real central on PGlite and PostgreSQL.
import { describe, expect, it } from 'vitest';
import { newestAdminUnitsVersion, publishAdminUnits, shippedAdminUnits } from '../../../src/central/admin-units-publish';
import { createOfficeCore } from '../../../src/main/core/office-core';
import { adminUnitsVersion } from '../../../src/main/core/db/repositories/reference-repository';
import { businessMonth } from '../../../src/shared/domain/business-date';
import { centralBackends } from '../fixtures/test-postgres';
import { person, resourcesDir, twoOffices } from '../sync/central-fixture';

type Units = {
  version: string;
  provinces: { code: string; communes: { code: string; name: string; fullName: string }[] }[];
  communeStatuses: unknown[];
  legacyCsv: string;
};

/** The shipped units, with Tân Hiệp (Đà Nẵng, the Cù Lao Chàm islands; 20434) an island commune from 2026-01-01 (a test publication). */
function newerUnits(version: string): Units {
  const units = structuredClone(shippedAdminUnits(resourcesDir)) as unknown as Units;
  units.version = version;
  units.communeStatuses = [
    ...units.communeStatuses,
    { communeCode: '20434', kind: 'island', from: '2026-01-01', to: null, source: 'Quyết định công nhận xã đảo (thử nghiệm)' },
  ];
  const hanoi = units.provinces.find((p) => p.code === '01')!;
  hanoi.communes = hanoi.communes.map((c) => (c.code === '00004' ? { ...c, name: 'Ba Đình Mới', fullName: 'Phường Ba Đình Mới' } : c));
  units.legacyCsv = units.legacyCsv.replace(
    '01,Thành phố Hà Nội,001,Quận Ba Đình,00001,Phường Phúc Xá,01,00097',
    '01,Thành phố Hà Nội,001,Quận Ba Đình,00001,Phường Phúc Xá,01,00004',
  );
  return units;
}

describe.each(centralBackends())('administrative units published by the central and pulled, on %s', (backend) => {
  const world = twoOffices(backend);

  it('stores the shipped version at start without a feed change, and refuses a malformed or older document', async () => {
    const { central } = world;
    const shipped = shippedAdminUnits(resourcesDir) as { version: string };
    expect(await newestAdminUnitsVersion(central.database.db)).toBe(shipped.version);
    const feed = await central.database.db.selectFrom('changes').select('kind').where('kind', '=', 'reference.admin-units').execute();
    expect(feed).toEqual([]);

    const unknownCommune = newerUnits('2099-01-01.1');
    unknownCommune.communeStatuses.push({ communeCode: '99999', kind: 'island', from: '2026-01-01', to: null, source: 'x' });
    await expect(publishAdminUnits(central.database.db, unknownCommune)).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(publishAdminUnits(central.database.db, { ...newerUnits('2099-01-01.1'), legacyCsv: 'not,a,table' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(publishAdminUnits(central.database.db, newerUnits(shipped.version))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await newestAdminUnitsVersion(central.database.db)).toBe(shipped.version);
  });

  it('is pulled by every office and used at once by the form, the support rules, the old-address search and the central', async () => {
    const { central, a, b } = world;
    const version = '2099-01-01.1';
    expect(await publishAdminUnits(central.database.db, newerUnits(version))).toMatchObject({ version, legacyRows: 10_597 });
    // Before pulling, the office's shipped data: Tân Hiệp is not an island commune.
    const islander = { ethnicity: 'Kinh', provinceCode: '48', communeCode: '20434', poverty: null, student: false, agriAverage: false };
    expect(await a.call('participants.supportPreview', islander)).toMatchObject({ vsi: { category: 'other' } });

    for (const office of [a, b]) await office.call('sync.pushNow', {});
    expect(await adminUnitsVersion(a.core.context.db)).toBe(version);
    expect(await a.call('participants.supportPreview', islander)).toMatchObject({ vsi: { category: 'island' } });
    const communes = await a.call<{ items: { code: string; fullName: string }[] }>('reference.communes', { provinceCode: '01' });
    expect(communes.items.find((c) => c.code === '00004')?.fullName).toBe('Phường Ba Đình Mới');
    const legacy = await a.call<{ items: { legacyCommune: string; communeCode: string }[] }>('reference.legacyCommunes', { query: 'phuc xa ba dinh' });
    expect(legacy.items[0]).toMatchObject({ legacyCommune: 'Phường Phúc Xá', communeCode: '00004' });

    // A VSI payment at the island share is what the central's newest units say too: not flagged.
    const p = await a.call<{ id: string }>('participants.register', { ...person('Trần Văn Đảo', '1988-03-04', 'male', '001088700001'), ...islander });
    const question = { participantId: p.id, scheme: 'VSI', fromMonth: businessMonth(new Date()), months: 1, method: 'monthly', incomeBasis: 1_500_000 };
    const quote = await a.call<{ total: number; support: { category: string } }>('contributions.quote', question);
    expect(quote).toMatchObject({ total: 165_000, support: { category: 'island' } });
    await a.call('contributions.record', { ...question, expectedTotal: quote.total });
    expect(await a.call('sync.pushNow', {})).toMatchObject({ rejected: 0 });
    expect(await a.call<{ items: unknown[] }>('sync.issues', { state: 'open' })).toEqual({ items: [] });

    // The next start reads the shipped file again: it does not replace the newer version pulled.
    await b.core.close();
    b.core = await createOfficeCore({ dataDir: b.dataDir, resourcesDir, syncIntervalMs: 0 });
    expect(await adminUnitsVersion(b.core.context.db)).toBe(version);
    const login = await b.core.invoke('auth.login', { username: 'sup', password: 'correct-horse-1' }, '');
    expect(login.ok).toBe(true);
    const token = (login as { value: { token: string } }).value.token;
    const again = await b.core.invoke('reference.legacyCommunes', { query: 'phuc xa ba dinh' }, token);
    expect(again).toMatchObject({ ok: true, value: { items: [expect.objectContaining({ communeCode: '00004' })] } });
  });
});
