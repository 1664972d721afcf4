// The facts a contribution's amount rests on, checked against the central's own records: the
// payer's support category (the state's share of VSI, the support of HHI) and, for household
// health insurance, the member's place in the household's paying order (the share of the first
// member's amount). The office computed the amount from its own copy of both; when the central's
// differ — the person was registered by another office with another category, or the household's
// member list did not reach the central as it stands in the office — the money is still recorded
// (the payer holds a receipt for it), and the operation is flagged for review: the office's
// inbox and `admin held` at the central both show what differs and the amount the central's facts
// give (ADR 0015).
import { sql } from 'kysely';
import { type SupportCategory, supportCategoryNames } from '../../shared/contract/participant';
import type { QuoteQuestion } from '../../shared/domain/contribution-quote';
import type { ReferenceSchedule } from '../../shared/domain/reference-schedule';
import type { SupportFacts } from '../../shared/domain/support-facts';
import type { OpReview } from '../../shared/sync/op-results';
import type { OpContext } from './op-context';
import { centralPerson, centralSupportCategory } from './person-support';
import { quotedTotal } from './quoted-totals';

/** The support facts of the central's record, sent with a category that differs (an older office's record has none). */
type CentralFacts = Pick<SupportFacts, 'poverty' | 'student' | 'agriAverage'>;

/** The member's place in the household the central knows: null when another scheme insures them. */
type Place = { position: number | null } | 'not-a-member' | 'unknown-household';

const name = (category: string, lang: 'vi' | 'en') => supportCategoryNames[category as SupportCategory]?.[lang] ?? category;
const place = (position: number | null, lang: 'vi' | 'en') =>
  position === null ? (lang === 'vi' ? 'có BHYT theo diện khác' : 'insured by another scheme') : lang === 'vi' ? `người thứ ${position}` : `member ${position}`;

async function centralPlace(ctx: OpContext, householdId: string, personId: string): Promise<Place> {
  const row = await ctx.trx
    .selectFrom('households')
    .select(['memberIds', sql<Record<string, unknown> | null>`data->'coverage'`.as('coverage')])
    .where('id', '=', householdId)
    .executeTakeFirst();
  if (!row) return 'unknown-household';
  const members = (typeof row.memberIds === 'string' ? JSON.parse(row.memberIds) : row.memberIds) as string[];
  const coverage = row.coverage ?? {};
  let paying = 0;
  for (const member of members) {
    const covered = typeof coverage[member] === 'string';
    if (member === personId) return { position: covered ? null : paying + 1 };
    if (!covered) paying++;
  }
  return 'not-a-member';
}

/**
 * What differs between the facts the office paid by and the central's records, as the review of
 * an applied contribution, or null when they agree (or the central has no household to compare).
 */
export async function reviewContributionFacts(
  ctx: OpContext,
  schedule: ReferenceSchedule,
  question: QuoteQuestion,
  personId: string,
  householdId: string | null,
  total: number,
): Promise<OpReview | null> {
  const vi: string[] = [];
  const en: string[] = [];
  const central: Partial<QuoteQuestion> = {};
  // Named when the member list is what differs: the office may send its list again.
  let household: string | null = null;
  const record = await centralPerson(ctx, personId);
  const support = await centralSupportCategory(ctx, personId, schedule, question.scheme, question.paidOn);
  const officeSupport = question.supportCategory ?? 'other';
  // The facts behind the central's category go with it, so an office taking it takes the
  // certificate's number and dates too (and the next quote does not ask for them again).
  let centralFacts: CentralFacts | null = null;
  if (support !== officeSupport) {
    if (record.category === null) centralFacts = { poverty: record.facts.poverty, student: record.facts.student, agriAverage: record.facts.agriAverage };
    vi.push(`diện hỗ trợ: văn phòng tính "${name(officeSupport, 'vi')}", hồ sơ trung tâm ghi "${name(support, 'vi')}"`);
    en.push(`support category: the office used "${name(officeSupport, 'en')}", the central record says "${name(support, 'en')}"`);
    central.supportCategory = support;
  }
  // The province's top-up: the office priced by its record's province; is it the central's?
  const centralProvince = record.provinceCode;
  const officeProvince = question.provinceCode ?? null;
  if (centralProvince && officeProvince !== centralProvince) {
    const atOffice = centralAmount(schedule, { ...question, ...central });
    const atCentral = centralAmount(schedule, { ...question, ...central, provinceCode: centralProvince });
    if (atOffice !== atCentral) {
      vi.push(`tỉnh hỗ trợ thêm: văn phòng tính theo tỉnh ${officeProvince ?? '(không có)'}, hồ sơ trung tâm ở tỉnh ${centralProvince}`);
      en.push(`province top-up: the office priced by province ${officeProvince ?? '(none)'}, the central record is in province ${centralProvince}`);
      central.provinceCode = centralProvince;
    }
  }
  if (question.scheme === 'HHI' && householdId) {
    const at = await centralPlace(ctx, householdId, personId);
    if (at === 'not-a-member') {
      vi.push('người nộp không có trong danh sách thành viên hộ mà trung tâm có');
      en.push('the payer is not on the household member list the central has');
      household = householdId;
    } else if (at !== 'unknown-household' && at.position !== question.memberPosition) {
      vi.push(`thứ tự trong hộ: văn phòng tính ${place(question.memberPosition, 'vi')}, trung tâm có ${place(at.position, 'vi')}`);
      en.push(`place in the household: the office used ${place(question.memberPosition, 'en')}, the central has ${place(at.position, 'en')}`);
      central.memberPosition = at.position;
      household = householdId;
    }
  }
  if (vi.length === 0) return null;
  const centralTotal = centralAmount(schedule, { ...question, ...central });
  const amountVi =
    centralTotal === null ? '' : ` Theo hồ sơ trung tâm số phải thu là ${centralTotal.toLocaleString('vi-VN')} đ (đã thu ${total.toLocaleString('vi-VN')} đ).`;
  const amountEn = centralTotal === null ? '' : ` By the central's records the amount is ${centralTotal} (collected ${total}).`;
  return {
    code: 'FACTS_DIFFER',
    message: `Trung tâm đã nhận khoản thu nhưng cần xem lại — ${vi.join('; ')}.${amountVi}`,
    messageEn: `Recorded, to be reviewed — ${en.join('; ')}.${amountEn}`,
    details: {
      office: { supportCategory: question.supportCategory, memberPosition: question.memberPosition, provinceCode: officeProvince },
      central,
      ...(centralFacts ? { centralFacts } : {}),
      centralTotal,
      collected: total,
      ...(household ? { householdId: household } : {}),
    },
  };
}

function centralAmount(schedule: ReferenceSchedule, question: QuoteQuestion): number | null {
  if (question.scheme === 'HHI' && question.memberPosition === null) return null;
  try {
    return quotedTotal(schedule, question);
  } catch {
    return null;
  }
}
