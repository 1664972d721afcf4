// What a payment does to a person's time of contribution (ADR 0036). An ordinary payment pays
// calendar months (each once: a second payment for one of them is refused or reviewed). The lump
// sum for the months missing to a pension (Law 41/2024/QH15 art. 36.2) pays *time* — the months
// that make up the 180 a pension needs — not calendar months: it occupies none, so it never blocks
// a later monthly payment, never moves the person's "paid through" month, and is never a month paid
// twice; its months still count as contributed (a second shortfall is then refused: the condition
// is met) and its supported months count towards the 120 the state supports.
import type { PaymentMethod } from '../contract/contribution';
import { addMonths } from './payment-periods';

/** Whether a payment of this method pays calendar months (every method but the shortfall lump sum). */
export function occupiesCalendarMonths(method: PaymentMethod | string): boolean {
  return method !== 'lump-sum-shortfall';
}

export interface KnownPayment {
  method: PaymentMethod | string;
  fromMonth: string;
  toMonth: string;
  months: number;
}

/**
 * The months of contribution the payments known here make: every calendar month paid, once (a month
 * paid on two devices before either heard of the other counts once), plus the months a shortfall
 * lump sum paid. Receipts voided are the caller's to leave out.
 */
export function knownContributedMonths(payments: readonly KnownPayment[]): number {
  const calendar = new Set<string>();
  let credited = 0;
  for (const p of payments) {
    if (!occupiesCalendarMonths(p.method)) {
      credited += p.months;
      continue;
    }
    for (let m = p.fromMonth; m <= p.toMonth; m = addMonths(m, 1)) calendar.add(m);
  }
  return calendar.size + credited;
}

/**
 * The months contributed a shortfall lump sum is priced on: the SI book's figure the clerk typed, but
 * never fewer than the months this office knows were paid — the lump sum never charges a month the
 * office already took (a book not yet brought up to date shows fewer).
 */
export function monthsContributedForShortfall(typedFromBook: number, known: number): number {
  return Math.max(typedFromBook, known);
}
