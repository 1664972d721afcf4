// A seeded office workload for the fault suite: registrations (some shared between offices, so
// duplicates happen), VSI contributions and the odd void, all through the real core.
import { seededRandom } from '../../src/main/core/demo/demo-people';
import type { Office } from '../integration/sync/central-fixture';

const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Gấm', 'Đặng Văn Hải', 'Bùi Thị Lan'];

export function sharedPerson(i: number) {
  const sex = i % 2 === 0 ? 'male' : 'female';
  const year = 1960 + (i % 40);
  return {
    fullName: `${names[i % names.length]} ${['Minh', 'Thu', 'Quang', 'Hồng'][i % 4]}`,
    dateOfBirth: `${year}-0${1 + (i % 9)}-1${i % 9}`,
    sex,
    personalId: `001${sex === 'male' ? 0 : 1}${String(year % 100).padStart(2, '0')}${String(500000 + i).padStart(6, '0')}`,
    provinceCode: '01',
    communeCode: '00004',
    addressLine: `Thôn ${i}`,
  } as const;
}

export async function runWorkload(office: Office, seed: number, steps: number, sharedPool: number): Promise<void> {
  const rand = seededRandom(seed);
  const mine: string[] = [];
  for (let step = 0; step < steps; step++) {
    const roll = rand();
    if (roll < 0.5 || mine.length === 0) {
      const i = rand() < 0.3 ? Math.floor(rand() * sharedPool) : sharedPool + seed * 1000 + step;
      try {
        const p = await office.call<{ id: string }>('participants.register', { ...sharedPerson(i), duplicateOverrideReason: 'fault-suite workload' });
        mine.push(p.id);
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
