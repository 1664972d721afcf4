// Bulk seeding for the contributions benchmark: people, households, enrollments, contributions,
// receipts (in many offices' series) and a few voids, written straight into the office's SQLite
// file in big transactions — seconds per million rows instead of hours through the services —
// but row for row what the services write: real line breakdowns from the shared calculator,
// addresses as the receipt prints them, gap-free numbers per series in issue order, amounts in
// words. Secondary indexes and the name index are built once after the load.
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { uuidv7 } from 'uuidv7';
import { computeQuote } from '../../src/shared/domain/contribution-quote';
import { amountInWords } from '../../src/shared/domain/amount-in-words';
import { addMonths, methodForMonthsOrNull } from '../../src/shared/domain/payment-periods';
import type { ReferenceSchedule } from '../../src/shared/domain/reference-schedule';
import { foldName } from '../../src/shared/domain/name-folding';
import { demoPerson, seededRandom } from '../../src/main/core/demo/demo-people';
import { loadWithoutNameQueue } from './name-index-seeding';

export interface SeedOptions {
  people: number;
  contributions: number;
  /** The business date the benchmark runs on; everything seeded is paid before it. */
  today: string;
  office: { code: string; name: string; deviceSeries: string };
  schedule: ReferenceSchedule;
  passwordHash: string;
  log: (line: string) => void;
}

/** What the benchmark needs to know about the seeded people to record realistic next payments. */
export interface Seeded {
  personIds: string[];
  /** Month index (months since 2022-01) after the last seeded period, or -1 for a non-payer. */
  nextMonth: Int16Array;
  /** 1 = VSI, 2 = HHI. */
  scheme: Uint8Array;
  takenPersonalIds: Set<string>;
  staffIds: string[];
  series: string[];
  /** People 0 … householdPeople − 1 live in households of three (and pay HHI). */
  householdPeople: number;
}

const EPOCH_YEAR = 2022; // the rural poverty line every VSI amount needs starts in Jan 2022
const SERIES = 40;
const STAFF = 24;
const BATCH = 50_000;
const incomes = [1_500_000, 1_500_000, 1_500_000, 2_000_000, 2_000_000, 2_500_000, 3_000_000, 4_000_000, 5_000_000];
const methodMonths = [1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 3, 3, 3, 3, 6, 6, 6, 12, 12, 12];
/** Up to how many payments a chain of each period length has (≈ 6.6 payments per payer on average). */
const maxPayments: Record<number, number> = { 1: 16, 3: 12, 6: 8, 12: 5 };
const givenNames = ['Hà', 'Lan', 'Minh', 'Sơn', 'Thảo', 'Hùng', 'Yến', 'Bình', 'Tuấn', 'Nga', 'Phúc', 'Trang'];

const monthName = (index: number) => `${EPOCH_YEAR + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
const monthIndex = (month: string) => (Number(month.slice(0, 4)) - EPOCH_YEAR) * 12 + Number(month.slice(5, 7)) - 1;
const dayName = (month: number, day: number) => `${monthName(month)}-${String(day).padStart(2, '0')}`;

function progress(what: string, done: number, started: number) {
  process.stdout.write(`\r  ${what}: ${done.toLocaleString('en')} (${((Date.now() - started) / 1000).toFixed(0)} s)   `);
}

/** Drops a table's secondary indexes (rebuilt by the returned function, one sort each). */
function withoutIndexes(sqlite: BetterSqlite3.Database, tables: string[]): () => void {
  const indexes = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(',')})`)
    .all(...tables) as { name: string; sql: string }[];
  for (const index of indexes) sqlite.exec(`DROP INDEX ${index.name}`);
  return () => {
    for (const index of indexes) sqlite.exec(index.sql);
  };
}

