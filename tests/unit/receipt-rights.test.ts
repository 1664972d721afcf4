// Who may print and void a receipt: the one rule the core refuses by and the receipt page greys
// its buttons by (issue 25: the void button was offered on another clerk's receipt).
import { describe, expect, it } from 'vitest';
import { mayPrintReceipt, voidRefusal } from '../../src/shared/domain/receipt-rights';

const receipt = { collectorStaffId: 'clerk-a', businessDate: '2026-03-03' };
const clerkA = { staffId: 'clerk-a', role: 'counter' as const };
const clerkB = { staffId: 'clerk-b', role: 'counter' as const };
const field = { staffId: 'field-c', role: 'field' as const };
const supervisor = { staffId: 'sup', role: 'supervisor' as const };

describe('receipt rights', () => {
  it('lets the collector and a supervisor print, nobody else', () => {
    expect(mayPrintReceipt(clerkA, receipt)).toBe(true);
    expect(mayPrintReceipt(supervisor, receipt)).toBe(true);
    expect(mayPrintReceipt(clerkB, receipt)).toBe(false);
    expect(mayPrintReceipt(field, receipt)).toBe(false);
    expect(mayPrintReceipt({ staffId: null, role: null }, receipt)).toBe(false);
  });

  it('lets the collector void on the receipt’s own day, a supervisor on any day', () => {
    expect(voidRefusal(clerkA, receipt, '2026-03-03')).toBeNull();
    expect(voidRefusal(supervisor, receipt, '2026-03-03')).toBeNull();
    expect(voidRefusal(supervisor, receipt, '2026-03-09')).toBeNull();
  });

  it('says why anyone else may not void', () => {
    expect(voidRefusal(clerkB, receipt, '2026-03-03')).toBe('notCollector');
    expect(voidRefusal(field, receipt, '2026-03-03')).toBe('notCollector');
    expect(voidRefusal({ staffId: null, role: null }, receipt, '2026-03-03')).toBe('notCollector');
    expect(voidRefusal(clerkA, receipt, '2026-03-04')).toBe('earlierDay');
  });
});
