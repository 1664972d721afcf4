// A new device of the office, in a process of its own, for the office-picture benchmark: the office
// core alone (no central, no seeding, no benchmark bookkeeping) sets up its office, enrolls with the
// code it is given, and fills its picture through `sync.pushNow` while a search is asked every 2 s.
// Prints one JSON line: the rows, the seconds, the process's peak RSS (VmHWM: the core's own
// figure), the searches' times, where the fill spent its time (pictureFillPhases) and what the
// store then holds.
//   tsx tests/bench/fill-device.ts <centralUrl> <enrollmentCode> <officeCode> <dataDir> <resourcesDir>
import { readFileSync, statSync } from 'node:fs';
import { sql } from 'kysely';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { createOfficeCore } from '../../src/main/core/office-core';
import { fillCollections } from '../../src/main/core/sync/fill-collector';
import { pictureFillPhases } from '../../src/main/core/sync/picture-fill';

const [centralUrl, code, officeCode, dataDir, resourcesDir] = process.argv.slice(2) as [string, string, string, string, string];

/** The process's resident set now and at its peak, in MB (/proc/self/status). */
function memory(): { rss: number; peak: number } {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

const before = memory();
const core = await createOfficeCore({ dataDir, resourcesDir, syncIntervalMs: 0 });
if (process.env.PICTURE_PAGE_SIZE) core.context.sync!.picturePageSize = Number(process.env.PICTURE_PAGE_SIZE);
// Set up and enrolled through the core's own calls: nothing of the central or the test fixtures is
// loaded into this process, whose RSS is the core's figure.
let token = '';
const call = async <T>(method: string, input: unknown): Promise<T> => {
  const result = await core.invoke(method, input, token);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
};
token = (
  await call<{ token: string }>('office.setup', {
    officeCode,
    officeName: `BHXH cơ sở ${officeCode}`,
    provinceCode: '01',
    supervisor: { username: 'sup', fullName: 'Trần Thị Giám', password: 'correct-horse-1' },
  })
).token;
await call('sync.enroll', { centralUrl, code, deviceName: 'Máy cán bộ thu mới' });
const opened = memory();

// What the resident set is made of at its largest (V8's heap, buffers outside it), sampled.
const largest = { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
// The fill's last phase when the resident set was at its largest (the part being filled, or the indexes' build).
let largestDuring = '';
// The WAL file at its largest (MB): copied into the store file aside while the picture fills.
let walMb = 0;
const walFile = `${core.context.storeFile}-wal`;
const sampler = setInterval(() => {
  try {
    walMb = Math.max(walMb, Math.round(statSync(walFile).size / 1048576));
  } catch {
    // No WAL file at this instant.
  }
  const m = process.memoryUsage();
  if (m.rss / 1048576 > largest.rss) largestDuring = Object.keys(pictureFillPhases).at(-1) ?? 'start';
  for (const key of Object.keys(largest) as (keyof typeof largest)[]) largest[key] = Math.max(largest[key], Math.round(m[key] / 1048576));
}, 50);
// V8's collections over the fill (its own and the core's), in ms: what collecting costs the fill's thread.
const collecting = { ms: 0, count: 0 };
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    collecting.ms += entry.duration;
    collecting.count++;
  }
});
gcObserver.observe({ entryTypes: ['gc'] });
const searches: number[] = [];
let filling = true;
const searching = (async () => {
  while (filling) {
    await new Promise((r) => setTimeout(r, 2000));
    const s0 = performance.now();
    await call('participants.search', { query: 'nguyen van an' });
    searches.push(performance.now() - s0);
  }
})();
const t0 = performance.now();
const summary = await call<{ pulled: number; error: string | null }>('sync.pushNow', {});
const seconds = (performance.now() - t0) / 1000;
filling = false;
await searching;
clearInterval(sampler);
gcObserver.disconnect();
const one = async (query: string) => Number((await sql<{ n: number }>`${sql.raw(query)}`.execute(core.context.db)).rows[0]!.n);
const count = (table: string) => one(`SELECT count(*) AS n FROM ${table}`);
console.log(
  JSON.stringify({
    pulled: summary.pulled,
    error: summary.error,
    seconds,
    memory: { before, opened, after: memory(), largest, largestDuring },
    searches,
    phases: {
      ...pictureFillPhases,
      [`all ${collecting.count} of V8's collections`]: collecting.ms,
      [`${fillCollections.pages + fillCollections.beforeIndexes} full collections (live heap and its buffers after them ≤ ${fillCollections.liveMb} MB)`]:
        fillCollections.ms,
    },
    held: {
      people: await count('participants'),
      households: await count('households'),
      payments: await count('pulled_contributions'),
      voids: await count('receipt_voids'),
      paymentIndexes: await one(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'index' AND tbl_name = 'pulled_contributions'`),
    },
    wal: { largestMb: walMb, ...core.context.sync!.walAside.copies },
  }),
);
await core.close();
