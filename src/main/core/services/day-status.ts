// Whether a business date still takes receipts on this device: a closed day refuses them until a
// supervisor reopens it.
import type { Kysely, Transaction } from 'kysely';
import { OfficeError } from '../../../shared/contract/errors';
import { vietnameseDate } from '../../../shared/domain/business-date';
import { closureStatus } from '../db/repositories/day-closures-repository';
import type { Database } from '../db/schema';

export async function isDayClosed(db: Kysely<Database> | Transaction<Database>, businessDate: string): Promise<boolean> {
  return (await closureStatus(db, businessDate)) === 'closed';
}

/** What a closed day refuses, as the refusal says it. */
const refused = {
  receipt: { vi: 'không thể lập thêm biên lai', en: 'no more receipts can be issued' },
  void: { vi: 'không thể hủy biên lai của ngày này', en: 'its receipts cannot be voided' },
  refund: { vi: 'không thể chi hoàn trả trong ngày', en: 'no refund can be paid out on it' },
} as const;

export async function requireDayOpen(
  db: Kysely<Database> | Transaction<Database>,
  businessDate: string,
  action: keyof typeof refused = 'receipt',
): Promise<void> {
  if (await isDayClosed(db, businessDate)) {
    throw new OfficeError('DAY_CLOSED', {
      vi: `Ngày ${vietnameseDate(businessDate)} đã khóa sổ; ${refused[action].vi}. Nhờ giám sát viên mở lại ngày.`,
      en: `Business date ${businessDate} is closed: ${refused[action].en}.`,
    });
  }
}
