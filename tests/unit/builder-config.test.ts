// The installer's configuration (scripts/builder-config.cjs), checked as electron-builder would
// read it: valid by electron-builder's own schema; the native SQLite module unpacked from the asar
// archive; the product and file description in Vietnamese; Windows signing only from the
// environment, and the update check tied to the signing publisher; the update URL a real https
// host, never this machine; and the icons the ones the source SVG renders to.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const require = createRequire(import.meta.url);
const { builderConfig } = require('../../scripts/builder-config.cjs') as { builderConfig: (env: Record<string, string | undefined>) => any };
const release = { FIELD_OFFICE_UPDATE_URL: 'https://capnhat.baohiemxahoi.gov.vn/updates' };
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

/** The .node files the shipped dependencies carry (what must be unpacked from the asar archive). */
function shippedNativeFiles(): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const found: string[] = [];
  for (const name of Object.keys(pkg.dependencies)) {
    const dir = join(root, 'node_modules', name);
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (file.endsWith('.node') && !file.includes('test_extension')) found.push(`node_modules/${name}/${file.replace(/\\/g, '/')}`);
    }
  }
  return found;
}

describe('the installer configuration', () => {
  it('passes electron-builder’s own validation', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration: (c: unknown, l: unknown) => Promise<void> };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(builderConfig(release), new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...builderConfig(release), win: { signtoolOptions: { notAnOption: 1 } } }, new DebugLogger(false))).rejects.toThrow();
  });

  it('unpacks the native SQLite module from the asar archive', () => {
    const natives = shippedNativeFiles();
    expect(natives.some((f) => /better.sqlite3.*\.node$/.test(f))).toBe(true);
    const { asarUnpack } = builderConfig(release) as { asarUnpack: string[] };
    for (const file of natives)
      expect(
        asarUnpack.some((pattern) => minimatch(file, pattern, { dot: true })),
        file,
      ).toBe(true);
  });

  it('ships the built app but not the provincial console (the central serves it)', () => {
    const { files } = builderConfig(release) as { files: string[] };
    const shipped = (file: string) =>
      files.filter((p) => !p.startsWith('!')).some((p) => minimatch(file, p)) &&
      !files.filter((p) => p.startsWith('!')).some((p) => minimatch(file, p.slice(1)));
    expect(shipped('out/renderer/index.html')).toBe(true);
    expect(shipped('out/main/index.js')).toBe(true);
    expect(shipped('out/console/index.html')).toBe(false);
    expect(shipped('out/console/assets/index-AbC123.js')).toBe(false);
  });

  it('names and describes the product in Vietnamese, with plain file names for the executable and installers', () => {
    const config = builderConfig(release);
    for (const text of [config.productName, config.extraMetadata.description, config.copyright, config.nsis.uninstallDisplayName, config.linux.synopsis]) {
      expect(text).toMatch(VIETNAMESE);
    }
    expect(config.extraMetadata.author.name).toBe('Bảo hiểm xã hội Việt Nam');
    for (const name of [config.win.executableName, config.linux.executableName, config.nsis.artifactName, config.linux.artifactName]) {
      expect(name).toMatch(/^[\w.${}-]+$/);
    }
    expect(config.nsis.installerLanguages[0]).toBe('vi_VN');
  });

  it('signs Windows builds only from the environment and ties the update check to that publisher', () => {
    const unsigned = builderConfig(release);
    expect(unsigned.win.signtoolOptions.publisherName).toBeUndefined();
    expect(unsigned.win.verifyUpdateCodeSignature).toBe(false);
    expect(JSON.stringify(unsigned)).not.toMatch(/certificateFile|certificatePassword|pfx/i);
    const signed = builderConfig({
      ...release,
      WIN_CSC_LINK: '/secure/office.pfx',
      WIN_CSC_KEY_PASSWORD: 'x',
      FIELD_OFFICE_SIGN_PUBLISHER: 'Bảo hiểm xã hội Việt Nam',
    });
    expect(signed.win.signtoolOptions).toMatchObject({ publisherName: 'Bảo hiểm xã hội Việt Nam', signingHashAlgorithms: ['sha256'] });
    expect(signed.win.verifyUpdateCodeSignature).toBe(true);
    // The certificate and its password stay in the environment, never in the configuration.
    expect(JSON.stringify(signed)).not.toContain('/secure/office.pfx');
    expect(() => builderConfig({ ...release, WIN_CSC_LINK: '/secure/office.pfx' })).toThrow(/FIELD_OFFICE_SIGN_PUBLISHER/);
  });

  it('makes an all-users install’s data folder for the app’s group only, and never deletes it on uninstall', () => {
    const config = builderConfig(release);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, include: 'build/installer.nsh' });
    const script = readFileSync(join(root, config.nsis.include), 'utf8');
    expect(script).toMatch(/\$\{if\} \$installMode == "all"/);
    expect(script).toMatch(/icacls "\$APPDATA\\Field Office" \/inheritance:r .*"Field Office Users:\(OI\)\(CI\)M"/);
    expect(script).not.toMatch(/customUnInstall|RMDir/);
  });

  it('publishes to the central’s https address and refuses a loopback or plain-http one', () => {
    expect(builderConfig(release).publish).toEqual({ provider: 'generic', url: 'https://capnhat.baohiemxahoi.gov.vn/updates/', channel: 'latest' });
    for (const url of [
      'http://127.0.0.1:8787/updates/',
      'https://localhost/updates/',
      'https://127.0.0.2/updates/',
      'https://[::1]/updates/',
      'http://updates.example.vn/',
      'not a url',
    ]) {
      expect(() => builderConfig({ FIELD_OFFICE_UPDATE_URL: url }), url).toThrow(/FIELD_OFFICE_UPDATE_URL/);
    }
    expect(() => builderConfig({})).toThrow(/FIELD_OFFICE_UPDATE_URL is not set/);
  });

  it('ships the icons the source SVG renders to: 512×512 PNG and a Windows .ico from 16 to 256 px', async () => {
    const config = builderConfig(release);
    const png = readFileSync(join(root, config.linux.icon));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    const ico = readFileSync(join(root, config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16] || 256);
    expect(sizes.sort((a, b) => a - b)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    // The committed files are what `npm run icons` makes from build/icons/icon.svg today.
    const { renderPng } = (await import('../../scripts/make-icons.mjs' as string)) as { renderPng: (size: number) => Buffer };
    expect(Buffer.compare(renderPng(512), png)).toBe(0);
    expect(statSync(join(root, 'build/icons/icon.svg')).size).toBeGreaterThan(0);
  });
});
