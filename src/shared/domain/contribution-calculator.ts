// The contribution rules, to the đồng, in one import: voluntary social insurance (VSI, Law 41/2024
// art. 31–36, Decree 159/2025; vsi-calculator.ts), household health insurance (HHI, Decree
// 188/2025; hhi-calculator.ts) and the lump sum for the years missing to a pension
// (pension-shortfall.ts). Pure: values in, values out; every value from the reference schedule as
// in force on the PAYMENT date, for the whole period paid (Joint Circular 41/2014 art. 3; assumed
// for VSI, not confirmed). Each monthly line is computed exactly and rounded once.
export {
  type AppliedSupport,
  type AppliedTopUp,
  type ContributionLine,
  type ContributionQuote,
  type LineKind,
  chosenCategory,
  highestShare,
} from './contribution-lines';
export { type HhiQuoteInput, quoteHhi } from './hhi-calculator';
export { type ShortfallInput, quoteShortfall, shortfallConditions } from './pension-shortfall';
export { ContributionRuleError, type ProvisionalValue } from './schedule-values';
export { type VsiQuoteInput, quoteVsi, vsiIncomeRange } from './vsi-calculator';
