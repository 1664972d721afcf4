// Realistic, deterministic demo people: Vietnamese names, birth dates, and personal IDs that
// agree with them. Used by `--seed demo` and by the benchmark; never by real offices.
import { legacyProvinceCodes } from '../../../shared/domain/legacy-province-codes';

const familyNames = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Đinh',
  'Trịnh',
  'Mai',
  'Lương',
];
const maleMiddle = ['Văn', 'Hữu', 'Đức', 'Quang', 'Minh', 'Công', 'Thanh', 'Xuân', 'Đình', 'Ngọc'];
const femaleMiddle = ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Hồng', 'Minh', 'Kim', 'Phương'];
const maleGiven = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Đạt',
  'Giang',
  'Hải',
  'Hùng',
  'Khánh',
  'Long',
  'Minh',
  'Nam',
  'Phong',
  'Quân',
  'Sơn',
  'Thắng',
  'Tuấn',
  'Việt',
  'Vinh',
  'Toàn',
  'Hiếu',
  'Trung',
  'Lộc',
  'Phúc',
];
const femaleGiven = [
  'An',
  'Anh',
  'Chi',
  'Dung',
  'Hà',
  'Hạnh',
  'Hoa',
  'Hương',
  'Lan',
  'Linh',
  'Mai',
  'Nga',
  'Ngọc',
  'Nhung',
  'Oanh',
  'Phương',
  'Thảo',
  'Thủy',
  'Thuỷ',
  'Trang',
  'Vân',
  'Yến',
  'Hằng',
  'Tuyết',
];
const hamlets = ['Thôn Đông', 'Thôn Tây', 'Thôn Trung', 'Xóm Bãi', 'Xóm Chùa', 'Thôn Thượng', 'Thôn Hạ', 'Ấp Mới', 'Bản Nà', 'Tổ 3'];
const prefixes = Object.keys(legacyProvinceCodes);

/** A small fast PRNG (mulberry32) so the same seed always gives the same people. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoPerson {
  fullName: string;
  dateOfBirth: string;
  sex: 'male' | 'female';
  personalId: string;
  phone: string | null;
  addressLine: string;
  ethnicity: string;
  /** A poor or near-poor household's certificate for this year (about one person in six). */
  poverty: { kind: 'poor' | 'near-poor'; number: string; validFrom: string; validTo: string } | null;
  student: boolean;
  agriAverage: boolean;
  legacyAddress: null;
}

/** Groups the demo's ethnic-minority people belong to (Hà Nội's outskirts and the north). */
const minorityGroups = ['Mường', 'Tày', 'Thái', 'Dao', 'Nùng', 'Mông'] as const;

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

/** The i-th demo person; `serial` makes the personal ID unique across a run. */
export function demoPerson(rand: () => number, serial: number): DemoPerson {
  const sex = rand() < 0.5 ? 'male' : 'female';
  const year = 1950 + Math.floor(rand() * 56);
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  const fullName = [pick(rand, familyNames), pick(rand, sex === 'male' ? maleMiddle : femaleMiddle), pick(rand, sex === 'male' ? maleGiven : femaleGiven)].join(
    ' ',
  );
  const centuryDigit = (year >= 2000 ? 2 : 0) + (sex === 'female' ? 1 : 0);
  const personalId = `${pick(rand, prefixes)}${centuryDigit}${String(year % 100).padStart(2, '0')}${String(serial % 1_000_000).padStart(6, '0')}`;
  const roll = rand();
  const kind = roll < 0.08 ? 'poor' : roll < 0.18 ? 'near-poor' : null;
  const minority = roll >= 0.18 && roll < 0.28;
  return {
    fullName,
    dateOfBirth: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    sex,
    personalId,
    phone: rand() < 0.7 ? `09${String(Math.floor(rand() * 1e8)).padStart(8, '0')}` : null,
    addressLine: `${pick(rand, hamlets)}, số ${1 + Math.floor(rand() * 200)}`,
    // A minority group for one in ten (and for one in nine others), Kinh otherwise.
    ethnicity: minority || serial % 9 === 0 ? minorityGroups[serial % minorityGroups.length]! : 'Kinh',
    poverty: kind
      ? { kind, number: `${kind === 'poor' ? 'HN' : 'CN'}-2026-${String(serial).padStart(5, '0')}`, validFrom: '2026-01-01', validTo: '2026-12-31' }
      : null,
    student: roll >= 0.28 && roll < 0.31,
    agriAverage: roll >= 0.31 && roll < 0.36,
    legacyAddress: null,
  };
}
