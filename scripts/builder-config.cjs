// The electron-builder configuration (electron-builder.config.cjs applies it to the environment).
// Packaging for offices: Windows (NSIS, per-machine for counter PCs or per-user for a field laptop,
// chosen in the installer) and Linux (AppImage/deb). A JavaScript config rather than YAML because
// what differs between a developer's test build and a release comes from the environment
// (RELEASING.md): the code-signing certificate, its publisher name, and the update URL.
//   WIN_CSC_LINK, WIN_CSC_KEY_PASSWORD  the .pfx (path, https URL or base64) and its password;
//                                      read by electron-builder itself — without them the build is
//                                      not signed, and says so
//   FIELD_OFFICE_SIGN_PUBLISHER        the certificate's subject CN: the installed app then refuses
//                                      an update not signed by that publisher
//   FIELD_OFFICE_UPDATE_URL            the central's https address (…/updates/); each office's app
//                                      asks its own central at run time, this is the default baked in
// The central service and its dependencies (pg, PGlite, Hono — devDependencies) never ship here.
'use strict';

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)$/i;

/** The update URL baked into app-update.yml: https, a real host, ending in a slash. */
function updateUrl(env) {
  const raw = env.FIELD_OFFICE_UPDATE_URL;
  if (!raw) throw new Error('FIELD_OFFICE_UPDATE_URL is not set: the central service’s https address for updates (…/updates/). See RELEASING.md.');
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`FIELD_OFFICE_UPDATE_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== 'https:') throw new Error(`FIELD_OFFICE_UPDATE_URL must be https: ${raw}`);
  if (LOOPBACK.test(url.hostname)) throw new Error(`FIELD_OFFICE_UPDATE_URL points at this machine (${url.hostname}), not at the central service.`);
  return url.toString().replace(/\/?$/, '/');
}

function windowsSigning(env) {
  const publisher = env.FIELD_OFFICE_SIGN_PUBLISHER;
  return {
    signingHashAlgorithms: ['sha256'],
    rfc3161TimeStampServer: env.FIELD_OFFICE_TIMESTAMP_URL || 'http://timestamp.digicert.com',
    ...(publisher ? { publisherName: publisher } : {}),
  };
}

function config(env = process.env) {
  const signed = Boolean(env.WIN_CSC_LINK || env.CSC_LINK);
  if (signed && !env.FIELD_OFFICE_SIGN_PUBLISHER) {
    throw new Error('WIN_CSC_LINK is set but FIELD_OFFICE_SIGN_PUBLISHER is not: name the certificate’s publisher so installed apps check updates against it.');
  }
  return {
    appId: 'vn.gov.baohiemxahoi.fieldoffice',
    productName: 'Field Office – Văn phòng thu BHXH, BHYT',
    copyright: 'Bản quyền © 2026 Bảo hiểm xã hội Việt Nam',
    extraMetadata: {
      description: 'Văn phòng thu cơ sở: đăng ký, thu BHXH tự nguyện và BHYT hộ gia đình, in biên lai, chốt ngày, đồng bộ với trung tâm',
      author: { name: 'Bảo hiểm xã hội Việt Nam' },
    },
    directories: { buildResources: 'build', output: 'release/${version}' },
    // out/console is the provincial console's pages (served by the central), not the desktop app's.
    files: ['out/**', '!out/console/**', 'package.json', '!**/*.map'],
    extraResources: [{ from: 'resources', to: 'resources' }],
    // Native modules cannot load from inside the asar archive; the store's SQLite driver (and the
    // copy check's worker, which loads it by path) needs its .node file unpacked beside it.
    asarUnpack: ['**/*.node', 'node_modules/better-sqlite3-multiple-ciphers/**'],
    npmRebuild: true,
    win: {
      target: 'nsis',
      icon: 'build/icon.ico',
      executableName: 'field-office',
      legalTrademarks: 'Bảo hiểm xã hội Việt Nam',
      signtoolOptions: windowsSigning(env),
      verifyUpdateCodeSignature: Boolean(env.FIELD_OFFICE_SIGN_PUBLISHER),
    },
    nsis: {
      oneClick: false,
      // The installer asks: for all users of this computer (a counter PC: per-machine, the store
      // in the machine-wide data folder) or only for me (a field laptop) — ADR 0023.
      perMachine: false,
      allowElevation: true,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['vi_VN', 'en_US'],
      language: '1066',
      artifactName: 'field-office-setup-${version}.${ext}',
      shortcutName: 'Field Office',
      // An all-users install makes the machine-wide data folder for the app's group only (ADR 0023).
      include: 'build/installer.nsh',
      uninstallDisplayName: 'Field Office – Văn phòng thu BHXH, BHYT',
    },
    linux: {
      target: ['AppImage', 'deb'],
      category: 'Office',
      icon: 'build/icon.png',
      executableName: 'field-office',
      artifactName: 'field-office-${version}-${arch}.${ext}',
      synopsis: 'Văn phòng thu BHXH, BHYT cơ sở',
    },
    publish: { provider: 'generic', url: updateUrl(env), channel: 'latest' },
  };
}

module.exports = { builderConfig: config };
