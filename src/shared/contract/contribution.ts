// Contributions and receipts in the contract: quotes (no write), recording (contribution +
// receipt + outbox + audit in one transaction), enrollments and the receipt lifecycle.
import { z } from 'zod';
import { dong, isoDate, isoMonth, uuid } from './primitives';
import { says } from './input-messages';
import { text } from './text';

export const schemes = ['VSI', 'HHI'] as const;
export const paymentMethods = ['monthly', 'quarterly', 'semiannual', 'annual', 'lump-sum-future', 'lump-sum-shortfall'] as const;
export type Scheme = (typeof schemes)[number];
export type PaymentMethod = (typeof paymentMethods)[number];

export const quoteInput = z.object({
  participantId: uuid,
  scheme: z.enum(
    schemes,
    says('Chọn loại bảo hiểm: BHXH tự nguyện hoặc BHYT hộ gia đình.', 'Choose the scheme: voluntary social insurance or household health insurance.'),
  ),
  fromMonth: isoMonth,
  months: z
    .number()
    .int()
    .min(1, says('Số tháng phải từ 1.', 'The number of months must be at least 1.'))
    .max(120, says('Một lần thu tối đa 120 tháng (kể cả các tháng chậm đóng).', 'At most 120 months (late months included) in one payment.')),
  /** VSI only: the chosen monthly income (TN), whole đồng. Defaults to the enrollment's. */
  incomeBasis: dong.optional(),
  method: z.enum(paymentMethods).optional(),
  /** Defaults to today (the device's business date). `contributions.record` accepts only today. */
  paidOn: isoDate.optional(),
  /** Lump sum for the years missing to a pension: months of social insurance already contributed (from the SI book). */
  contributedMonths: z.number().int().min(0).max(1200).optional(),
});

export const contributionLine = z.object({
  month: z.string(),
  participantId: z.string().optional(),
  description: z.string(),
  baseAmount: z.number().int(),
  supportAmount: z.number().int(),
  amount: z.number().int(),
  /** The province's top-up in the line, when there is one. */
  topUpAmount: z.number().int().optional(),
  /** Absent for a regular month; `arrears` a month past its deadline; `shortfall` a missing month paid for a pension. */
  kind: z.enum(['regular', 'arrears', 'shortfall']).optional(),
  values: z.record(z.string(), z.unknown()),
});

/** The state support a quote applied: the category, its share, why it applies and its legal source. */
export const appliedSupport = z.object({ category: z.string(), share: z.string(), reasonVi: z.string(), reasonEn: z.string(), source: z.string() });
export const appliedTopUp = z.object({
  provinceCode: z.string(),
  provinceName: z.string().nullable(),
  category: z.string(),
  share: z.string().nullable(),
  amountPerMonth: z.number().int().nullable(),
  source: z.string(),
  total: z.number().int(),
});
/** A reference value used that is not confirmed (shown as provisional). */
export const provisionalValue = z.object({ what: z.string(), whatEn: z.string(), from: z.string(), source: z.string() });
export type ContributionLineView = z.infer<typeof contributionLine>;

export const quote = z.object({
  participantId: uuid,
  scheme: z.enum(schemes),
  method: z.enum(paymentMethods),
  fromMonth: z.string(),
  toMonth: z.string(),
  months: z.number().int(),
  incomeBasis: z.number().int().nullable(),
  paidOn: z.string(),
  householdId: z.string().nullable(),
  memberPosition: z.number().int().nullable(),
  total: z.number().int(),
  lines: z.array(contributionLine),
  referenceVersion: z.string(),
  support: appliedSupport.nullable(),
  topUp: appliedTopUp.nullable(),
  provisional: z.array(provisionalValue),
  /** Facts on the record that did not count on the payment date (an expired certificate …). */
  supportNotes: z.array(z.object({ vi: z.string(), en: z.string() })),
});
export type Quote = z.infer<typeof quote>;

/**
 * A payment taken on a field visit from the visit list (issue 21): the visit's outcome "paid" is
 * recorded with the payment's receipts in the payment's own transaction. Field officers and
 * supervisors only.
 */
export const fieldVisitOfPayment = z.object({ note: text({ min: 0, max: 500, multiline: true }).optional() });

