// A seeded office workload for the fault suite: registrations (some shared between offices, so
// duplicates happen; a few deliberate near-duplicates — same name and birth date, another personal
// ID — which the central holds for review, with the payments that wait for them), VSI
// contributions and the odd void, all through the real core. Apart from those, every generated
// person has a name and birth date of their own, at any scale: the central's near-match rule
// must only ever meet the near-duplicates made on purpose.
import { seededRandom } from '../../src/main/core/demo/demo-people';
import type { Office } from '../integration/sync/central-fixture';

const families = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
const middles = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thu', 'Ngọc', 'Quang'];
const givens = ['An', 'Bình', 'Cường', 'Dung', 'Em', 'Gấm', 'Hải', 'Lan', 'Minh', 'Thu', 'Quang', 'Hồng', 'Khánh', 'Long', 'Mai', 'Nga'];
const NAMES = families.length * middles.length * givens.length;
/** Birth dates over 40 years from 1960; with the name's stride, (name, birth date) repeats only every 2 803 200 people. */
const DAYS = 14_600;
const DAY_MS = 86_400_000;

function nameOf(n: number): string {
  return `${families[n % families.length]} ${middles[Math.floor(n / families.length) % middles.length]} ${givens[Math.floor(n / (families.length * middles.length)) % givens.length]}`;
}

function personalIdFor(serial: number, sex: 'male' | 'female', year: number): string {
  return `001${sex === 'male' ? 0 : 1}${String(year % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
}

/** Person number `i`: the same person at every office that registers `i` (same personal ID). */
export function sharedPerson(i: number) {
  const sex = i % 2 === 0 ? 'male' : 'female';
  const dateOfBirth = new Date(Date.UTC(1960, 0, 1) + (i % DAYS) * DAY_MS).toISOString().slice(0, 10);
  const year = Number(dateOfBirth.slice(0, 4));
  return {
    fullName: nameOf((i * 7919) % NAMES),
    dateOfBirth,
    sex,
    personalId: personalIdFor(500_000 + i, sex, year),
    provinceCode: '01',
    communeCode: '00004',
    addressLine: `Thôn Đông, số ${i}`,
  } as const;
}

/** Another person with person `i`'s name and birth date (another personal ID): a possible duplicate. */
export function nearDuplicateOf(i: number) {
  const person = sharedPerson(i);
  return { ...person, personalId: personalIdFor(900_000 + (i % 100_000), person.sex, Number(person.dateOfBirth.slice(0, 4))) };
}

export async function runWorkload(office: Office, seed: number, steps: number, sharedPool: number): Promise<void> {
  const rand = seededRandom(seed);
  const mine: string[] = [];
  const ownIndexes: number[] = [];
  for (let step = 0; step < steps; step++) {
    const roll = rand();
    if (roll < 0.5 || mine.length === 0) {
      const shared = rand() < 0.3;
      const i = shared ? Math.floor(rand() * sharedPool) : sharedPool + seed * 1000 + step;
      // One registration in ten of this office's own people is a near-duplicate of the one before.
      const near = !shared && ownIndexes.length > 0 && rand() < 0.1;
      const person = near ? nearDuplicateOf(ownIndexes[ownIndexes.length - 1]!) : sharedPerson(i);
      try {
        const p = await office.call<{ id: string }>('participants.register', { ...person, duplicateOverrideReason: 'fault-suite workload' });
        mine.push(p.id);
        if (!shared && !near) ownIndexes.push(i);
      } catch (error) {
        if ((error as { data?: { code: string } }).data?.code !== 'DUPLICATE_PERSON') throw error;
      }
    } else if (roll < 0.9) {
      const id = mine[Math.floor(rand() * mine.length)]!;
      const month = `2026-${String(1 + Math.floor(rand() * 9)).padStart(2, '0')}`;
      try {
        await office.call('enrollments.set', {
          participantId: id,
          scheme: 'VSI',
          method: 'monthly',
          incomeBasis: 1_500_000 + Math.floor(rand() * 10) * 100_000,
          fromMonth: '2026-01',
        });
        const quote = await office.call<{ total: number }>('contributions.quote', { participantId: id, scheme: 'VSI', fromMonth: month, months: 1 });
        await office.call('contributions.record', { participantId: id, scheme: 'VSI', fromMonth: month, months: 1, expectedTotal: quote.total });
      } catch (error) {
        if ((error as { data?: { code: string } }).data?.code !== 'CONFLICT') throw error;
      }
    } else {
      const day = await office.call<{ items: { id: string; void: unknown }[] }>('receipts.listForDay', {});
      const open = day.items.filter((r) => r.void === null);
      if (open.length > 0) await office.call('receipts.void', { id: open[Math.floor(rand() * open.length)]!.id, reason: 'Thu nhầm kỳ (kiểm thử)' });
    }
  }
}
