// Whether a business date still takes receipts on this device: a closed day refuses them until a
// supervisor reopens it.
import type { Kysely, Transaction } from 'kysely';
import { OfficeError } from '../../../shared/contract/errors';
import { vietnameseDate } from '../../../shared/domain/business-date';
import { preparedQuery } from '../db/prepared-query';
import type { Database } from '../db/schema';

const dayStatus = preparedQuery<{ businessDate: string }, { status: string }>((db, arg) =>
  db.selectFrom('dayClosures').select('status').where('businessDate', '=', arg('businessDate')),
);

export async function isDayClosed(db: Kysely<Database> | Transaction<Database>, businessDate: string): Promise<boolean> {
  const row = await dayStatus.executeTakeFirst(db, { businessDate });
  return row?.status === 'closed';
}

export async function requireDayOpen(db: Kysely<Database> | Transaction<Database>, businessDate: string): Promise<void> {
  if (await isDayClosed(db, businessDate)) {
    throw new OfficeError('DAY_CLOSED', {
      vi: `Ngày ${vietnameseDate(businessDate)} đã khóa sổ; không thể lập thêm biên lai. Nhờ giám sát viên mở lại ngày.`,
      en: `Business date ${businessDate} is closed.`,
    });
  }
}
