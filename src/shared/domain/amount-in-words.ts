// Amounts of money for receipts: the amount in Vietnamese words ("Một trăm linh năm nghìn ba trăm
// đồng") and in figures with dot thousands separators ("105.300 đ").

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const GROUP_UNITS = ['', 'nghìn', 'triệu'] as const;

/** Reads a group of three digits; `full` reads leading zeros ("không trăm linh năm"). */
function readGroup(n: number, full: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor(n / 10) % 10;
  const units = n % 10;
  const words: string[] = [];
  if (full || hundreds > 0) words.push(DIGITS[hundreds]!, 'trăm');
  if (tens === 0) {
    if (units > 0 && words.length > 0) words.push('linh');
  } else if (tens === 1) {
    words.push('mười');
  } else {
    words.push(DIGITS[tens]!, 'mươi');
  }
  if (units > 0) {
    if (units === 1 && tens >= 2) words.push('mốt');
    else if (units === 5 && tens >= 1) words.push('lăm');
    else if (units === 4 && tens >= 2) words.push('tư');
    else words.push(DIGITS[units]!);
  }
  return words;
}

/** Reads 0 < n < 10^9 (nghìn, triệu); `full` when a larger part was already read. */
function readBelowBillion(n: number, full: boolean): string[] {
  const groups = [n % 1000, Math.floor(n / 1000) % 1000, Math.floor(n / 1_000_000)];
  const words: string[] = [];
  let started = full;
  for (let i = 2; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) continue;
    words.push(...readGroup(g, started));
    if (GROUP_UNITS[i]) words.push(GROUP_UNITS[i]!);
    started = true;
  }
  return words;
}

function readNumber(n: number, full: boolean): string[] {
  const billions = Math.floor(n / 1_000_000_000);
  const rest = n % 1_000_000_000;
  const words: string[] = [];
  if (billions > 0) words.push(...readNumber(billions, full), 'tỷ');
  if (rest > 0) words.push(...readBelowBillion(rest, full || billions > 0));
  return words;
}

/** The amount in Vietnamese words, first letter capitalised: 105300 → "Một trăm linh năm nghìn ba trăm đồng". */
export function amountInWords(dong: number): string {
  if (!Number.isSafeInteger(dong) || dong < 0) throw new RangeError('An amount in words needs a whole non-negative number of đồng.');
  const words = dong === 0 ? ['không'] : readNumber(dong, false);
  const text = `${words.join(' ')} đồng`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Whole đồng in figures: 105300 → "105.300 đ". */
export function formatDong(n: number): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.abs(Math.trunc(n)));
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
}