export function seedContributions(sqlite: BetterSqlite3.Database, o: SeedOptions): Seeded {
  const rand = seededRandom(20260705);
  const started = Date.now();
  const at = new Date().toISOString();
  const todayIndex = monthIndex(o.today);
  const lastMonth = todayIndex - 1; // seeded periods end before the current month
  const province = sqlite.prepare(`SELECT full_name FROM admin_provinces WHERE code = '01'`).pluck().get() as string;
  const communes = sqlite.prepare(`SELECT code, full_name AS fullName FROM admin_communes WHERE province_code = '01' ORDER BY code`).all() as {
    code: string;
    fullName: string;
  }[];

  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -524288');
  const buildNameIndex = loadWithoutNameQueue(sqlite);
  const rebuildIndexes = withoutIndexes(sqlite, ['participants', 'contributions', 'receipts', 'enrollments']);

  // Staff: the collectors of the seeded receipts (they can sign in with the supervisor's password).
  const staffIds: string[] = [];
  const staffNames: string[] = [];
  const insertStaff =
    sqlite.prepare(`INSERT INTO staff (id, username, full_name, role, password_hash, active, failed_attempts, locked_until, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, 1, 0, NULL, ?, ?)`);
  for (let i = 0; i < STAFF; i++) {
    const id = uuidv7();
    const name = `${['Nguyễn', 'Trần', 'Lê', 'Phạm'][i % 4]} ${i % 2 ? 'Thị' : 'Văn'} ${givenNames[i % givenNames.length]}`;
    insertStaff.run(id, `thu${i + 1}`, name, i % 3 === 0 ? 'field' : 'counter', o.passwordHash, at, at);
    staffIds.push(id);
    staffNames.push(name);
  }
  // Series: this device's and 39 other collection points' (the office's other counters and laptops).
  const series = [o.office.deviceSeries];
  for (let i = 1; i < SERIES; i++)
    series.push(`${o.office.code.slice(0, 4)}${String(10 + i).padStart(2, '0')}-${(0x1000 + i * 977).toString(16).toUpperCase().slice(-4)}`);
  const officeNames = series.map((_, i) => (i === 0 ? o.office.name : `${o.office.name} — điểm thu ${i + 1}`));

  // People, and households of three among the first 15 %.
  const personIds: string[] = new Array(o.people);
  const names: string[] = new Array(o.people);
  const personalIds: string[] = new Array(o.people);
  const addresses: string[] = new Array(o.people);
  const categories: string[] = new Array(o.people);
  const takenPersonalIds = new Set<string>();
  const householdPeople = Math.floor((o.people * 0.15) / 3) * 3;
  const householdIds: string[] = new Array(householdPeople / 3);
  for (let h = 0; h < householdIds.length; h++) householdIds[h] = uuidv7();
  const insertPerson = sqlite.prepare(`
    INSERT INTO participants (id, full_name, name_folded, date_of_birth, sex, ethnicity, nationality, personal_id, si_number, phone,
      province_code, commune_code, address_line, poverty_kind, declared_support_category, household_id, official_number, canonical_id, version, created_by, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, 'Việt Nam', ?, ?, ?, '01', ?, ?, ?, 'other', ?, NULL, NULL, 1, ?, ?, ?)`);
  const insertHousehold = sqlite.prepare(
    `INSERT INTO households (id, head_participant_id, province_code, commune_code, address_line, version, created_at, updated_at) VALUES (?, ?, '01', ?, ?, 1, ?, ?)`,
  );
  const insertMember = sqlite.prepare(`INSERT INTO household_members (household_id, participant_id, position) VALUES (?, ?, ?)`);
  const peopleBatch = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      let person = demoPerson(rand, i + 1);
      while (takenPersonalIds.has(person.personalId)) person = demoPerson(rand, i + 1 + o.people);
      takenPersonalIds.add(person.personalId);
      const commune = communes[i % communes.length]!;
      const household = i < householdPeople ? householdIds[Math.floor(i / 3)]! : null;
      const id = uuidv7();
      insertPerson.run(
        id,
        person.fullName,
        foldName(person.fullName),
        person.dateOfBirth,
        person.sex,
        person.ethnicity,
        person.personalId,
        i % 3 === 0 ? String(7_900_000_000 + i) : null,
        person.phone,
        commune.code,
        person.addressLine,
        person.poverty?.kind ?? null,
        household,
        staffIds[i % STAFF],
        at,
        at,
      );
      if (household) {
        if (i % 3 === 0) insertHousehold.run(household, id, commune.code, person.addressLine, at, at);
        insertMember.run(household, id, (i % 3) + 1);
      }
      personIds[i] = id;
      names[i] = person.fullName;
      personalIds[i] = person.personalId;
      addresses[i] = [person.addressLine, commune.fullName, province].join(', ');
      categories[i] = person.poverty?.kind ?? 'other';
    }
  });
  for (let from = 0; from < o.people; from += BATCH) {
    peopleBatch(from, Math.min(o.people, from + BATCH));
    progress('people', Math.min(o.people, from + BATCH), started);
  }
  process.stdout.write('\n');

  // The payment chains: each payer pays consecutive periods by one method from a start month;
  // payers are taken in order until the target number of contributions is reached.
  const nextMonth = new Int16Array(o.people).fill(-1);
  const scheme = new Uint8Array(o.people);
  const income = new Int32Array(o.people);
  const chainStart = new Int16Array(o.people);
  const chainMonths = new Uint8Array(o.people);
  const person = new Int32Array(o.contributions);
  const fromMonth = new Int16Array(o.contributions);
  const months = new Uint8Array(o.contributions);
  const day = new Uint8Array(o.contributions);
  const seriesOf = new Uint8Array(o.contributions);
  let n = 0;
  for (let i = 0; i < o.people && n < o.contributions; i++) {
    if (rand() < 0.15) continue; // registered, never paid here
    const hhi = i < householdPeople;
    let m = methodMonths[Math.floor(rand() * methodMonths.length)]!;
    if (hhi && m === 1) m = 3;
    const span = lastMonth + 1;
    const count = Math.min(Math.floor(span / m), 1 + Math.floor(rand() * maxPayments[m]!));
    let start = lastMonth + 1 - count * m - Math.floor(rand() * Math.max(1, span - count * m + 1));
    if (start < 0) start = 0;
    scheme[i] = hhi ? 2 : 1;
    income[i] = incomes[Math.floor(rand() * incomes.length)]!;
    chainStart[i] = start;
    chainMonths[i] = m;
    const s = i % SERIES;
    for (let k = 0; k < count && n < o.contributions; k++) {
      const from = start + k * m;
      if (from + m - 1 > lastMonth) break;
      person[n] = i;
      fromMonth[n] = from;
      months[n] = m;
      day[n] = 1 + Math.floor(rand() * 28);
      seriesOf[n] = s;
      n++;
      nextMonth[i] = from + m;
    }
  }
  const total = n;
  if (total < o.contributions)
    o.log(`  (the people's payment chains hold ${total.toLocaleString('en')} contributions, fewer than the ${o.contributions.toLocaleString('en')} asked for)`);
  // Issue order: by payment day, then a per-day spread; receipt numbers follow it per series.
  const order = new Float64Array(total);
  for (let c = 0; c < total; c++) order[c] = (fromMonth[c]! * 32 + day[c]!) * 2 ** 23 + c;
  order.sort();

  // Line templates: one month's line computed by the shared calculator per (scheme, payment
  // month, income, category, position); a payment's lines repeat it with the month filled in.
  const templates = new Map<string, { json: string; amount: number; supported: boolean }>();
  const template = (i: number, paidOn: string) => {
    const hhi = scheme[i] === 2;
    const position = hhi ? (i % 3) + 1 : null;
    const key = `${hhi}|${paidOn.slice(0, 7)}|${income[i]}|${categories[i]}|${position}`;
    let t = templates.get(key);
    if (!t) {
      const quote = computeQuote(o.schedule, {
        scheme: hhi ? 'HHI' : 'VSI',
        paidOn,
        fromMonth: paidOn.slice(0, 7),
        months: hhi ? 3 : 1,
        method: hhi ? 'quarterly' : 'monthly',
        incomeBasis: hhi ? null : income[i]!,
        memberPosition: position,
        // The state insures a poor household's health: such a payer is quoted as any other here (a bench's money, not a rule).
        supportCategory: hhi && categories[i] === 'poor' ? 'other' : categories[i]!,
        supportedMonthsUsed: 0,
        participantId: '@P@',
      });
      const line = quote.lines[0]!;
      const [y, mm] = line.month.split('-');
      const json = JSON.stringify({ ...line, month: '@M@', description: line.description.replace(`${mm}/${y}`, '@D@') });
      t = { json, amount: line.amount, supported: line.supportAmount > 0 };
      templates.set(key, t);
    }
    return t;
  };
  const words = new Map<number, string>();

  const insertContribution =
    sqlite.prepare(`INSERT INTO contributions (id, participant_id, household_id, scheme, method, from_month, to_month, months, income_basis, paid_on, total,
    supported_months, lines, reference_version, collector_staff_id, receipt_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertReceipt =
    sqlite.prepare(`INSERT INTO receipts (id, series, number, contribution_id, participant_id, payer_name, payer_personal_id, payer_address, scheme,
    period_from, period_to, months, amount, amount_words, collector_staff_id, collector_name, office_name, issued_at, business_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertVoid = sqlite.prepare(`INSERT INTO receipt_voids (id, receipt_id, reason, voided_by, voided_at, business_date) VALUES (?, ?, ?, ?, ?, ?)`);
  const nextNumber = new Int32Array(SERIES).fill(1);
  const perDay = new Map<number, number>();
  const contributionBatch = sqlite.transaction((from: number, to: number) => {
    for (let k = from; k < to; k++) {
      const c = order[k]! % 2 ** 23;
      const i = person[c]!;
      const hhi = scheme[i] === 2;
      const paidOn = dayName(fromMonth[c]!, day[c]!);
      const s = seriesOf[c]!;
      // Receipts of a collection point's day go out a few minutes apart from 07:30 (UTC+7).
      const slot = (perDay.get(s * 4096 + fromMonth[c]! * 32 + day[c]!) ?? 0) + 1;
      perDay.set(s * 4096 + fromMonth[c]! * 32 + day[c]!, slot);
      const issuedAt = new Date(Date.parse(`${paidOn}T00:30:00Z`) + slot * 4 * 60_000).toISOString();
      const t = template(i, paidOn);
      const m = months[c]!;
      const lines: string[] = [];
      for (let j = 0; j < m; j++) {
        const month = monthName(fromMonth[c]! + j);
        lines.push(
          t.json
            .replace('@M@', month)
            .replace('@P@', personIds[i]!)
            .replace('@D@', `${month.slice(5)}/${month.slice(0, 4)}`),
        );
      }
      const amount = t.amount * m;
      let inWords = words.get(amount);
      if (!inWords) words.set(amount, (inWords = amountInWords(amount)));
      const contributionId = uuidv7();
      const receiptId = uuidv7();
      const collector = (s * 3 + (slot % 3)) % STAFF;
      const method = methodForMonthsOrNull(hhi ? 'HHI' : 'VSI', m)!;
      const toMonth = addMonths(monthName(fromMonth[c]!), m - 1);
      insertContribution.run(
        contributionId,
        personIds[i],
        hhi ? householdIds[Math.floor(i / 3)] : null,
        hhi ? 'HHI' : 'VSI',
        method,
        monthName(fromMonth[c]!),
        toMonth,
        m,
        hhi ? null : income[i],
        paidOn,
        amount,
        t.supported ? m : 0,
        `[${lines.join(',')}]`,
        o.schedule.version,
        staffIds[collector],
        receiptId,
        issuedAt,
      );
      const number = nextNumber[s]!;
      nextNumber[s] = number + 1;
      insertReceipt.run(
        receiptId,
        series[s],
        number,
        contributionId,
        personIds[i],
        names[i],
        personalIds[i],
        addresses[i],
        hhi ? 'HHI' : 'VSI',
        monthName(fromMonth[c]!),
        toMonth,
        m,
        amount,
        inWords,
        staffIds[collector],
        staffNames[collector],
        officeNames[s],
        issuedAt,
        paidOn,
      );
      if (c % 250 === 7) {
        insertVoid.run(
          uuidv7(),
          receiptId,
          'Thu nhầm kỳ đóng, lập lại biên lai',
          staffIds[(collector + 1) % STAFF],
          new Date(Date.parse(issuedAt) + 600_000).toISOString(),
          paidOn,
        );
      }
    }
  });
  const contributionsStarted = Date.now();
  for (let from = 0; from < total; from += BATCH) {
    contributionBatch(from, Math.min(total, from + BATCH));
    progress('contributions + receipts', Math.min(total, from + BATCH), contributionsStarted);
  }
  process.stdout.write('\n');
  const insertSeries = sqlite.prepare(`INSERT INTO receipt_series (series, next_number) VALUES (?, ?)`);
  for (let s = 0; s < SERIES; s++) insertSeries.run(series[s], nextNumber[s]);

  const insertEnrollment =
    sqlite.prepare(`INSERT INTO enrollments (id, participant_id, scheme, method, income_basis, from_month, status, version, created_by, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, 'active', 1, ?, ?, ?)`);
  sqlite.transaction(() => {
    for (let i = 0; i < o.people; i++) {
      if (nextMonth[i] === -1) continue;
      const hhi = scheme[i] === 2;
      insertEnrollment.run(
        uuidv7(),
        personIds[i],
        hhi ? 'HHI' : 'VSI',
        methodForMonthsOrNull(hhi ? 'HHI' : 'VSI', chainMonths[i]!),
        hhi ? null : income[i],
        monthName(chainStart[i]!),
        staffIds[i % STAFF],
        at,
        at,
      );
    }
  })();

  o.log(`  building indexes, the name index and statistics…`);
  rebuildIndexes();
  buildNameIndex();
  sqlite.exec('ANALYZE');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('cache_size = -2000'); // SQLite's default, as the app runs
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  o.log(
    `  seeded ${o.people.toLocaleString('en')} people, ${total.toLocaleString('en')} contributions and receipts in ${SERIES} series (${templates.size} line templates) in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  return { personIds, nextMonth, scheme, takenPersonalIds, staffIds, series, householdPeople };
}

export { monthName, monthIndex };
