// The visit list's per-person facts kept in the store (issue 21 item 2, ADR 0039). A commune of
// 20 000 people read and computed on every first open cost seconds; the facts a status needs that
// do not depend on the day — the first unpaid VSI period and its deadline, the HI card's last day,
// enrollment, never paid, the last visit's promise and closing, hamlet, household place, the folded
// search text — are kept per person, made by the same code that made the picture (area-picture.ts,
// domain/visit-status.ts), so a page is one query (visit-facts-repository.ts) and only the page's
// people are read whole and priced. The facts are brought up to date before each list: the people
// the triggers' marks name are made again (a visit, a payment: one household), a commune not built
// (a new device, a hamlet changed, a mark of everything) is made whole.
import type { Kysely, Transaction } from 'kysely';
import type { VisitPerson } from '../../../shared/contract/field';
import { hamletLabel } from '../../../shared/domain/hamlets';
import { foldName } from '../../../shared/domain/name-folding';
import { lastDayOf } from '../../../shared/domain/payment-periods';
import { vsiNextPeriod } from '../../../shared/domain/visit-status';
import { commitWithoutWaitingForDisk } from '../db/relaxed-commit';
import { hamletsOfCommunes } from '../db/repositories/hamlets-repository';
import * as facts from '../db/repositories/visit-facts-repository';
import type { Database, HamletsTable, VisitFactsTable } from '../db/schema';
import { type AreaRecord, areaRecords, searchText } from './area-picture';

type Db = Kysely<Database> | Transaction<Database>;

/** People marked beyond which the communes are made whole instead. */
const REMADE_AT_MOST = 5000;

/** People made again per statement set (each a handful of `IN` reads). */
const PEOPLE_PER_READ = 1000;

const hamletCollator = new Intl.Collator('vi', { numeric: true });

/** A person's facts row: what the status rules read, made from the day-free record. */
export function factsRow(r: AreaRecord, hamletsById: Map<string, HamletsTable>): VisitFactsTable {
  const vsi = r.facts.vsi ? vsiNextPeriod(r.facts.vsi) : null;
  const hhiPaid = r.facts.hhi?.paidThrough ?? null;
  return {
    communeCode: r.communeCode,
    participantId: r.id,
    placedIn: r.placedIn,
    householdKey: r.householdId ?? r.id,
    position: r.position ?? 999,
    nameFolded: r.nameFolded,
    search: ` ${searchText(r, hamletsById)}`,
    closed: r.closed ? 1 : 0,
    promisedOn: r.facts.promisedOn,
    covered: r.facts.coveredElsewhere ? 1 : 0,
    vsiOn: r.facts.vsi ? 1 : 0,
    vsiNever: r.facts.vsi && r.facts.vsi.paidThrough === null ? 1 : 0,
    vsiNextFrom: vsi?.nextFrom ?? null,
    vsiDeadline: vsi?.deadline ?? null,
    hhiOn: r.facts.hhi ? 1 : 0,
    hhiValidTo: hhiPaid === null ? null : lastDayOf(hhiPaid),
  };
}

/** Hamlets' labels in the list's order ("Thôn 2" before "Thôn 10"), compared once per hamlet. */
export function hamletRanksOf(hamlets: Iterable<HamletsTable>): Map<string, number> {
  const labels = [...hamlets].map((h) => ({ id: h.id, label: foldName(hamletLabel(h)) }));
  labels.sort((a, b) => hamletCollator.compare(a.label, b.label));
  return new Map(labels.map((h, i) => [h.id, i]));
}

/** The day `n` days after a day ('YYYY-MM-DD'). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

async function rowsOf(db: Db, scope: { communes: readonly string[] } | { people: readonly string[] }, communes: readonly string[]) {
  const hamletRows = await hamletsOfCommunes(db, communes);
  const byId = new Map(hamletRows.map((h) => [h.id, h]));
  return (await areaRecords(db, scope, hamletRows)).map((r) => factsRow(r, byId));
}

/**
 * What the counter's quote gave for a person on a day, kept in memory per store: a page of the list
 * prices ~100 people and the next open asks the same. Forgotten for the people whose marks are
 * taken in (`freshFacts`), all of it on a rate, a commune or a hamlet's change; `generation` moves
 * each time, so a price made while a write was taken in is not kept.
 */
export interface AmountMemo {
  generation: number;
  asOf: string;
  amounts: Map<string, VisitPerson['due']>;
}

const memos = new WeakMap<Kysely<Database>, AmountMemo>();

export function amountMemo(db: Kysely<Database>, asOf: string): AmountMemo {
  let memo = memos.get(db);
  if (!memo) memos.set(db, (memo = { generation: 0, asOf, amounts: new Map() }));
  if (memo.asOf !== asOf) {
    memo.asOf = asOf;
    memo.amounts = new Map();
    memo.generation++;
  }
  return memo;
}

/** Forgets every amount kept for a store (the benchmark's open right after the app starts). */
export function forgetKeptAmounts(db: Kysely<Database>): void {
  forgetAmounts(db, 'all');
}

