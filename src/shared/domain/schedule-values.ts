// Reading the reference schedule for one quote: the value in force on the payment date, a clear
// error when none is, and a note of every value used that the schedule marks as not confirmed
// (`confirmed: false`) — the quote shows those as provisional (the poverty line after 2025, the
// fund's monthly return). Which values are provisional is data, never code.
import { vietnameseDate } from './business-date';
import { type SeriesEntry, entryOn } from './reference-schedule';

/** A rule broken by the input; carries the field and clerk-facing texts. */
export class ContributionRuleError extends Error {
  readonly code = 'VALIDATION' as const;
  readonly field: string;
  readonly vi: string;
  readonly en: string;
  constructor(field: string, vi: string, en: string) {
    super(vi);
    this.name = 'ContributionRuleError';
    this.field = field;
    this.vi = vi;
    this.en = en;
  }
}

/** Names of the reference values, for messages and the provisional list. */
export const VALUE_NAMES = {
  'mức lương cơ sở': 'base salary',
  'chuẩn nghèo khu vực nông thôn': 'rural poverty line',
  'mức trần thu nhập': 'income ceiling',
  'tỷ lệ đóng BHXH tự nguyện': 'VSI rate',
  'số tháng hỗ trợ tối đa': 'maximum supported months',
  'mức hỗ trợ': 'support shares',
  'lãi suất đầu tư quỹ': 'fund monthly return',
  'kỳ đóng BHYT hộ gia đình': 'household HI periods',
  'tỷ lệ đóng BHYT': 'HI rate',
  'tỷ lệ theo thành viên': 'member shares',
  'mức hỗ trợ BHYT': 'HI support shares',
  'tuổi tham gia tối thiểu': 'minimum age',
  'cách tính tháng chậm đóng': 'late months treatment',
  'đóng một lần cho những năm còn thiếu': 'lump sum for missing years',
  'đối tượng ngân sách nhà nước đóng BHYT': 'state-paid HI categories',
  'tuổi trẻ em do ngân sách đóng BHYT': 'state-paid children age',
  'hỗ trợ thêm của tỉnh': 'provincial top-up',
  'tuổi nghỉ hưu': 'retirement age',
} as const;
export type ValueName = keyof typeof VALUE_NAMES;

/** A value used by a quote that the schedule does not mark as confirmed. */
export interface ProvisionalValue {
  what: string;
  whatEn: string;
  from: string;
  source: string;
}

/** Reads values in force on one payment date and remembers the provisional ones among them. */
export class ScheduleReader {
  private readonly provisionalByKey = new Map<string, ProvisionalValue>();
  constructor(readonly paidOn: string) {}

  value<T>(entries: readonly SeriesEntry<T>[] | undefined, what: ValueName): T {
    const entry = entries ? entryOn(entries, this.paidOn) : null;
    if (!entry) {
      throw new ContributionRuleError(
        'paidOn',
        `Chưa có ${what} áp dụng ngày ${vietnameseDate(this.paidOn)} trong bảng mức đóng.`,
        `The schedule has no ${VALUE_NAMES[what]} in force on ${this.paidOn}.`,
      );
    }
    this.note(what, entry);
    return entry.value;
  }

  /** The value in force, or null when the schedule has none (an optional rule such as a top-up). */
  optional<T>(entries: readonly SeriesEntry<T>[] | undefined, what: ValueName): T | null {
    const entry = entries ? entryOn(entries, this.paidOn) : null;
    if (!entry) return null;
    this.note(what, entry);
    return entry.value;
  }

  note(what: ValueName, entry: { from: string; source: string; confirmed?: boolean | undefined }): void {
    if (entry.confirmed !== false) return;
    this.provisionalByKey.set(`${what}@${entry.from}`, { what, whatEn: VALUE_NAMES[what], from: entry.from, source: entry.source });
  }

  get provisional(): ProvisionalValue[] {
    return [...this.provisionalByKey.values()];
  }
}

/**
 * Which reference value each breakdown figure of a line comes from (a line's `values` key, or its
 * kind), so the breakdown marks a figure provisional exactly when the quote lists its value as such.
 */
export const LINE_VALUE_SOURCES: Readonly<Record<string, readonly ValueName[]>> = {
  baseSalary: ['mức lương cơ sở'],
  povertyLine: ['chuẩn nghèo khu vực nông thôn'],
  rate: ['tỷ lệ đóng BHXH tự nguyện', 'tỷ lệ đóng BHYT'],
  memberShare: ['tỷ lệ theo thành viên'],
  supportShare: ['mức hỗ trợ', 'mức hỗ trợ BHYT'],
  monthlyReturn: ['lãi suất đầu tư quỹ'],
  interestFactor: ['lãi suất đầu tư quỹ'],
  discountFactor: ['lãi suất đầu tư quỹ'],
  'kind:arrears': ['cách tính tháng chậm đóng'],
  'kind:shortfall': ['đóng một lần cho những năm còn thiếu'],
};

/** The breakdown keys of a line whose values the quote lists as provisional. */
export function provisionalKeys(provisional: readonly { what: string }[]): Set<string> {
  const names = new Set(provisional.map((p) => p.what));
  return new Set(Object.entries(LINE_VALUE_SOURCES).flatMap(([key, from]) => (from.some((n) => names.has(n)) ? [key] : [])));
}
