// `npm run central -- [serve] --port <n> --data <dir>` starts the service on 127.0.0.1 (PostgreSQL
// from DATABASE_URL, else embedded PGlite in <data>/pgdata); `admin …` and `import` are the
// administrator's commands (USAGE below, printed by `--help`).
import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { reanchorDeviceAudit } from './audit/audit-reanchor';
import { createOffice, issueEnrollmentCode, listDevices, listHeldItems, markHeldReviewed, publishReferenceSchedule, revokeDevice } from './admin';
import { CentralError } from './central-error';
import { createCentralLog } from './central-log';
import { loadCentralKey } from './central-signing-key';
import { openCentralDatabase } from './db/central-database';
import { importBatchFile } from './file-import';
import { publishRelease, setOfficeChannel, withdrawRelease } from './releases';
import { publishProvincialTopUps } from './reference-publish';
import { publishAdminUnits } from './admin-units-publish';
import { createCentralApp } from './http/server';
import { readPassword } from './console/read-password';
import { FAILURE_DAYS_KEPT, listSignInFailures } from './console/sign-in-failures';
import { addStaff, disableStaff, listStaff, setStaffPassword } from './console/staff-accounts';
import { FraudSignals } from './signals/fraud-signals';
import { loadSignalConfig } from './signals/signal-config';

const USAGE = `usage: npm run central -- [serve] [--port 8787] [--host 127.0.0.1] [--data .data/central]
       npm run central -- admin create-office --code C --name N --province 01 [--parent P]
       npm run central -- admin enroll-code --office C
       npm run central -- admin devices
       npm run central -- admin held [--all]   (held registrations, payments to review)
       npm run central -- admin review --op OP_ID   (mark one of them reviewed)
       npm run central -- admin revoke --device ID
       npm run central -- admin audit-reanchor --device ID --note "…"   (after looking into a refused audit log: hold it from the device's newest signed head)
       npm run central -- admin publish-rates --file contribution-rates.json
       npm run central -- admin publish-release --dir release/0.2.0 --channel pilot|stable
       npm run central -- admin withdraw-release --version 0.2.0
       npm run central -- admin set-channel --office C --channel pilot|stable
       npm run central -- admin publish-units --file admin-units.json [--legacy legacy-63-to-34.csv]
       npm run central -- admin publish-top-ups --file top-ups.json   (a province's top-ups: {"provincialTopUps":{"01":{…}}})
       npm run central -- admin signals [--office C] [--all] [--refresh]   (fraud signals; --refresh recomputes them now)
       npm run central -- admin staff add --username U --name "Họ Tên" --role reviewer|administrator   (the console's accounts; password from FO_CONSOLE_PASSWORD or stdin)
       npm run central -- admin staff list
       npm run central -- admin staff disable --username U
       npm run central -- admin staff password --username U   (a new password, from FO_CONSOLE_PASSWORD or stdin)
       npm run central -- admin staff failures [--days 30]   (refused console sign-ins per day and name, kept 400 days)
       npm run central -- import --manifest <file>.manifest.json [--out <dir>]
PostgreSQL from DATABASE_URL; without it, embedded PGlite in <data>/pgdata.
CENTRAL_SIGNALS_FILE: the fraud signals' thresholds (JSON; the fields and their defaults in docs/decisions/0028-audit-trail-anchored-at-the-central.md).
CENTRAL_VERIFY_PER_MINUTE (default 30): public receipt checks per address and minute; CENTRAL_TRUST_PROXY=1 behind a reverse proxy.
CENTRAL_CONSOLE_IDLE_MINUTES (default 15), CENTRAL_CONSOLE_SESSION_HOURS (default 12): the console's sessions; CENTRAL_HTTPS=1 when served over https (Secure cookie).`;

const COMMANDS = new Set([
  'serve',
  'admin create-office',
  'admin enroll-code',
  'admin devices',
  'admin held',
  'admin review',
  'admin revoke',
  'admin audit-reanchor',
  'admin publish-rates',
  'admin publish-release',
  'admin withdraw-release',
  'admin set-channel',
  'admin publish-top-ups',
  'admin publish-units',
  'admin signals',
  'admin staff',
  'import',
]);
const STAFF_COMMANDS = new Set(['add', 'list', 'disable', 'password', 'failures']);

/**
 * The reference data the central publishes when it first starts: beside the built service
 * (src/central/dist/resources, copied by build.mjs), or the repository's when run from source.
 */
function shippedResources(): string {
  const beside = fileURLToPath(new URL('./resources', import.meta.url));
  return existsSync(beside) ? beside : 'resources';
}

