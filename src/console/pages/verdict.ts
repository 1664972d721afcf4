// What the console says about a receipt the central checked (the same order of concerns as the
// public page, src/central/receipts/verify-page.ts): forged or unknown first, then a record that
// differs, then voided or refunded, then recorded or not yet synced — and its tone.
import type { CentralVerification } from '../../shared/verification/central-verification';

export type Verdict = 'genuine' | 'notSynced' | 'voided' | 'refunded' | 'differs' | 'forged' | 'unknownDevice';

export function verdictOf(v: CentralVerification): Verdict {
  if (v.status === 'FORGED') return 'forged';
  if (v.status === 'UNKNOWN_DEVICE') return 'unknownDevice';
  if (v.recorded && v.matches === false) return 'differs';
  if (v.voided && v.receipt.type === 'receipt') return v.voided.refund ? 'refunded' : 'voided';
  return v.recorded ? 'genuine' : 'notSynced';
}

export const TONE: Record<Verdict, 'success' | 'warning' | 'error'> = {
  genuine: 'success',
  notSynced: 'warning',
  voided: 'error',
  refunded: 'error',
  differs: 'error',
  forged: 'error',
  unknownDevice: 'error',
};
