// Update channels at the central (issue 27 item 4), on PGlite and PostgreSQL: a build published to
// a channel is served as electron-updater reads it — checked with electron-updater's own provider
// and parser over real HTTP — with its notes and an installer that matches its sha512; a withdrawn
// release gives way to the one before it; a build the updater could not read, or whose installer
// does not match, is refused; and the channel set for an office reaches that office by its pull.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishRelease, setOfficeChannel, withdrawRelease } from '../../../src/central/releases';
import { centralBackends } from '../fixtures/test-postgres';
import { type Central, type Office, startCentral, startOffice } from '../sync/central-fixture';

const require = createRequire(import.meta.url);
const { GenericProvider } = require('electron-updater/out/providers/GenericProvider') as {
  GenericProvider: new (
    configuration: { provider: 'generic'; url: string },
    updater: { channel: string | null; isAddNoCacheQuery: boolean },
    runtimeOptions: { platform: NodeJS.Platform; executor: unknown; isUseMultipleRangeRequest: boolean },
  ) => {
    getLatestVersion(): Promise<{ version: string; releaseNotes?: string; files: { url: string; sha512: string; size: number }[] }>;
    resolveFiles(info: unknown): { url: URL; info: { sha512: string } }[];
  };
};
const { NodeHttpExecutor } = require('builder-util/out/nodeHttpExecutor') as { NodeHttpExecutor: new () => unknown };

/** A folder as `npm run dist` leaves it: an installer, its blockmap-less latest.yml, the notes. */
function build(version: string, notes: string | null, options: { corrupt?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), `fo-release-${version}-`));
  const installer = `field-office-setup-${version}.exe`;
  const bytes = randomBytes(256 * 1024);
  writeFileSync(join(dir, installer), bytes);
  const sha512 = createHash('sha512')
    .update(options.corrupt ? Buffer.from('other') : bytes)
    .digest('base64');
  writeFileSync(
    join(dir, 'latest.yml'),
    `version: ${version}\nfiles:\n  - url: ${installer}\n    sha512: ${sha512}\n    size: ${bytes.length}\npath: ${installer}\nsha512: ${sha512}\nreleaseDate: '2026-12-06T08:00:00.000Z'\n`,
  );
  if (notes) writeFileSync(join(dir, 'release-notes.md'), notes);
  return dir;
}

function provider(central: Central, channel: string, platform: NodeJS.Platform = 'win32') {
  return new GenericProvider(
    { provider: 'generic', url: new URL(`updates/${channel}/`, central.url).toString() },
    { channel: null, isAddNoCacheQuery: false },
    { platform, executor: new NodeHttpExecutor(), isUseMultipleRangeRequest: false },
  );
}