export const recordInput = quoteInput.extend({
  /** The total the clerk showed the payer; if the rules now give another amount, nothing is written. */
  expectedTotal: dong,
  fieldVisit: fieldVisitOfPayment.optional(),
});

export const receipt = z.object({
  id: uuid,
  series: z.string(),
  number: z.number().int(),
  /** Series and number as printed, e.g. `DEMO01-3F2A/0000012`. */
  label: z.string(),
  contributionId: uuid,
  participantId: uuid,
  payerName: z.string(),
  payerPersonalId: z.string(),
  payerAddress: z.string(),
  scheme: z.enum(schemes),
  periodFrom: z.string(),
  periodTo: z.string(),
  months: z.number().int(),
  amount: z.number().int(),
  amountWords: z.string(),
  collectorStaffId: z.string(),
  collectorName: z.string(),
  officeName: z.string(),
  officeCode: z.string(),
  issuedAt: z.string(),
  businessDate: z.string(),
  /** What the amount is for, besides scheme and period: the payment method, the chosen income (VSI), the member's place in the household (HHI; null before 2026-12 releases recorded it). */
  method: z.enum(paymentMethods),
  incomeBasis: z.number().int().nullable(),
  memberPosition: z.number().int().nullable(),
  lines: z.array(contributionLine),
  referenceVersion: z.string(),
  /** The state's support rule and the province's top-up the amount followed (null for receipts recorded before they were kept). */
  support: appliedSupport.nullable(),
  topUp: appliedTopUp.nullable(),
  /** The reference values the amount used that were not confirmed when it was recorded (printed as provisional); empty for receipts recorded before they were kept. */
  provisional: z.array(provisionalValue),
  void: z
    .object({
      reason: z.string(),
      voidedBy: z.string(),
      voidedByName: z.string(),
      voidedAt: z.string(),
      /** Set when the receipt's day was already closed: the money was paid back on that later day, from that staff member's cash, against the voucher numbered `voucher` (e.g. `HT-DEMO01-3F2A/0000001`). */
      refund: z.object({ businessDate: z.string(), paidOutBy: z.string(), paidOutByName: z.string(), voucher: z.string() }).nullable(),
    })
    .nullable(),
  printCount: z.number().int(),
  /**
   * The signed payload printed as the receipt's QR code (ADR 0027) and the verify page's address
   * that the code holds; `voucher` the same for its refund voucher. Null when this device did not
   * issue it (nor holds its payload); absent where a list or a fresh recording leaves it out.
   */
  verification: z
    .object({
      payload: z.string(),
      url: z.string(),
      voucher: z.object({ payload: z.string(), url: z.string() }).nullable(),
    })
    .nullable()
    .optional(),
  /**
   * Set for a receipt another device of the office issued (pulled, ADR 0026): shown here, never
   * printed or numbered here; a supervisor may refund it, paid out on this device.
   */
  issuedElsewhere: z.object({ deviceId: z.string(), deviceName: z.string().nullable(), officeCode: z.string() }).nullable().optional(),
});
export type Receipt = z.infer<typeof receipt>;

export const contribution = z.object({
  id: uuid,
  participantId: uuid,
  householdId: z.string().nullable(),
  scheme: z.enum(schemes),
  method: z.string(),
  fromMonth: z.string(),
  toMonth: z.string(),
  months: z.number().int(),
  incomeBasis: z.number().int().nullable(),
  memberPosition: z.number().int().nullable(),
  paidOn: z.string(),
  total: z.number().int(),
  referenceVersion: z.string(),
  receiptId: uuid,
  receiptLabel: z.string(),
  voided: z.boolean(),
  /** The day the money was paid back, when the void was a refund of a closed day's receipt. */
  refundedOn: z.string().nullable(),
  createdAt: z.string(),
  /**
   * Where the payment was taken: on this device, or (pulled, ADR 0026) on another device of the
   * office — or at another office, for a person of this one — as the last pull said: its name
   * ("Quầy 2"), who collected, the office.
   */
  takenOn: z.object({
    thisDevice: z.boolean(),
    deviceId: z.string().nullable(),
    deviceName: z.string().nullable(),
    collectorName: z.string().nullable(),
    officeCode: z.string(),
  }),
});
export type Contribution = z.infer<typeof contribution>;