function forgetAmounts(db: Kysely<Database>, ids: readonly string[] | 'all'): void {
  const memo = memos.get(db);
  if (!memo) return;
  memo.generation++;
  if (ids === 'all') memo.amounts = new Map();
  else for (const id of ids) memo.amounts.delete(id);
}

/** The facts of these communes brought up to date with everything written before this call. */
export async function freshFacts(db: Kysely<Database>, communes: readonly string[]): Promise<void> {
  const [marks, built] = await Promise.all([facts.dirtyKeys(db), facts.builtCommunes(db, communes)]);
  if (marks.length === 0 && built.size === communes.length) return;
  // One transaction: a write between the marks read and the facts made waits for it, then marks again.
  // Committed without waiting for the disk: the facts are derived, and the marks they clear were
  // written by the clerk's own transaction (durable), so facts lost on a power cut are made again.
  await commitWithoutWaitingForDisk(db, async (trx) => {
    const marks = await facts.dirtyKeys(trx);
    if (marks.some((m) => m.kind === 'all')) await facts.unbuild(trx, 'all');
    await facts.unbuild(
      trx,
      marks.filter((m) => m.kind === 'c').map((m) => m.key),
    );
    let ids = await facts.peopleOfMarks(trx, marks);
    // More people than a commune is made whole faster than person by person (a bulk import, a repair).
    if (ids.length > REMADE_AT_MOST) {
      await facts.unbuild(trx, 'all');
      ids = [];
    }
    forgetAmounts(db, ids.length === 0 || marks.some((m) => m.kind === 'all' || m.kind === 'c' || m.kind === 'q') ? 'all' : ids);
    for (let i = 0; i < ids.length; i += PEOPLE_PER_READ) {
      const chunk = ids.slice(i, i + PEOPLE_PER_READ);
      await facts.replacePeopleFacts(trx, chunk, await rowsOf(trx, { people: chunk }, await facts.communesOfPeople(trx, chunk)));
    }
    await facts.clearDirty(trx);
    const ready = await facts.builtCommunes(trx, communes);
    for (const c of communes) if (!ready.has(c)) await facts.replaceCommuneFacts(trx, c, await rowsOf(trx, { communes: [c] }, [c]));
  });
}

export interface FactsKeeper {
  /** Called after every call into the core: if it wrote anything the list reads, the facts are brought up to date a moment later. */
  afterCall(): void;
  /** Stops, waiting for a run under way. */
  stop(): Promise<void>;
}

/**
 * Makes the communes officers walk whole between calls, so the list's first open on the app's start
 * after an update, after a new device's fill, after a new area or a hamlet's change does not wait
 * seconds for it: at start, after a call, and every 15 s (a sync between calls) it asks the store —
 * a read — whether such a commune waits, and only then writes. The marks of ordinary writes (a
 * payment, a registration) are left to the next list, a few rows: a clerk's write causes no second
 * commit. A failure is logged and tried again; the list itself always brings the facts up to date first.
 * A second after the start it prices the officers' first pages (`priceAhead`), once.
 */
export function startFactsKeeper(
  db: Kysely<Database>,
  log: (error: unknown) => void,
  options: {
    settleMs?: number;
    intervalMs?: number;
    priceAhead?: (stopped: () => boolean) => Promise<void>;
    priceAfterMs?: number;
    /** True while the store's write lock is held elsewhere (store-write-gate.ts): the facts wait. */
    paused?: () => boolean;
  } = {},
): FactsKeeper {
  const { settleMs = 30, intervalMs = 15_000, priceAhead, priceAfterMs = 1000, paused = () => false } = options;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = () => {
    timer = null;
    if (stopped || running) return;
    running = (async () => {
      try {
        await freshFacts(db, await facts.communesKeptReady(db));
      } catch (error) {
        log(error);
      } finally {
        running = null;
      }
    })();
  };
  const schedule = () => {
    if (stopped || timer) return;
    timer = setTimeout(run, settleMs);
    timer.unref();
  };
  let asking: Promise<void> | null = null;
  const check = () => {
    if (stopped || timer || running || asking || paused()) return;
    asking = facts
      .anyToBuild(db)
      .then((due) => void (due && schedule()), log)
      .finally(() => (asking = null));
  };
  check();
  // A sync pull between calls may unbuild too: looked at now and then (a read).
  const every = setInterval(check, intervalMs);
  every.unref();
  // A moment after the start, the officers' first pages are priced, so their first list after the
  // app starts finds its amounts kept (the memo is in memory: every start begins without them).
  let pricing: Promise<void> | null = null;
  const priceTimer = priceAhead
    ? setTimeout(() => {
        if (stopped) return;
        pricing = priceAhead(() => stopped).catch(log);
      }, priceAfterMs)
    : null;
  priceTimer?.unref();
  return {
    afterCall: check,
    async stop() {
      stopped = true;
      clearInterval(every);
      if (priceTimer) clearTimeout(priceTimer);
      await asking;
      if (timer) clearTimeout(timer);
      await running;
      await pricing;
    },
  };
}
