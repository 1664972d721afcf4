// `npm run bench`: seeds BENCH_PEOPLE (default 1 000 000) realistic people into a temporary office
// database as fast as SQLite allows, then measures through the real `core.invoke` — folded-name
// search, personal-ID lookup and registration commits — and prints p50/p95/p99 against the goals
// (search p95 ≤ 5 ms, registration p99 ≤ 3 ms). Seeding bypasses the services for speed but
// writes the same row shape (incl. `name_folded`) and rebuilds the FTS index afterwards.
// Each figure is also printed as a ratio to a floor measured interleaved with it in the same run
// (commit-floor.ts): a registration against a bare commit writing as many WAL pages, a search
// against the cheapest call through the same path (`participants.get` by id) — with the load
// average beside it, since a busy machine stretches the CPU part 2–5× and the ratio much less.
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { uuidv7 } from 'uuidv7';
import { demoPerson, seededRandom } from '../../src/main/core/demo/demo-people';
import { createOfficeCore, type OfficeCore } from '../../src/main/core/office-core';
import { foldName } from '../../src/shared/domain/name-folding';
import { CommitFloor, lastCommitPages, percentile, ratios } from './commit-floor';
import { call } from '../support/core-call';
import { loadWithoutNameQueue } from './name-index-seeding';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 1_000_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 2_000);
const REGISTRATIONS = Number(process.env.BENCH_REGISTRATIONS ?? 1_000);
const PASSES = Number(process.env.BENCH_PASSES ?? 3);
const BATCH = 50_000;
const PASSWORD = 'bench-password-1';
const resourcesDir = fileURLToPath(new URL('../../resources', import.meta.url));

/** Uncommon family names and given names, so some searches hit a few hundred rows, not 100 000. */
const rareFamilies = ['Hứa', 'Giáp', 'Thân', 'Kha', 'Ksor', 'Lò', 'Quàng', 'Nông', 'Triệu', 'Âu', 'Mạc', 'Tôn'];
const rareGiven = ['Páo', 'Súa', 'Khiêm', 'Thoa', 'Diễm', 'Nhàn', 'Quyên', 'Sính'];

/**
 * Times each call; returns the latencies in ms, sorted. Between calls the event loop turns, as it
 * does between a clerk's requests (each arrives as its own IPC or HTTP message), so the store's
 * maintenance timer gets its turn outside the timed calls rather than never.
 */
async function measure(count: number, run: (i: number) => Promise<unknown>, pauseMs = 0): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    await new Promise((resolve) => (pauseMs > 0 ? setTimeout(resolve, pauseMs) : setImmediate(resolve)));
    const start = process.hrtime.bigint();
    await run(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b);
}

interface Seeded {
  names: string[];
  personalIds: string[];
  takenIds: Set<string>;
}