describe.each(centralBackends())('update channels on %s', (backend) => {
  let central: Central;
  let office: Office;
  let neighbour: Office;
  let releases: string;
  beforeAll(async () => {
    central = await startCentral(backend);
    releases = join(central.dataDir, 'releases');
    mkdirSync(releases, { recursive: true });
    office = await startOffice(central, 'UPD1');
    neighbour = await startOffice(central, 'UPD2');
  });
  afterAll(async () => {
    await office.core.close();
    await neighbour.core.close();
    await central.close();
  });

  it('serves each channel’s release as electron-updater reads it, with its notes and an installer matching its sha512', async () => {
    const db = central.database.db;
    // The same build goes to both channels; a later one to pilot first.
    const first = build('0.1.5', null);
    expect(await publishRelease(db, releases, { dir: first, channel: 'stable' })).toMatchObject({ version: '0.1.5', channel: 'stable' });
    expect(await publishRelease(db, releases, { dir: first, channel: 'pilot' })).toMatchObject({ version: '0.1.5', channel: 'pilot' });
    // A different installer under a name already published is refused, not written over.
    await expect(publishRelease(db, releases, { dir: build('0.1.5', null), channel: 'pilot' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await publishRelease(db, releases, { dir: build('0.2.0', 'Bản 0.2.0: in biên lai nhanh hơn; sửa lỗi chốt ngày.'), channel: 'pilot' });

    const pilot = provider(central, 'pilot');
    const info = await pilot.getLatestVersion();
    expect(info.version).toBe('0.2.0');
    expect(info.releaseNotes).toBe('Bản 0.2.0: in biên lai nhanh hơn; sửa lỗi chốt ngày.');
    const [file] = pilot.resolveFiles(info);
    expect(file!.url.toString()).toBe(new URL('updates/pilot/field-office-setup-0.2.0.exe', central.url).toString());
    const installer = Buffer.from(await (await fetch(file!.url)).arrayBuffer());
    expect(createHash('sha512').update(installer).digest('base64')).toBe(file!.info.sha512);

    expect((await provider(central, 'stable').getLatestVersion()).version).toBe('0.1.5');
    // An app of an earlier version asks /updates/latest.yml: the stable channel.
    expect(await (await fetch(new URL('updates/latest.yml', central.url))).text()).toContain('version: 0.1.5');
  });

  it('withdraws a release: the channel serves the one published before it, and says plainly when there is none', async () => {
    const db = central.database.db;
    expect(await withdrawRelease(db, '0.2.0')).toEqual({ version: '0.2.0', channels: ['pilot'] });
    expect((await provider(central, 'pilot').getLatestVersion()).version).toBe('0.1.5');
    await expect(withdrawRelease(db, '0.2.0')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await withdrawRelease(db, '0.1.5')).toEqual({ version: '0.1.5', channels: expect.arrayContaining(['pilot', 'stable']) });
    // The updater hears a plain 404 for the channel's file (and says the channel has no update).
    await expect(provider(central, 'stable').getLatestVersion()).rejects.toMatchObject({ statusCode: 404 });
    await publishRelease(db, releases, { dir: build('0.2.1', null), channel: 'stable' });
    expect((await provider(central, 'stable').getLatestVersion()).version).toBe('0.2.1');
  });

  it('refuses a build whose installer does not match, one the updater cannot read, and an unknown channel — and serves nothing outside the releases', async () => {
    const db = central.database.db;
    await expect(publishRelease(db, releases, { dir: build('0.3.0', null, { corrupt: true }), channel: 'pilot' })).rejects.toMatchObject({
      code: 'VALIDATION',
      vi: expect.stringContaining('không khớp sha512'),
    });
    const unreadable = build('0.3.1', null);
    writeFileSync(join(unreadable, 'latest.yml'), 'version: [0.3.1\n  files: {');
    await expect(publishRelease(db, releases, { dir: unreadable, channel: 'pilot' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(publishRelease(db, releases, { dir: build('0.3.2', null), channel: 'beta' })).rejects.toMatchObject({ code: 'VALIDATION', field: 'channel' });
    // None of them reached the channel (it has no live release left after the withdrawals above).
    const pilot = await provider(central, 'pilot')
      .getLatestVersion()
      .catch(() => null);
    expect(pilot?.version ?? 'none').not.toMatch(/^0\.3\./);
    writeFileSync(join(central.dataDir, 'secret.txt'), 'not for download');
    for (const path of ['updates/pilot/..%2F..%2Fsecret.txt', 'updates/beta/latest.yml', 'updates/pilot/latest.json', 'updates/pilot/missing.exe']) {
      const reply = await fetch(new URL(path, central.url));
      expect(reply.status, path).toBe(404);
      expect(await reply.text()).not.toContain('not for download');
    }
  });

  it('moves an office to the pilot channel by its pull, and leaves the other offices where they are', async () => {
    expect(await office.core.updateFeed()).toEqual({ url: new URL('updates/stable/', central.url).toString(), channel: 'stable' });
    expect(await setOfficeChannel(central.database.db, 'UPD1', 'pilot')).toEqual({ officeCode: 'UPD1', channel: 'pilot' });
    await office.call('sync.pushNow', {});
    await neighbour.call('sync.pushNow', {});
    expect(await office.core.updateFeed()).toEqual({ url: new URL('updates/pilot/', central.url).toString(), channel: 'pilot' });
    expect(await neighbour.core.updateFeed()).toMatchObject({ channel: 'stable' });
    await expect(setOfficeChannel(central.database.db, 'NOPE', 'pilot')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
