// What the provincial console's journey looks at, pushed by two real offices (browser harnesses)
// to a real central: both register and pay for the same person (one canonical person, a
// "same person paid at several offices" fraud signal for each office), and each registers a
// Trần Thị Bích born on the same day under another personal ID — the second office's is held at
// the central as a possible duplicate. Made through the contract: the console is what is tested.
import type { Browser } from '@playwright/test';
import { expect, type Harness } from './harness-fixture';
import { type OfficeApi, officeByApi } from './office-data';

export interface ConsoleData {
  a: OfficeApi;
  b: OfficeApi;
  /** The signed payload of A's receipt (what its QR code holds) and its label. */
  receipt: { label: string; payload: string };
}

const CHUNG = { fullName: 'Hoàng Văn Chung', dateOfBirth: '1990-05-02', sex: 'male' as const, personalId: '001090123456' };
const BICH = { fullName: 'Trần Thị Bích', dateOfBirth: '1985-03-04', sex: 'female' as const };

async function pay(office: OfficeApi, participantId: string, fromMonth: string): Promise<{ id: string }> {
  const question = { participantId, scheme: 'VSI', fromMonth, months: 3, incomeBasis: 2_000_000 };
  const quote = await office.call<{ total: number }>('contributions.quote', question);
  const recorded = await office.call<{ receipt: { id: string } }>('contributions.record', { ...question, expectedTotal: quote.total });
  return recorded.receipt;
}

export async function pushOfficeData(
  browser: Browser,
  central: { url: string; codes: Record<string, string> },
  harnesses: [Harness, Harness],
): Promise<ConsoleData> {
  const page = await (await browser.newContext()).newPage();
  const a = await officeByApi(page, harnesses[0].url, { code: 'HNA', name: 'BHXH cơ sở Ba Đình' });
  const b = await officeByApi(page, harnesses[1].url, { code: 'HNB', name: 'BHXH cơ sở Đống Đa' });
  await a.call('sync.enroll', { centralUrl: central.url, code: central.codes.HNA, deviceName: 'Quầy 1 Ba Đình' });
  await b.call('sync.enroll', { centralUrl: central.url, code: central.codes.HNB, deviceName: 'Quầy 1 Đống Đa' });

  const chungA = await a.register(CHUNG);
  const receiptA = await pay(a, chungA.id, '2026-01');
  await a.register({ ...BICH, personalId: '001185000111' });
  expect(await a.call('sync.pushNow', {})).toMatchObject({ rejected: 0, held: 0 });

  const chungB = await b.register(CHUNG);
  await pay(b, chungB.id, '2026-04');
  await b.register({ ...BICH, personalId: '001185000222' });
  expect(await b.call('sync.pushNow', {})).toMatchObject({ rejected: 0, held: 1 });

  const receipt = await a.call<{ label: string; verification: { payload: string } }>('receipts.get', { id: receiptA.id });
  return { a, b, receipt: { label: receipt.label, payload: receipt.verification.payload } };
}