function seed(core: OfficeCore, communes: string[], staffId: string): Seeded {
  const sqlite = core.database.sqlite;
  const rand = seededRandom(20260702);
  const at = new Date().toISOString();
  const names: string[] = [];
  const personalIds: string[] = [];
  const takenIds = new Set<string>();
  // Bulk load: nobody queued for the name index (it is built once at the end), relaxed syncing.
  const buildNameIndex = loadWithoutNameQueue(sqlite);
  // The secondary indexes stay in place through the load, as in an office whose people arrived one
  // by one. Built by one sort after the load (15 s faster) every leaf would be full, and each
  // measured registration would split four of them: 35 WAL pages per commit instead of 20
  // (counted from the WAL's frame headers), a state an office's store is never in.
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144');
  const insert = sqlite.prepare(`
    INSERT INTO participants (id, full_name, name_folded, date_of_birth, sex, ethnicity, nationality, personal_id, si_number, phone,
      province_code, commune_code, address_line, poverty_kind, declared_support_category, household_id, official_number, canonical_id, version, created_by, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, 'Việt Nam', ?, ?, ?, '01', ?, ?, ?, 'other', NULL, NULL, NULL, 1, ?, ?, ?)`);
  const insertBatch = sqlite.transaction((from: number, to: number) => {
    for (let serial = from; serial < to; serial++) {
      const person = demoPerson(rand, serial);
      let fullName = person.fullName;
      if (serial % 200 === 0) {
        const words = fullName.split(' ');
        fullName = `${rareFamilies[serial % rareFamilies.length]} ${words[1]} ${serial % 400 === 0 ? rareGiven[(serial / 400) % rareGiven.length] : words[2]}`;
      }
      const siNumber = serial % 3 === 0 ? String(7_900_000_000 + serial) : null;
      insert.run(
        uuidv7(),
        fullName,
        foldName(fullName),
        person.dateOfBirth,
        person.sex,
        person.ethnicity,
        person.personalId,
        siNumber,
        person.phone,
        communes[serial % communes.length],
        person.addressLine,
        person.poverty?.kind ?? null,
        staffId,
        at,
        at,
      );
      takenIds.add(person.personalId);
      if (serial % 97 === 0) names.push(fullName);
      if (serial % 389 === 0) personalIds.push(person.personalId);
    }
  });
  const started = Date.now();
  for (let from = 1; from <= PEOPLE; from += BATCH) {
    insertBatch(from, Math.min(PEOPLE + 1, from + BATCH));
    process.stdout.write(`\r  seeded ${Math.min(PEOPLE, from + BATCH - 1).toLocaleString('en')} people (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  process.stdout.write('\n  building the FTS index…');
  buildNameIndex();
  sqlite.exec('ANALYZE');
  sqlite.pragma('synchronous = FULL');
  // Back to SQLite's default page cache, as the app runs. Left at the seed's 256 MB, one
  // registration in ten or twenty spent 6–9 ms of CPU inside its COMMIT (p95 8–9 ms, against
  // 3.4–3.9 ms with the default; measured 2026-12-02 on the same seeded file).
  sqlite.pragma('cache_size = -2000');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  process.stdout.write(` done (${((Date.now() - started) / 1000).toFixed(0)} s in all)\n`);
  return { names, personalIds, takenIds };
}

/** The search mix a counter sees: names typed from the start, unaccented words, family + given, rare names. */
function searchQueries(seeded: Seeded, rand: () => number): { kind: string; query: string }[] {
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
  const queries: { kind: string; query: string }[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const name = pick(seeded.names);
    const words = name.split(' ');
    switch (i % 4) {
      case 0: // full-name prefix as typed, accents and all, the last word cut short
        queries.push({ kind: 'full-name prefix', query: `${words.slice(0, -1).join(' ')} ${words.at(-1)!.slice(0, 2 + (i % 3))}` });
        break;
      case 1: // unaccented words of a whole name
        queries.push({ kind: 'unaccented words', query: foldName(name) });
        break;
      case 2: // family + given name, middle name left out
        queries.push({ kind: 'family + given', query: foldName(`${words[0]} ${words.at(-1)}`) });
        break;
      default: // rare names, typed in any order
        queries.push({ kind: 'rare name', query: i % 8 === 3 ? foldName(pick(rareGiven)) : `${pick(rareGiven)} ${pick(rareFamilies)}` });
    }
  }
  return queries;
}

/** The 1-minute load average now, as printed beside each figure. */
const load = () => loadavg()[0]!.toFixed(1);

function row(label: string, times: number[], goal: string, floor?: number[], loadNow = ''): string {
  const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(times, p).toFixed(2));
  const ratio = floor
    ? ratios(times, floor)
        .map((r) => `${r.toFixed(1)}×`)
        .join(' / ')
    : '';
  return `| ${label.padEnd(34)} | ${String(times.length).padStart(6)} | ${p50!.padStart(7)} | ${p95!.padStart(7)} | ${p99!.padStart(7)} | ${ratio.padEnd(19)} | ${loadNow.padStart(4)} | ${goal.padEnd(18)} |`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'field-office-bench-'));
  const totalStart = Date.now();
  console.log(`Field Office benchmark: ${PEOPLE.toLocaleString('en')} people in ${dir}`);
  const core = await createOfficeCore({ dataDir: dir, resourcesDir, syncIntervalMs: 0 });
  try {
    const setup = await call(core, 'office.setup', {
      officeCode: 'BENCH1',
      officeName: 'BHXH cơ sở đo hiệu năng',
      provinceCode: '01',
      supervisor: { username: 'supervisor', fullName: 'Trần Thị Giám Sát', password: PASSWORD },
    });
    const communes = (await call(core, 'reference.communes', { provinceCode: '01' })).items.map((c) => c.code);
    const seeded = seed(core, communes, setup.staff.id);
    const { token } = await call(core, 'auth.login', { username: 'supervisor', password: PASSWORD });
    const rand = seededRandom(7);

    const queries = searchQueries(seeded, rand);
    for (const q of queries.slice(0, 200)) await call(core, 'participants.search', { query: q.query }, token); // warm the cache
    // Each query runs PASSES times: the first pass is what a clerk would see on this machine now;
    // the best of the passes is the query's own cost, with other processes' CPU and disk use
    // (a shared build machine) mostly filtered out. Both are printed.
    const searchRuns = queries.map(() => [] as number[]);
    const idRuns = seeded.personalIds.slice(0, SAMPLES).map(() => [] as number[]);
    const hits = new Map<number, number>();
    // The read floor, interleaved: after each search, the cheapest call through the same path
    // (validation, session, one primary-key read, output check).
    const someone = (await call(core, 'participants.search', { query: seeded.personalIds[0]! }, token)).items[0]!.id;
    const readFloor: number[] = [];
    const timed = async (work: () => Promise<unknown>) => {
      const start = process.hrtime.bigint();
      await work();
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    const floorRead = async () => readFloor.push(await timed(() => call(core, 'participants.get', { id: someone }, token)));
    const searchLoad: string[] = [];
    for (let pass = 0; pass < PASSES; pass++) {
      await measure(queries.length, async (i) => {
        searchRuns[i]!.push(await timed(async () => hits.set(i, (await call(core, 'participants.search', { query: queries[i]!.query }, token)).items.length)));
        await floorRead();
      });
      await measure(idRuns.length, async (i) => {
        idRuns[i]!.push(await timed(() => call(core, 'participants.search', { query: seeded.personalIds[i]! }, token)));
        await floorRead();
      });
      searchLoad.push(load());
    }
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const firstPass = (runs: number[][], pick: (i: number) => boolean = () => true) => sorted(runs.filter((_, i) => pick(i)).map((r) => r[0]!));
    const bestPass = (runs: number[][], pick: (i: number) => boolean = () => true) => sorted(runs.filter((_, i) => pick(i)).map((r) => Math.min(...r)));
    const kinds = [...new Set(queries.map((q) => q.kind))];

    const regRand = seededRandom(99);
    let serial = PEOPLE + 1;
    const register = () => {
      let person = demoPerson(regRand, serial++);
      while (seeded.takenIds.has(person.personalId)) person = demoPerson(regRand, serial++);
      seeded.takenIds.add(person.personalId);
      const input = { ...person, provinceCode: '01', communeCode: communes[serial % communes.length]!, duplicateOverrideReason: 'Đo hiệu năng: người khác' };
      return call(core, 'participants.register', input, token);
    };
    // How many WAL pages a registration writes (its last transaction's frames), so the commit floor
    // writes as many: the median of a few, read right after the call, before housekeeping runs.
    const walFile = join(dir, 'field-office.sqlite-wal');
    const pageCounts: number[] = [];
    for (let i = 0; i < 21; i++) {
      await register();
      pageCounts.push(lastCommitPages(walFile));
    }
    const regPages = sorted(pageCounts)[10]!;
    // The floor's rows are set until its commit writes as many pages as a registration (the table's
    // interior pages make it a page or two more or less than its row count).
    let floor = new CommitFloor(core.database.sqlite, regPages);
    floor.commit();
    let floorPages = lastCommitPages(walFile);
    for (let tries = 0; tries < 4 && floorPages !== regPages; tries++) {
      floor = new CommitFloor(core.database.sqlite, Math.max(1, floor.pages + regPages - floorPages));
      floor.commit();
      floorPages = lastCommitPages(walFile);
    }
    // Registration and the floor alternate: each registration is followed by a bare commit of the same page count.
    const interleaved = async (count: number, pauseMs = 0) => {
      const work: number[] = [];
      const base: number[] = [];
      await measure(
        count,
        async () => {
          work.push(await timed(register));
          base.push(await timed(async () => floor.commit()));
        },
        pauseMs,
      );
      return { work: sorted(work), floor: sorted(base), load: load() };
    };
    const reg = await interleaved(REGISTRATIONS);
    // A clerk's registrations are seconds apart, not back to back: the same call with a pause
    // before each, long enough for the store's housekeeping to run before every one (information:
    // caches go cold between calls, so this is slower than the back-to-back figure).
    const regPaced = await interleaved(Math.min(300, REGISTRATIONS), 40);
    // The same work without the WAL fsync at commit, to show how much of a registration is disk
    // wait. For information only: the store keeps synchronous=FULL (docs/architecture.md).
    core.database.sqlite.pragma('synchronous = NORMAL');
    const regNoSync = await interleaved(REGISTRATIONS);
    core.database.sqlite.pragma('synchronous = FULL');
    floor.drop();

    // The floor under any commit: one tiny transaction with synchronous=FULL (a WAL fsync).
    core.database.sqlite.exec('CREATE TABLE bench_probe (n INTEGER)');
    const probe = core.database.sqlite.prepare('INSERT INTO bench_probe (n) VALUES (?)');
    const commitTimes = await measure(300, async (i) => core.database.sqlite.transaction(() => probe.run(i))());
    core.database.sqlite.exec('DROP TABLE bench_probe');
    // And under that, the disk alone: one 4 KiB write and fsync at a fixed place in a file.
    const probeFd = openSync(join(dir, 'fsync-probe'), 'w');
    const page = Buffer.alloc(4096, 1);
    const diskTimes = await measure(300, async () => {
      writeSync(probeFd, page, 0, page.length, 0);
      fsyncSync(probeFd);
    });
    closeSync(probeFd);

    console.log(`\nlatency in ms, through core.invoke (validation, session, service, SQLite, output check);`);
    console.log(
      `${cpus().length} CPUs, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} at the end (other work on the machine inflates the ms, much less the ratios)`,
    );
    console.log(
      `× floor: p50 / p95 / p99 over the same percentile of a floor measured interleaved — searches over \`participants.get\` by id, registrations over a bare commit of ${floorPages} WAL pages (a registration writes ${regPages}); load: 1-minute load average when the row was measured\n`,
    );
    console.log('| measure                            |      n |     p50 |     p95 |     p99 | × floor p50/p95/p99 | load | goal               |');
    console.log('| ---------------------------------- | -----: | ------: | ------: | ------: | ------------------- | ---: | ------------------ |');
    const floorReads = sorted(readFloor);
    const table: [string, number[], string, number[]?, string?][] = [];
    for (const [label, pick] of [
      ['first pass', firstPass],
      ['best of passes', bestPass],
    ] as const) {
      table.push([`name search, ${label}`, pick(searchRuns), 'p95 ≤ 5 ms', floorReads, searchLoad.join('–')]);
      for (const kind of kinds) {
        const empty = queries.filter((q, i) => q.kind === kind && hits.get(i) === 0).length;
        table.push([`  ${kind}${empty ? ` (${empty} empty)` : ''}`, pick(searchRuns, (i) => queries[i]!.kind === kind), '', floorReads]);
      }
      table.push([`personal-ID lookup, ${label}`, pick(idRuns), 'p95 ≤ 5 ms', floorReads, searchLoad.join('–')]);
    }
    table.push(
      ['  read floor: participants.get', floorReads, '', undefined, searchLoad.join('–')],
      ['participants.register commit', reg.work, 'p99 ≤ 3 ms; ≤ 2×', reg.floor, reg.load],
      ['  same, 40 ms apart', regPaced.work, 'information only', regPaced.floor, regPaced.load],
      ['  same, synchronous=NORMAL', regNoSync.work, 'information only', regNoSync.floor, regNoSync.load],
      [`  commit floor: ${floorPages} pages, FULL`, reg.floor, ''],
      ['  bare commit (1 page, fsync)', commitTimes, ''],
      ['  disk alone: 4 KiB write + fsync', diskTimes, ''],
    );
    for (const [label, times, goal, floorTimes, loadNow] of table) console.log(row(label, times, goal, floorTimes, loadNow));
    const worst = queries
      .map((q, i) => ({ query: q.query, ms: Math.min(...searchRuns[i]!), hits: hits.get(i) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5);
    console.log(`\nslowest searches (best of passes): ${worst.map((w) => `"${w.query}" ${w.ms.toFixed(1)} ms (${w.hits} found)`).join(', ')}`);
    const searchOk = percentile(bestPass(searchRuns), 95) <= 5 && percentile(bestPass(idRuns), 95) <= 5;
    const registerOk = percentile(reg.work, 99) <= 3;
    const registerRatio = ratios(reg.work, reg.floor)[2];
    console.log(
      `\nsearch goal (p95, best of passes) ${searchOk ? 'met' : 'MISSED'}; registration goal ${registerOk ? 'met' : 'MISSED'} (p99 ${registerRatio.toFixed(1)}× its floor, ${registerRatio <= 2 ? 'within' : 'OVER'} 2×); total ${((Date.now() - totalStart) / 1000).toFixed(0)} s`,
    );
  } finally {
    await core.close();
    if (process.env.BENCH_KEEP) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
