// What the reminders say (issue 21 item 5): the status words of the lists and files, and the
// Vietnamese message template an office's SMS or Zalo tool sends to each person — their own name,
// the scheme, the amount and the deadline, and whom to pay; nothing about anyone else.
import type { VisitStatus } from '../../../shared/domain/visit-status';
import { vietnameseDate } from '../../../shared/domain/business-date';
import { formatDong } from '../../../shared/domain/amount-in-words';

export const statusWords: Record<VisitStatus, string> = {
  'promise-due': 'Đến ngày hẹn đóng',
  'vsi-overdue': 'BHXH tự nguyện quá hạn',
  'vsi-due': 'BHXH tự nguyện đến kỳ đóng',
  'hhi-expired': 'Thẻ BHYT đã hết hạn',
  'hhi-expiring': 'Thẻ BHYT sắp hết hạn',
  'never-paid': 'Đã đăng ký, chưa đóng',
  'no-scheme': 'Chưa tham gia',
};

export interface ReminderFacts {
  sex: 'male' | 'female';
  fullName: string;
  scheme: 'VSI' | 'HHI';
  overdue: boolean;
  /** Enrolled in the scheme and never paid in it (no card yet, no period paid). */
  neverPaid: boolean;
  amount: number | null;
  /** The deadline (VSI) or the card's last day (HHI), 'YYYY-MM-DD', or null. */
  deadline: string | null;
  officeName: string;
  officerName: string;
  officerPhone: string | null;
}

/** The given name a Vietnamese letter addresses: the last word ("Nguyễn Văn An" → "An"). */
function givenName(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  return words[words.length - 1] ?? fullName;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The filled-in message, polite form ("ông"/"bà" + given name). */
export function reminderMessage(f: ReminderFacts): string {
  const title = f.sex === 'female' ? 'bà' : 'ông';
  const who = `${title} ${givenName(f.fullName)}`;
  const amount = f.amount !== null ? ` Số tiền cần đóng: ${formatDong(f.amount)}.` : '';
  let what: string;
  if (f.neverPaid) {
    what =
      f.scheme === 'VSI'
        ? `${cap(who)} đã đăng ký BHXH tự nguyện nhưng chưa đóng kỳ đầu${f.deadline ? ` (hạn ${vietnameseDate(f.deadline)})` : ''}; đóng để bắt đầu tính thời gian tham gia.`
        : `${cap(who)} đã đăng ký BHYT hộ gia đình nhưng chưa đóng; đóng để được cấp thẻ BHYT.`;
  } else if (f.scheme === 'VSI') {
    what = f.overdue
      ? `BHXH tự nguyện của ${who} đã quá hạn đóng${f.deadline ? ` (hạn ${vietnameseDate(f.deadline)})` : ''}; đóng sớm để không gián đoạn thời gian tham gia.`
      : `BHXH tự nguyện của ${who} đến kỳ đóng${f.deadline ? `, hạn cuối ${vietnameseDate(f.deadline)}` : ''}.`;
  } else {
    what = f.overdue
      ? `Thẻ BHYT hộ gia đình của ${who} đã hết hạn${f.deadline ? ` (hạn thẻ đến ${vietnameseDate(f.deadline)})` : ''}; gia hạn để được khám chữa bệnh BHYT.`
      : `Thẻ BHYT hộ gia đình của ${who} sắp hết hạn${f.deadline ? ` (${vietnameseDate(f.deadline)})` : ''}; gia hạn để thẻ không gián đoạn.`;
  }
  const contact = f.officerPhone ? ` Liên hệ cán bộ thu ${f.officerName} (${f.officerPhone})` : ` Liên hệ cán bộ thu ${f.officerName}`;
  return `${f.officeName} kính báo: ${what}${amount}${contact} hoặc đóng tại ${f.officeName}. Xin cảm ơn.`;
}