/** Wrong words on the command line are told in a line, with the usage, before any data is opened. */
function refuseUsage(vi: string, en: string): never {
  console.error(`${vi}\n${en}\n\n${USAGE}`);
  process.exit(2);
}

function parseCommandLine() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        port: { type: 'string', default: '8787' },
        host: { type: 'string', default: '127.0.0.1' },
        data: { type: 'string', default: '.data/central' },
        resources: { type: 'string', default: shippedResources() },
        code: { type: 'string' },
        name: { type: 'string' },
        province: { type: 'string' },
        parent: { type: 'string' },
        office: { type: 'string' },
        device: { type: 'string' },
        manifest: { type: 'string' },
        file: { type: 'string' },
        legacy: { type: 'string' },
        out: { type: 'string' },
        all: { type: 'boolean' },
        refresh: { type: 'boolean' },
        op: { type: 'string' },
        note: { type: 'string' },
        dir: { type: 'string' },
        channel: { type: 'string' },
        version: { type: 'string' },
        username: { type: 'string' },
        role: { type: 'string' },
        days: { type: 'string' },
      },
    });
  } catch (error) {
    // parseArgs names the option it did not know, or the one that lacks its value.
    const option = /'(-[^'\s]*)/.exec((error as Error).message)?.[1] ?? '';
    return refuseUsage(`Tùy chọn ${option} không có hoặc thiếu giá trị.`, `Unknown option ${option}, or its value is missing.`);
  }
}
const { values, positionals } = parseCommandLine();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const [command = 'serve', sub, action] = positionals;
const staffCommand = sub === 'staff' && action !== undefined && STAFF_COMMANDS.has(action) && positionals.length === 3;
if (!COMMANDS.has(sub === undefined ? command : `${command} ${sub}`) || (sub === 'staff' && !staffCommand)) {
  refuseUsage(`Không có lệnh "${positionals.join(' ')}".`, `Unknown command "${positionals.join(' ')}".`);
}
const centralKey = await loadCentralKey(resolve(values.data));
const database = await openCentralDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: resolve(values.data),
  resourcesDir: resolve(values.resources),
}).catch((error: unknown) => {
  if (!(error instanceof CentralError)) throw error;
  console.error(`${error.code}: ${error.vi}\n${error.en}`);
  process.exit(1);
});

