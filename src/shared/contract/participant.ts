// A participant (person) as registered from the TK1-TS declaration form, and the inputs that
// create, change and find one. The same shapes travel in sync operations to the central service.
import { z } from 'zod';
import { canonicalEthnicity } from '../domain/ethnicities';
import { communeCode, isoDate, provinceCode, uuid } from './primitives';
import { says } from './input-messages';
import { personName, text, wordyText } from './text';

export const sexes = ['male', 'female'] as const;
export const supportCategories = ['poor', 'near-poor', 'ethnic-minority', 'island', 'student', 'agri-average', 'other'] as const;
export type SupportCategory = (typeof supportCategories)[number];

/** What each support category is called, in Vietnamese and English (forms, receipts, the central's messages). */
export const supportCategoryNames: Record<SupportCategory, { vi: string; en: string }> = {
  poor: { vi: 'Hộ nghèo', en: 'Poor household' },
  'near-poor': { vi: 'Hộ cận nghèo', en: 'Near-poor household' },
  'ethnic-minority': { vi: 'Dân tộc thiểu số', en: 'Ethnic minority' },
  island: { vi: 'Xã đảo/đặc khu', en: 'Island commune / special zone' },
  student: { vi: 'Học sinh - sinh viên', en: 'Pupil / student' },
  'agri-average': { vi: 'Hộ nông-lâm-ngư-diêm nghiệp có mức sống trung bình', en: 'Farming, forestry, fishery or salt household of average living standard' },
  other: { vi: 'Khác', en: 'Other' },
};

export const supportCategoryLabels = (lang: 'vi' | 'en') =>
  Object.fromEntries(supportCategories.map((c) => [c, supportCategoryNames[c][lang]])) as Record<SupportCategory, string>;

const personalIdDigits = z
  .string()
  .regex(/^\d{12}$/, says('Số định danh cá nhân phải gồm đúng 12 chữ số.', 'The personal ID number must be exactly 12 digits.'));

/** A poor or near-poor household certificate: its number and the dates it is valid (Decree 159/2025 art. 5; Decree 188/2025). */
export const povertyCertificateInput = z
  .object({
    kind: z.enum(['poor', 'near-poor'], says('Chọn hộ nghèo hoặc hộ cận nghèo.', 'Choose poor or near-poor household.')),
    number: text({ max: 40, tooShort: says('Nhập số giấy chứng nhận hộ nghèo/cận nghèo.', 'Enter the poor/near-poor household certificate number.') }),
    validFrom: isoDate,
    validTo: isoDate,
  })
  .refine((c) => c.validFrom <= c.validTo, {
    path: ['validTo'],
    ...says('Ngày hết hạn của giấy chứng nhận phải sau ngày có hiệu lực.', 'The certificate must end after it starts.'),
  });

/** The old address: the old commune (GSO code, from reference.legacyCommunes) and the address as written. */
export const legacyAddressInput = z.object({
  legacyCommuneCode: communeCode,
  text: text({ max: 200, tooShort: says('Nhập địa chỉ cũ như trên giấy tờ.', 'Enter the old address as on the papers.') }),
});

/** A clerk's ethnicity: one of the 54 groups (or a foreign national), stored by its official name. */
const knownEthnicity = text({ max: 40, tooShort: says('Chọn dân tộc.', 'Choose the ethnic group.') }).transform((text, ctx) => {
  const group = canonicalEthnicity(text);
  if (group) return group;
  ctx.addIssue({
    code: 'custom',
    message: `Dân tộc "${text}" không có trong danh mục 54 dân tộc Việt Nam; chọn trong danh sách.`,
    params: { en: `"${text}" is not one of Viet Nam's 54 ethnic groups; choose from the list.` },
  });
  return z.NEVER;
});

const overrideReason = text({ min: 5, max: 500, multiline: true, tooShort: says('Lý do cần ít nhất 5 ký tự.', 'The reason needs at least 5 characters.') });

/** What a clerk fills in, without defaults: an update names only what it changes. */
const clerkFields = z.object({
  fullName: personName({
    min: 2,
    max: 120,
    tooShort: says('Họ và tên quá ngắn.', 'The full name is too short.'),
    tooLong: says('Họ và tên quá dài.', 'The full name is too long.'),
  }),
  dateOfBirth: isoDate,
  sex: z.enum(sexes, says('Giới tính phải là nam hoặc nữ.', 'Sex must be male or female.')),
  ethnicity: knownEthnicity,
  nationality: wordyText({ min: 2, max: 40, tooShort: says('Nhập quốc tịch.', 'Enter the nationality.') }),
  personalId: personalIdDigits,
  siNumber: z
    .string()
    .regex(/^\d{10}$/, says('Mã số BHXH gồm 10 chữ số.', 'The social insurance number has 10 digits.'))
    .optional()
    .nullable(),
  phone: z
    .string()
    .trim()
    .regex(/^(\+84|0)\d{9,10}$/, says('Số điện thoại không hợp lệ (ví dụ 0912345678).', 'The phone number is not valid (for example 0912345678).'))
    .optional()
    .nullable(),
  provinceCode,
  communeCode,
  addressLine: text({ max: 200, tooShort: says('Nhập thôn/xóm, số nhà, đường.', 'Enter the hamlet, house number and street.') }),
  /** A poor or near-poor household certificate, as on the paper (null: none). */
  poverty: povertyCertificateInput.nullable(),
  student: z.boolean(),
  agriAverage: z.boolean(),
  /** The address as on papers from before the 2025 mergers, kept beside the new one. */
  legacyAddress: legacyAddressInput.nullable(),
  /** The hamlet of the commune's list (issue 21); absent or null: the one the address line names, if any. */
  hamletId: uuid.nullable().optional(),
});

