// A registration's payload (`participant.register`) checked at the central without zod (ADR 0038,
// fifth round), as contribution-record-check.ts does for payments: the other half of every batch an
// office pushes. It accepts only a payload `participantRegisterPayload` would accept AND return
// unchanged. That schema trims and recomposes its texts (`text`, `wordyText`, `personName`) and
// fills six defaults, so a text is taken only when it is already trimmed, NFC and free of hidden
// characters (`isTidyText`, next to the schema's own rule in text.ts), and every defaulted field
// must be present; no key the schema does not declare (zod drops it), none holding `undefined`,
// plain objects only. It never refuses: anything else goes through the schema, which accepts it,
// tidies it or names the field. participant-register-check.test.ts holds the two together.
import { sexes, supportCategories } from '../../shared/contract/participant';
import { isTidyPersonName, isTidyText, isTidyWordyText } from '../../shared/contract/text';
import { absentOr, bool, day, type Fits, instant, matches, orNull, plain, strMax, uuid } from './quick-check';

const PERSONAL_ID = /^\d{12}$/;
const SI_NUMBER = /^\d{10}$/;
/** The schema trims a phone first; a value this pattern accepts holds no space to trim. */
const PHONE = /^(\+84|0)\d{9,10}$/;
const PROVINCE = /^\d{2}$/;
const COMMUNE = /^\d{5}$/;
const SEXES: ReadonlySet<unknown> = new Set(sexes);
const SUPPORT_CATEGORIES: ReadonlySet<unknown> = new Set(supportCategories);
const POVERTY_KINDS: ReadonlySet<unknown> = new Set(['poor', 'near-poor']);

/** The keys a registration may hold: one more (zod would drop it) sends the payload to zod. */
export const participantRegisterKeys = new Set([
  'fullName',
  'dateOfBirth',
  'sex',
  'ethnicity',
  'nationality',
  'personalId',
  'siNumber',
  'phone',
  'provinceCode',
  'communeCode',
  'addressLine',
  'poverty',
  'student',
  'agriAverage',
  'legacyAddress',
  'hamletId',
  'supportCategory',
  'id',
  'householdId',
  'officialNumber',
  'canonicalId',
  'version',
  'createdAt',
  'updatedAt',
  'duplicateReviewed',
  'duplicateReviewNote',
]);
export const povertyKeys = new Set(['kind', 'number', 'validFrom', 'validTo']);
export const legacyAddressKeys = new Set(['legacyCommuneCode', 'text']);

// Each field's rule and check made once, not per payload (a closure or rule made per call is garbage).
const FULL_NAME = { min: 2, max: 120 };
const NATIONALITY = { min: 2, max: 40 };
const TEXT_40 = { max: 40 };
const TEXT_200 = { max: 200 };
const personalId = matches(PERSONAL_ID);
const siNumberOrNull = orNull(matches(SI_NUMBER));
const phoneOrNull = orNull(matches(PHONE));
const province = matches(PROVINCE);
const commune = matches(COMMUNE);
const dayOrNull = orNull(day);
const uuidOrNull = orNull(uuid);
const supportCategory: Fits = (v) => SUPPORT_CATEGORIES.has(v);
const officialNumberOrNull = orNull(strMax(20));
const canonicalIdOrNull = orNull(strMax(64));
const reviewNote = strMax(1000);

/** A certificate as the central reads it (number and dates null on a record carried over, migration 0019). */
const poverty: Fits = (v) =>
  plain(v, povertyKeys) &&
  POVERTY_KINDS.has(v['kind']) &&
  (v['number'] === null || isTidyText(v['number'], TEXT_40)) &&
  dayOrNull(v['validFrom']) &&
  dayOrNull(v['validTo']);

const legacyAddress: Fits = (v) => plain(v, legacyAddressKeys) && commune(v['legacyCommuneCode']) && isTidyText(v['text'], TEXT_200);

const povertyOrNull = orNull(poverty);
const legacyAddressOrNull = orNull(legacyAddress);

/** True only when `participantRegisterPayload` accepts `p` and its output is `p`, value for value. */
export function participantRegisterFits(p: unknown): boolean {
  return (
    plain(p, participantRegisterKeys) &&
    uuid(p['id']) &&
    isTidyPersonName(p['fullName'], FULL_NAME) &&
    day(p['dateOfBirth']) &&
    SEXES.has(p['sex']) &&
    // Defaulted fields ('Kinh', 'Việt Nam', null, false): absent, zod would fill them in.
    isTidyWordyText(p['ethnicity'], TEXT_40) &&
    isTidyWordyText(p['nationality'], NATIONALITY) &&
    personalId(p['personalId']) &&
    absentOr(p, 'siNumber', siNumberOrNull) &&
    absentOr(p, 'phone', phoneOrNull) &&
    province(p['provinceCode']) &&
    commune(p['communeCode']) &&
    isTidyText(p['addressLine'], TEXT_200) &&
    povertyOrNull(p['poverty']) &&
    bool(p['student']) &&
    bool(p['agriAverage']) &&
    legacyAddressOrNull(p['legacyAddress']) &&
    absentOr(p, 'hamletId', uuidOrNull) &&
    absentOr(p, 'supportCategory', supportCategory) &&
    absentOr(p, 'householdId', uuidOrNull) &&
    absentOr(p, 'officialNumber', officialNumberOrNull) &&
    absentOr(p, 'canonicalId', canonicalIdOrNull) &&
    Number.isSafeInteger(p['version']) &&
    (p['version'] as number) >= 1 &&
    absentOr(p, 'createdAt', instant) &&
    absentOr(p, 'updatedAt', instant) &&
    absentOr(p, 'duplicateReviewed', bool) &&
    absentOr(p, 'duplicateReviewNote', reviewNote)
  );
}