async function run(): Promise<void> {
  const log = createCentralLog();
  const signals = new FraudSignals(database.db, loadSignalConfig(process.env.CENTRAL_SIGNALS_FILE), () => new Date(), log);
  if (command === 'serve') {
    signals.startNightly();
    const { app } = createCentralApp({
      database,
      releasesDir: resolve(values.data, 'releases'),
      centralKey,
      log,
      signals,
      verifyRateLimit: { trustProxy: process.env.CENTRAL_TRUST_PROXY === '1', perMinute: Number(process.env.CENTRAL_VERIFY_PER_MINUTE) || 30 },
      console: {
        idleTimeoutSeconds: (Number(process.env.CENTRAL_CONSOLE_IDLE_MINUTES) || 15) * 60,
        lifetimeSeconds: (Number(process.env.CENTRAL_CONSOLE_SESSION_HOURS) || 12) * 3600,
        secureCookie: process.env.CENTRAL_HTTPS === '1',
        signInRateLimit: { trustProxy: process.env.CENTRAL_TRUST_PROXY === '1' },
      },
    });
    const server = serve({ fetch: app.fetch, port: Number(values.port), hostname: values.host }, (info) => {
      console.log(`[central] listening on http://${values.host}:${info.port}/ (${database.kind})`);
    });
    const stop = () => {
      signals.stop();
      server.close(() => void signals.idle().then(() => database.close().then(() => process.exit(0))));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return;
  }
  try {
    if (command === 'admin' && sub === 'create-office') {
      console.log(
        JSON.stringify(
          await createOffice(database.db, {
            code: values.code ?? '',
            name: values.name ?? values.code ?? '',
            provinceCode: values.province ?? '',
            parentCode: values.parent ?? null,
          }),
        ),
      );
    } else if (command === 'admin' && sub === 'enroll-code') {
      console.log(await issueEnrollmentCode(database.db, values.office ?? ''));
    } else if (command === 'admin' && sub === 'devices') {
      console.table(await listDevices(database.db));
    } else if (command === 'admin' && sub === 'held') {
      console.table(await listHeldItems(database.db, { all: values.all ?? false }));
    } else if (command === 'admin' && sub === 'review') {
      await markHeldReviewed(database.db, values.op ?? '');
      console.log('reviewed');
    } else if (command === 'admin' && sub === 'revoke') {
      await revokeDevice(database.db, values.device ?? '');
      console.log('revoked');
    } else if (command === 'admin' && sub === 'audit-reanchor') {
      const done = await reanchorDeviceAudit(database.db, { deviceId: values.device ?? '', by: `cli:${userInfo().username}`, note: values.note ?? '' });
      console.log(`audit log held from entry ${done.toSeq} (was ${done.fromSeq})`);
    } else if (command === 'admin' && sub === 'publish-rates') {
      const published = await publishReferenceSchedule(database.db, JSON.parse(readFileSync(resolve(values.file ?? ''), 'utf8')));
      console.log(published ? 'published' : 'already published');
    } else if (command === 'admin' && sub === 'publish-release') {
      console.log(
        JSON.stringify(await publishRelease(database.db, resolve(values.data, 'releases'), { dir: resolve(values.dir ?? ''), channel: values.channel ?? '' })),
      );
    } else if (command === 'admin' && sub === 'withdraw-release') {
      console.log(JSON.stringify(await withdrawRelease(database.db, values.version ?? '')));
    } else if (command === 'admin' && sub === 'set-channel') {
      console.log(JSON.stringify(await setOfficeChannel(database.db, values.office ?? '', values.channel ?? '')));
    } else if (command === 'admin' && sub === 'publish-units') {
      const units = JSON.parse(readFileSync(resolve(values.file ?? ''), 'utf8')) as Record<string, unknown>;
      const legacy = values.legacy ? { legacyCsv: readFileSync(resolve(values.legacy), 'utf8') } : {};
      console.log(JSON.stringify(await publishAdminUnits(database.db, { ...units, ...legacy })));
    } else if (command === 'admin' && sub === 'publish-top-ups') {
      console.log(JSON.stringify(await publishProvincialTopUps(database.db, JSON.parse(readFileSync(resolve(values.file ?? ''), 'utf8')))));
    } else if (command === 'admin' && sub === 'staff') {
      await staffCommandRun(action!);
    } else if (command === 'import') {
      const result = await importBatchFile(database.db, resolve(values.manifest ?? ''), resolve(values.out ?? '.'), centralKey);
      await signals.refresh(null);
      console.log(JSON.stringify(result));
    } else if (command === 'admin' && sub === 'signals') {
      if (values.refresh) await signals.refresh(values.office ?? null);
      const found = await signals.list({ ...(values.office ? { officeCode: values.office } : {}), includeCleared: values.all ?? false });
      console.table(
        found.map((s) => ({
          kind: s.kind,
          office: s.officeCode,
          device: s.deviceId,
          staff: s.staffId,
          lastSeen: s.lastSeen,
          cleared: s.clearedAt,
          evidence: JSON.stringify(s.evidence),
        })),
      );
    }
  } catch (error) {
    console.error(error instanceof CentralError ? `${error.code}: ${error.vi}\n${error.en}` : error);
    process.exitCode = 1;
  }
  await database.close();
}

/** `admin staff add|list|disable|password|failures`: the console's accounts (ADR 0032) and their refused sign-ins (ADR 0044). */
async function staffCommandRun(what: string): Promise<void> {
  if (what === 'list') {
    console.table(await listStaff(database.db));
  } else if (what === 'add') {
    const added = await addStaff(database.db, {
      username: values.username ?? '',
      displayName: values.name ?? '',
      role: values.role ?? '',
      password: await readPassword(),
    });
    console.log(JSON.stringify(added));
  } else if (what === 'disable') {
    await disableStaff(database.db, values.username ?? '');
    console.log('disabled');
  } else if (what === 'password') {
    await setStaffPassword(database.db, values.username ?? '', await readPassword());
    console.log('password set');
  } else if (what === 'failures') {
    const days = Number(values.days ?? '30');
    if (!Number.isInteger(days) || days < 1 || days > FAILURE_DAYS_KEPT)
      throw new CentralError(
        400,
        'VALIDATION',
        `--days là số ngày từ 1 đến ${FAILURE_DAYS_KEPT}.`,
        `--days is a number of days from 1 to ${FAILURE_DAYS_KEPT}.`,
      );
    const rows = await listSignInFailures(database.db, new Date(), days);
    if (rows.length === 0) console.log(`Không có lần đăng nhập bị từ chối nào trong ${days} ngày qua. / No refused sign-ins in the last ${days} days.`);
    else console.table(rows);
  }
}

await run();