export const recordOutput = z.object({ contribution, receipt });

/**
 * Household health insurance for several members of one household in one pass: the same months and
 * method for all, each member from their own first unpaid month. Each member keeps their place in
 * the household's sequence (which sets the share they pay) and gets a receipt of their own
 * (ADR 0026).
 */
export const householdPaymentInput = z.object({
  householdId: uuid,
  months: quoteInput.shape.months,
  method: z.enum(paymentMethods).optional(),
  members: z
    .array(z.object({ participantId: uuid, fromMonth: isoMonth }))
    .min(1, says('Chọn ít nhất một thành viên để thu.', 'Choose at least one member to collect for.'))
    .max(50, says('Một lần thu tối đa 50 thành viên.', 'At most 50 members in one payment.')),
  /** Defaults to today (the device's business date). */
  paidOn: isoDate.optional(),
});

/** Each member's quote, in the order asked, and what the household pays in all. */
export const householdQuote = z.object({ householdId: uuid, total: z.number().int(), members: z.array(quote) });
export type HouseholdQuote = z.infer<typeof householdQuote>;

export const recordHouseholdInput = householdPaymentInput.extend({
  /** The household's total the clerk showed the payer; if the rules now give another, nothing is written. */
  expectedTotal: dong,
  fieldVisit: fieldVisitOfPayment.optional(),
});

/** What was recorded for each member, in the order asked: their contribution and their receipt. */
export const recordHouseholdOutput = z.object({ items: z.array(recordOutput) });

export const enrollInput = z.object({
  participantId: uuid,
  scheme: z.enum(schemes),
  method: z.enum(paymentMethods),
  incomeBasis: dong.optional(),
  fromMonth: isoMonth,
});

export const enrollment = z.object({
  id: uuid,
  participantId: uuid,
  scheme: z.enum(schemes),
  method: z.enum(paymentMethods),
  incomeBasis: z.number().int().nullable(),
  fromMonth: z.string(),
  status: z.enum(['active', 'stopped']),
  /** What is owed next: the first unpaid month and the months of one period by the method. */
  nextDue: z.object({ fromMonth: z.string(), months: z.number().int(), deadline: z.string().nullable() }),
  lastPaidMonth: z.string().nullable(),
});
export type Enrollment = z.infer<typeof enrollment>;

/** Why a receipt is voided: on the void's audit entry, its refund voucher and the central's record. */
export const voidReason = text({
  min: 5,
  max: 500,
  multiline: true,
  tooShort: says('Nhập lý do hủy (ít nhất 5 ký tự).', 'Enter the reason for voiding (at least 5 characters).'),
});

export const voidInput = z.object({
  id: uuid,
  reason: voidReason,
  /**
   * Only for a receipt whose day is already closed: the void is then a refund paid out today, and
   * this is whose cash pays it (defaults to the supervisor voiding it).
   */
  paidOutBy: uuid.optional(),
});

export const dayReceiptsInput = z.object({
  businessDate: isoDate.optional(),
  /** Supervisors may look at any collector; others see only their own. */
  collectorStaffId: uuid.optional(),
});

export const dayReceipts = z.object({
  businessDate: z.string(),
  items: z.array(
    receipt.omit({ method: true, incomeBasis: true, lines: true, referenceVersion: true, support: true, topUp: true, provisional: true, verification: true }),
  ),
  issuedCount: z.number().int(),
  voidedCount: z.number().int(),
  /** Sum of receipts not voided, in đồng. */
  total: z.number().int(),
  /** Refunds of receipts of closed days paid out this day (by the collector in view), and their sum. */
  refundCount: z.number().int(),
  refundTotal: z.number().int(),
  refunds: z.array(
    z.object({
      receiptId: z.string(),
      /** The receipt refunded, its day, and the refund voucher's number. */
      label: z.string(),
      receiptDate: z.string(),
      voucher: z.string(),
      payerName: z.string(),
      amount: z.number().int(),
      paidOutByName: z.string(),
    }),
  ),
});
