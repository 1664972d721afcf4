// A small commune for the field tests: people in hamlets by their address lines, households,
// enrollments and payments made through the real services on the office fixture's clock
// (2 March 2026), so every status of the visit list has someone in it.
import { afterEach, beforeEach } from 'vitest';
import { call, type Office, openOffice, personInput } from '../fixtures/office-fixture';
import ExcelJS from 'exceljs';
import type { PaymentMethod } from '../../../src/shared/contract/contribution';

export const COMMUNE = '00004';

export interface Commune {
  hamletId: string;
  westId: string;
  /** VSI quarterly, paid through December 2025: January–March due until 31 March. */
  due: { id: string };
  /** VSI monthly, paid through January: February's deadline passed. */
  overdue: { id: string };
  /** A household: the head's HHI card (paid through March) is expiring, the second member never paid. */
  head: { id: string };
  member: { id: string };
  householdId: string;
  /** Registered, in no scheme (Thôn Tây). */
  none: { id: string };
  /** Paid ahead: nothing owed. */
  paid: { id: string };
}

async function pay(office: Office, participantId: string, scheme: 'VSI' | 'HHI', fromMonth: string, months: number, paidOn: string): Promise<void> {
  const q = { participantId, scheme, fromMonth, months, paidOn };
  const quote = await call(office.core, 'contributions.quote', q, office.tokens.supervisor);
  await call(office.core, 'contributions.record', { ...q, expectedTotal: quote.total }, office.tokens.supervisor);
}

/** Payments dated in the past are written as they were taken then: the clock is moved back and forth. */
export async function seedCommune(office: Office): Promise<Commune> {
  const t = office.tokens.supervisor;
  const reg = (over: Record<string, unknown>) => call(office.core, 'participants.register', personInput(over), t);
  const due = await reg({ fullName: 'Nguyễn Văn Đức', addressLine: 'Thôn Đông Hòa, số 3', phone: '0912000001', sex: 'male' });
  const overdue = await reg({ fullName: 'Lê Thị Quá', addressLine: 'thôn Đông Hoà, số 9', phone: '0912000002', sex: 'female' });
  const head = await reg({ fullName: 'Trần Văn Chủ', addressLine: 'Thôn Đông Hòa, số 12', phone: '0912000003', sex: 'male' });
  const member = await reg({ fullName: 'Trần Thị Con', addressLine: 'Thôn Đông Hòa, số 12', sex: 'female' });
  const none = await reg({ fullName: 'Phạm Văn Tây', addressLine: 'Thôn Tây, số 1', phone: '0912000005', sex: 'male' });
  const paid = await reg({ fullName: 'Đỗ Thị Đủ', addressLine: 'Thôn Đông Hòa, số 20', sex: 'female' });
  const household = await call(office.core, 'households.create', { headParticipantId: head.id }, t);
  await call(office.core, 'households.addMember', { householdId: household.id, participantId: member.id }, t);
  const enroll = (participantId: string, scheme: 'VSI' | 'HHI', method: PaymentMethod, fromMonth: string) =>
    call(office.core, 'enrollments.set', { participantId, scheme, method, fromMonth, ...(scheme === 'VSI' ? { incomeBasis: 1_500_000 } : {}) }, t);
  await enroll(due.id, 'VSI', 'quarterly', '2025-10');
  await enroll(overdue.id, 'VSI', 'monthly', '2026-01');
  await enroll(head.id, 'HHI', 'quarterly', '2026-01');
  await enroll(member.id, 'HHI', 'quarterly', '2026-01');
  await enroll(paid.id, 'VSI', 'annual', '2026-01');
  await pay(office, due.id, 'VSI', '2025-10', 3, '2026-03-02');
  await pay(office, overdue.id, 'VSI', '2026-01', 1, '2026-03-02');
  await pay(office, head.id, 'HHI', '2026-01', 3, '2026-03-02');
  await pay(office, paid.id, 'VSI', '2026-01', 12, '2026-03-02');
  const hamlet = await call(office.core, 'hamlets.save', { communeCode: COMMUNE, kind: 'thon', name: 'Đông Hòa' }, t);
  const west = await call(office.core, 'hamlets.save', { communeCode: COMMUNE, kind: 'thon', name: 'Tây' }, t);
  return { hamletId: hamlet.id, westId: west.id, due, overdue, head, member, householdId: household.id, none, paid };
}

/** A workbook the core answered as base64, opened with ExcelJS (its `load` takes an ArrayBuffer). */
export async function openWorkbook(base64: string): Promise<ExcelJS.Workbook> {
  const bytes = Buffer.from(base64, 'base64');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return book;
}

/** A fresh office with the seeded commune before each test (handed to `ready`), closed after it. */
export function useSeededCommuneEachTest(ready: (office: Office, commune: Commune) => void): void {
  let office: Office | undefined;
  beforeEach(async () => {
    office = await openOffice();
    ready(office, await seedCommune(office));
  }, 60_000);
  afterEach(() => office?.close());
}
