// `npm run bench` (part): what encrypting the office store costs per commit (ADR 0022). Three
// stores of BENCH_CIPHER_ROWS people (default 200 000; BENCH_SCALE scales it) — plain, ChaCha20-
// Poly1305 and SQLCipher (AES-256-CBC + HMAC-SHA512), each through better-sqlite3-multiple-ciphers
// with WAL and synchronous=FULL — take the same commits, interleaved (store 1, 2, 3, 1, 2, 3 …) so
// the disk's and the machine's moods fall on all three alike. A commit is what a registration
// writes: a person (with its name and personal-ID indexes), an outbox entry and an audit entry.
// Printed: p50/p95/p99 wall time and CPU per commit, each cipher's ratio to the plain store
// measured in the same run (the floor), and the load average.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { uuidv7 } from 'uuidv7';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const ROWS = Math.round(Number(process.env.BENCH_CIPHER_ROWS ?? 200_000) * SCALE);
const COMMITS = Number(process.env.BENCH_CIPHER_COMMITS ?? 1_500);
const KEY = 'a3'.repeat(32);

const variants = [
  { name: 'plain', setup: (_db: Sqlite.Database) => undefined },
  {
    name: 'chacha20 (chosen)',
    setup: (db: Sqlite.Database) => {
      db.pragma("cipher = 'chacha20'");
      db.pragma('kdf_iter = 1');
      db.pragma(`hexkey = '${KEY}'`);
    },
  },
  {
    name: 'sqlcipher',
    setup: (db: Sqlite.Database) => {
      db.pragma("cipher = 'sqlcipher'");
      db.pragma('legacy = 4');
      db.pragma('kdf_iter = 1');
      db.pragma(`hexkey = '${KEY}'`);
    },
  },
];

const SCHEMA = `
  CREATE TABLE participants (id TEXT PRIMARY KEY, full_name TEXT NOT NULL, name_folded TEXT NOT NULL, date_of_birth TEXT NOT NULL,
    personal_id TEXT NOT NULL UNIQUE, address_line TEXT NOT NULL, commune_code TEXT NOT NULL, created_at TEXT NOT NULL) WITHOUT ROWID;
  CREATE INDEX participants_name ON participants (name_folded, date_of_birth);
  CREATE TABLE outbox (seq INTEGER PRIMARY KEY, op_id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, entity_id TEXT NOT NULL, payload TEXT NOT NULL, status TEXT NOT NULL);
  CREATE INDEX outbox_status ON outbox (status, seq);
  CREATE TABLE audit_log (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, action TEXT NOT NULL, entity_id TEXT NOT NULL, details TEXT, hash TEXT NOT NULL);`;

function person(i: number) {
  const name = `Nguyễn Thị ${['Lan', 'Hoa', 'Mai', 'Hương', 'Thảo'][i % 5]} ${i.toString(36)}`;
  return {
    id: uuidv7(),
    full_name: name,
    name_folded: name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(),
    date_of_birth: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
    personal_id: String(100_000_000_000 + i),
    address_line: `Số ${i % 300} đường Lê Lợi, thôn ${i % 40}`,
    commune_code: String(i % 10_000).padStart(5, '0'),
    created_at: new Date().toISOString(),
  };
}

function open(dir: string, variant: (typeof variants)[number]) {
  const db = new Sqlite(join(dir, `${variant.name.split(' ')[0]}.sqlite`));
  variant.setup(db);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(SCHEMA);
  const insertPerson = db.prepare(
    'INSERT INTO participants VALUES (@id, @full_name, @name_folded, @date_of_birth, @personal_id, @address_line, @commune_code, @created_at)',
  );
  const insertOutbox = db.prepare("INSERT INTO outbox (op_id, kind, entity_id, payload, status) VALUES (?, 'participant.register', ?, ?, 'pending')");
  const insertAudit = db.prepare("INSERT INTO audit_log (at, action, entity_id, details, hash) VALUES (?, 'participant.register', ?, ?, ?)");
  const commit = db.transaction((i: number) => {
    const p = person(i);
    insertPerson.run(p);
    insertOutbox.run(uuidv7(), p.id, JSON.stringify(p));
    insertAudit.run(p.created_at, p.id, null, 'f'.repeat(64));
  });
  // Seeded in large transactions (synchronous off for the seeding only), then checkpointed.
  db.pragma('synchronous = OFF');
  for (let i = 0; i < ROWS; i += 10_000)
    db.transaction(() => {
      for (let j = i; j < Math.min(ROWS, i + 10_000); j++) commit(j);
    })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('synchronous = FULL');
  return { db, commit };
}

const at = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export async function runCipherBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'field-office-cipher-bench-'));
  try {
    console.log(
      `\n== store encryption: ${ROWS} people per store, ${COMMITS} commits each, interleaved (load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')})`,
    );
    const stores = variants.map((variant) => ({ variant, ...open(dir, variant), wall: [] as number[], cpu: [] as number[] }));
    for (let i = 0; i < COMMITS; i++) {
      // The order turns each round, so no store always follows the same one.
      for (let k = 0; k < stores.length; k++) {
        const store = stores[(i + k) % stores.length]!;
        const cpuBefore = process.cpuUsage();
        const started = process.hrtime.bigint();
        store.commit(ROWS + i);
        store.wall.push(Number(process.hrtime.bigint() - started) / 1e6);
        const cpu = process.cpuUsage(cpuBefore);
        store.cpu.push((cpu.user + cpu.system) / 1000);
      }
      if (i % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
    }
    const floor = stores[0]!;
    const p50 = (s: (typeof stores)[number]) =>
      at(
        [...s.wall].sort((a, b) => a - b),
        50,
      );
    const p99 = (s: (typeof stores)[number]) =>
      at(
        [...s.wall].sort((a, b) => a - b),
        99,
      );
    const cpu = (s: (typeof stores)[number]) => s.cpu.reduce((a, b) => a + b, 0) / s.cpu.length;
    for (const s of stores) {
      const sorted = [...s.wall].sort((a, b) => a - b);
      console.log(
        `${s.variant.name.padEnd(18)} p50 ${at(sorted, 50).toFixed(2)} ms  p95 ${at(sorted, 95).toFixed(2)} ms  p99 ${at(sorted, 99).toFixed(2)} ms  ` +
          `CPU/commit ${cpu(s).toFixed(3)} ms  (× plain: p50 ${(p50(s) / p50(floor)).toFixed(2)}, p99 ${(p99(s) / p99(floor)).toFixed(2)}, CPU ${(cpu(s) / cpu(floor)).toFixed(2)})`,
      );
      s.db.close();
    }
    console.log(
      `load average after: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runCipherBench();
