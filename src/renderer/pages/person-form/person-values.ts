// The registration form's values and what the core's refusal of them means on the form: the form
// holds dates as dayjs and optional fields as text; the contract takes 'YYYY-MM-DD' and nulls.
import dayjs, { type Dayjs } from 'dayjs';
import type { Participant } from '../../../shared/contract/participant';
import { ApiError } from '../../api/client';
import type { DuplicateMatch } from './duplicate-panels';
import { PERSON_FIELDS } from './person-fields';
import { type FactValues, povertyOf } from './support-facts-fields';

export interface FormValues extends FactValues {
  fullName: string;
  dateOfBirth: Dayjs;
  sex: 'male' | 'female';
  ethnicity: string;
  nationality: string;
  personalId: string;
  siNumber?: string;
  phone?: string;
  provinceCode: string;
  communeCode: string;
  addressLine: string;
  hamletId?: string | null;
  legacyAddress?: { legacyCommuneCode: string; text: string } | null;
  duplicateOverrideReason?: string;
}

export function toForm(p: Participant): FormValues {
  const { poverty, declaredSupportCategory: _declared, ...rest } = p;
  return {
    ...rest,
    dateOfBirth: dayjs(p.dateOfBirth),
    siNumber: p.siNumber ?? '',
    phone: p.phone ?? '',
    povertyKind: poverty?.kind ?? 'none',
    povertyNumber: poverty?.number ?? '',
    povertyValidFrom: poverty?.validFrom ? dayjs(poverty.validFrom) : null,
    povertyValidTo: poverty?.validTo ? dayjs(poverty.validTo) : null,
  };
}

export function toInput(v: FormValues) {
  const blank = (s: string | undefined) => (s && s.trim() ? s.trim() : null);
  return {
    fullName: v.fullName,
    dateOfBirth: v.dateOfBirth.format('YYYY-MM-DD'),
    sex: v.sex,
    ethnicity: v.ethnicity,
    nationality: v.nationality,
    personalId: v.personalId.replace(/\s/g, ''),
    siNumber: blank(v.siNumber),
    phone: blank(v.phone),
    provinceCode: v.provinceCode,
    communeCode: v.communeCode,
    addressLine: v.addressLine,
    hamletId: v.hamletId ?? null,
    poverty: povertyOf(v),
    student: !!v.student,
    agriAverage: !!v.agriAverage,
    legacyAddress: v.legacyAddress ?? null,
  };
}

/** What stopped a save; the error is kept (not its text) so the text follows the screen's language. */
export type Problem =
  | { kind: 'duplicate'; error: ApiError; participantId: string | undefined }
  | { kind: 'possible'; error: ApiError; matches: DuplicateMatch[] }
  | { kind: 'conflict'; error: ApiError }
  | { kind: 'other'; error: unknown };

/** The refusal as the form shows it; null when it belongs beside a field of the form. */
export function problemOf(error: unknown): Problem | null {
  if (!(error instanceof ApiError)) return { kind: 'other', error };
  const { code, details } = error.data;
  if (code === 'DUPLICATE_PERSON') return { kind: 'duplicate', error, participantId: details?.participantId as string | undefined };
  if (code === 'POSSIBLE_DUPLICATE') return { kind: 'possible', error, matches: (details?.matches as DuplicateMatch[] | undefined) ?? [] };
  if (code === 'CONFLICT') return { kind: 'conflict', error };
  if (code === 'VALIDATION' && error.data.field && (PERSON_FIELDS as readonly string[]).includes(error.data.field)) return null;
  return { kind: 'other', error };
}