/** What a new person's form leaves out is the common case: Kinh, Vietnamese, no special support. */
const registrationDefaults = {
  ethnicity: knownEthnicity.default('Kinh'),
  nationality: clerkFields.shape.nationality.default('Việt Nam'),
  poverty: clerkFields.shape.poverty.default(null),
  student: clerkFields.shape.student.default(false),
  agriAverage: clerkFields.shape.agriAverage.default(false),
  legacyAddress: clerkFields.shape.legacyAddress.default(null),
};

/**
 * The fields of a person as the central reads them from offices' operations: the ethnicity there
 * is any short text (an office of an older release typed it freely).
 */
export const participantFields = clerkFields.extend({
  ...registrationDefaults,
  ethnicity: wordyText({ max: 40 }).default('Kinh'),
  /** A record carried over from a support category (migration 0019) has no certificate number or dates yet. */
  poverty: z
    .object({
      kind: z.enum(['poor', 'near-poor']),
      number: text({ max: 40 }).nullable(),
      validFrom: isoDate.nullable(),
      validTo: isoDate.nullable(),
    })
    .nullable()
    .default(null),
  /** Sent by offices of releases before support followed facts. */
  supportCategory: z.enum(supportCategories).optional(),
});
export type ParticipantFields = z.output<typeof participantFields>;

export const registerParticipantInput = clerkFields.extend({
  ...registrationDefaults,
  /** Given when the clerk saves despite a possible-duplicate warning; audited. */
  duplicateOverrideReason: overrideReason.optional(),
});

export const updateParticipantInput = clerkFields.partial().extend({
  id: uuid,
  /** The version the clerk edited; a newer stored version is a CONFLICT, never overwritten. */
  expectedVersion: z.number().int().positive(),
  duplicateOverrideReason: overrideReason.optional(),
});

export const participant = z.object({
  id: uuid,
  fullName: z.string(),
  dateOfBirth: z.string(),
  sex: z.enum(sexes),
  ethnicity: z.string(),
  nationality: z.string(),
  personalId: z.string(),
  siNumber: z.string().nullable(),
  phone: z.string().nullable(),
  provinceCode: z.string(),
  communeCode: z.string(),
  addressLine: z.string(),
  hamletId: z.string().nullable(),
  /** The certificate; number and dates are null on a record carried over from a support category (migration 0019). */
  poverty: z
    .object({ kind: z.enum(['poor', 'near-poor']), number: z.string().nullable(), validFrom: z.string().nullable(), validTo: z.string().nullable() })
    .nullable(),
  student: z.boolean(),
  agriAverage: z.boolean(),
  legacyAddress: z.object({ legacyCommuneCode: z.string(), text: z.string() }).nullable(),
  /** A category declared before support followed facts that no fact on the record says yet (to check and save again), or null. */
  declaredSupportCategory: z.enum(supportCategories).nullable(),
  householdId: z.string().nullable(),
  /** Assigned by the central service through sync; null until then. */
  officialNumber: z.string().nullable(),
  /** When the central service said this is a duplicate, the canonical person's central id. */
  canonicalId: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Participant = z.infer<typeof participant>;

/**
 * A person as `participants.get` shows them: with the other records of the same person on this
 * machine (linked through the central's canonical id), whose paid months count for this one too.
 */
export const participantDetail = participant.extend({
  otherRecords: z.array(z.object({ id: uuid, fullName: z.string(), personalId: z.string(), officialNumber: z.string().nullable() })).optional(),
});
export type ParticipantDetail = z.infer<typeof participantDetail>;

export const participantSummary = participant.pick({
  id: true,
  fullName: true,
  dateOfBirth: true,
  sex: true,
  personalId: true,
  siNumber: true,
  phone: true,
  provinceCode: true,
  communeCode: true,
  addressLine: true,
  householdId: true,
  canonicalId: true,
});
export type ParticipantSummary = z.infer<typeof participantSummary>;

export const searchParticipantsInput = z.object({
  query: text({
    max: 120,
    tooShort: says('Nhập tên, số định danh, mã số BHXH hoặc số điện thoại.', 'Enter a name, personal ID, social insurance number or phone number.'),
  }),
  limit: z.number().int().min(1).max(500).default(50),
});

export const searchParticipantsOutput = z.object({
  items: z.array(participantSummary),
  /** What the query was read as: a personal ID, SI number, phone number or name. */
  matchedBy: z.enum(['personalId', 'siNumber', 'phone', 'name', 'oldAddress']),
});

/** The facts a form holds, to show which share applies and why before saving (`participants.supportPreview`). */
export const supportPreviewInput = z.object({
  ethnicity: z.string().max(40).default('Kinh'),
  communeCode: z.string().max(5).default(''),
  provinceCode: z.string().max(2).default(''),
  poverty: z
    .object({
      kind: z.enum(['poor', 'near-poor']),
      number: z.string().max(40).nullable(),
      validFrom: z.string().max(10).nullable(),
      validTo: z.string().max(10).nullable(),
    })
    .nullable()
    .default(null),
  student: z.boolean().default(false),
  agriAverage: z.boolean().default(false),
});

const schemeSupport = z.object({
  category: z.string(),
  share: z.string(),
  reasonVi: z.string(),
  reasonEn: z.string(),
  source: z.string(),
  /** HHI only: the state budget insures this person in full, no household HI is collected. */
  statePaid: z.boolean(),
});
export const supportPreview = z.object({
  paidOn: z.string(),
  vsi: schemeSupport,
  hhi: schemeSupport,
  /** Facts that do not count today (an expired certificate …). */
  notes: z.array(z.object({ vi: z.string(), en: z.string() })),
});
