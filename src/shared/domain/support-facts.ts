// Which state support applies to a person, derived from the facts the office holds — never a
// category a clerk picks. The two schemes ask different questions (docs/domain.md, docs/support-rules.md):
// voluntary social insurance looks at a poor or near-poor household, an island commune or special
// zone, an ethnic minority (Decree 159/2025/NĐ-CP art. 5; the highest share wins); household health
// insurance looks at a near-poor household, a pupil or student, a farming household of average
// living standard (Decree 188/2025/NĐ-CP), and leaves out people the state budget insures in full.
// Pure: facts, the commune statuses and the payment date in; the categories and the reasons out.
import { vietnameseDate } from './business-date';
import { isEthnicMinority } from './ethnicities';

export type Scheme = 'VSI' | 'HHI';
export type PovertyKind = 'poor' | 'near-poor';

/** A poor or near-poor household certificate (giấy chứng nhận hộ nghèo / cận nghèo). */
export interface PovertyCertificate {
  kind: PovertyKind;
  /** Null for records migrated from a support category, until the clerk copies it from the paper. */
  number: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface SupportFacts {
  poverty: PovertyCertificate | null;
  ethnicity: string;
  communeCode: string;
  /** A pupil or student (học sinh, sinh viên). */
  student: boolean;
  /** A farming, forestry, fishery or salt household of average living standard. */
  agriAverage: boolean;
}

/** A commune's dated status from the admin-units reference data. */
export interface CommuneStatus {
  communeCode: string;
  kind: 'island' | 'special-zone';
  from: string;
  to: string | null;
  source: string;
}

/** A category that applies, and why, in both languages. */
export interface SupportReason {
  category: string;
  vi: string;
  en: string;
}

export interface SupportBasis {
  applies: SupportReason[];
  /** Facts on the record that do not count on this date (an expired certificate), shown to the clerk. */
  notes: { vi: string; en: string }[];
}

const povertyName = { poor: { vi: 'hộ nghèo', en: 'poor household' }, 'near-poor': { vi: 'hộ cận nghèo', en: 'near-poor household' } } as const;

/** Whether a certificate counts on a date: within its dates (a missing date does not limit it). */
export function certificateValidOn(cert: PovertyCertificate, on: string): 'valid' | 'not-yet' | 'expired' {
  if (cert.validFrom !== null && on < cert.validFrom) return 'not-yet';
  if (cert.validTo !== null && on > cert.validTo) return 'expired';
  return 'valid';
}

function povertyReason(cert: PovertyCertificate, on: string, basis: SupportBasis): void {
  const name = povertyName[cert.kind];
  const validity = certificateValidOn(cert, on);
  const numberVi = cert.number ? ` số ${cert.number}` : '';
  if (validity === 'expired') {
    basis.notes.push({
      vi: `Giấy chứng nhận ${name.vi}${numberVi} hết hạn ngày ${vietnameseDate(cert.validTo!)}: không còn được tính từ ngày đó.`,
      en: `The ${name.en} certificate${cert.number ? ` no. ${cert.number}` : ''} expired on ${cert.validTo}: it no longer counts.`,
    });
    return;
  }
  if (validity === 'not-yet') {
    basis.notes.push({
      vi: `Giấy chứng nhận ${name.vi}${numberVi} có hiệu lực từ ngày ${vietnameseDate(cert.validFrom!)}: chưa được tính.`,
      en: `The ${name.en} certificate${cert.number ? ` no. ${cert.number}` : ''} is valid from ${cert.validFrom}: it does not count yet.`,
    });
    return;
  }
  if (cert.number === null || cert.validTo === null) {
    basis.notes.push({
      vi: `Chưa ghi số và hạn của giấy chứng nhận ${name.vi} (hồ sơ cũ): xem giấy tờ và ghi vào hồ sơ.`,
      en: `The ${name.en} certificate's number and dates are not on the record (an older record): check the paper and record them.`,
    });
  }
  const until = cert.validTo ? `, hiệu lực đến ${vietnameseDate(cert.validTo)}` : '';
  basis.applies.push({
    category: cert.kind,
    vi: `${name.vi.charAt(0).toUpperCase()}${name.vi.slice(1)} (giấy chứng nhận${numberVi}${until})`,
    en: `${name.en.charAt(0).toUpperCase()}${name.en.slice(1)} (certificate${cert.number ? ` no. ${cert.number}` : ''}${cert.validTo ? `, valid to ${cert.validTo}` : ''})`,
  });
}

/** The status of a commune on a date (the latest that started on or before it and has not ended). */
export function communeStatusOn(statuses: readonly CommuneStatus[], communeCode: string, on: string): CommuneStatus | null {
  let found: CommuneStatus | null = null;
  for (const s of statuses) {
    if (s.communeCode !== communeCode || s.from > on || (s.to !== null && s.to < on)) continue;
    if (found === null || s.from > found.from) found = s;
  }
  return found;
}

/** Every category that applies to the person in a scheme on a date, with its reason. */
export function supportBasis(facts: SupportFacts, statuses: readonly CommuneStatus[], scheme: Scheme, on: string): SupportBasis {
  const basis: SupportBasis = { applies: [], notes: [] };
  if (facts.poverty) povertyReason(facts.poverty, on, basis);
  if (scheme === 'VSI') {
    const status = communeStatusOn(statuses, facts.communeCode, on);
    if (status) {
      const what = status.kind === 'special-zone' ? { vi: 'đặc khu', en: 'a special zone' } : { vi: 'xã đảo', en: 'an island commune' };
      basis.applies.push({
        category: 'island',
        vi: `Cư trú tại ${what.vi} (mã ${status.communeCode})`,
        en: `Lives in ${what.en} (code ${status.communeCode})`,
      });
    }
    if (isEthnicMinority(facts.ethnicity)) {
      basis.applies.push({ category: 'ethnic-minority', vi: `Người dân tộc ${facts.ethnicity}`, en: `${facts.ethnicity} ethnic minority` });
    }
    return basis;
  }
  if (facts.student) basis.applies.push({ category: 'student', vi: 'Học sinh, sinh viên', en: 'Pupil or student' });
  if (facts.agriAverage) {
    basis.applies.push({
      category: 'agri-average',
      vi: 'Hộ nông, lâm, ngư, diêm nghiệp có mức sống trung bình',
      en: 'Farming, forestry, fishery or salt household of average living standard',
    });
  }
  return basis;
}

/** The facts a record holds when all that is known is an old support category (migration 0018). */
export function factsFromCategory(category: string): Pick<SupportFacts, 'poverty' | 'student' | 'agriAverage'> {
  const poverty: PovertyCertificate | null =
    category === 'poor' || category === 'near-poor' ? { kind: category, number: null, validFrom: null, validTo: null } : null;
  return { poverty, student: category === 'student', agriAverage: category === 'agri-average' };
}
