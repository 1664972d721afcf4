// The A5 receipt's printed content marks what the quote on screen marks provisional (issue: the
// print did not): the state support and the province's top-up worked out from an unconfirmed
// value say "tạm tính", and the foot names the values with the date they apply from; a receipt
// without such values says nothing of it. The receipt is rendered to markup as the page prints it
// (the core's side, that a receipt keeps the values: tests/integration/receipt-provisional.test.ts).
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Receipt } from '../../src/shared/contract/contribution';
import '../../src/renderer/i18n/setup';
import { ReceiptDocument } from '../../src/renderer/pages/receipt/receipt-document';

const POVERTY_LINE = { what: 'chuẩn nghèo khu vực nông thôn', whatEn: 'rural poverty line', from: '2022-01-01', source: 'Nghị định 07/2021/NĐ-CP' };

const line = (month: string) => ({
  month,
  kind: 'regular' as const,
  description: `Tháng ${month}`,
  baseAmount: 330_000,
  supportAmount: 66_000,
  topUpAmount: 15_000,
  amount: 249_000,
  values: { baseSalary: 2_340_000, povertyLine: 1_500_000, incomeBasis: 1_500_000, rate: '22/100', supportShare: '20/100' },
});

const receipt: Receipt = {
  id: '01900000-0000-7000-8000-000000000001',
  series: 'TEST01-AB12',
  number: 7,
  label: 'TEST01-AB12/0000007',
  contributionId: '01900000-0000-7000-8000-000000000002',
  participantId: '01900000-0000-7000-8000-000000000003',
  payerName: 'Nguyễn Thị Hồng Nhung',
  payerPersonalId: '001185006150',
  payerAddress: 'Thôn Đông, Xã An Khánh, Thành phố Hà Nội',
  scheme: 'VSI',
  periodFrom: '2026-03',
  periodTo: '2026-05',
  months: 3,
  amount: 747_000,
  amountWords: 'Bảy trăm bốn mươi bảy nghìn đồng',
  collectorStaffId: 'staff-1',
  collectorName: 'Trần Thị Thu',
  officeName: 'BHXH cơ sở thử nghiệm',
  officeCode: 'TEST01',
  issuedAt: '2026-03-02T02:00:00.000Z',
  businessDate: '2026-03-02',
  method: 'quarterly',
  incomeBasis: 1_500_000,
  memberPosition: null,
  lines: ['2026-03', '2026-04', '2026-05'].map(line),
  referenceVersion: '2026-07-01.2',
  support: null,
  topUp: {
    provinceCode: '01',
    provinceName: 'Hà Nội',
    category: 'other',
    share: '10/100',
    amountPerMonth: null,
    total: 45_000,
    source: 'Nghị quyết 01/2026/NQ-HĐND',
  },
  provisional: [POVERTY_LINE],
  void: null,
  printCount: 0,
  verification: null,
};

/** The receipt's printed text, tags removed. */
const printed = (r: Receipt) =>
  renderToStaticMarkup(createElement(ReceiptDocument, { receipt: r, copy: false }))
    .replace(/<[^>]+>/g, '\n')
    .replace(/\u00a0/g, ' ');

describe('the A5 receipt and provisional values', () => {
  it('marks the support and the top-up worked out from the unconfirmed poverty line, and names the value in the foot', () => {
    const text = printed(receipt);
    expect(text).toContain('Nhà nước hỗ trợ 198.000 đ (không thu của người nộp) (tạm tính)');
    expect(text).toMatch(/Tỉnh hỗ trợ thêm[^\n]*45\.000 đ \(Nghị quyết 01\/2026\/NQ-HĐND\) \(tạm tính\)/);
    expect(text).toContain('Giá trị tạm tính: chuẩn nghèo khu vực nông thôn từ 01/01/2022');
  });

  it('says nothing of it on a receipt without unconfirmed values (all confirmed, or recorded before they were kept)', () => {
    const text = printed({ ...receipt, provisional: [] });
    expect(text).toContain('Nhà nước hỗ trợ 198.000 đ (không thu của người nộp)');
    expect(text).not.toMatch(/tạm tính/);
  });

  it('marks nothing but names the value when the unconfirmed value is not one the support comes from', () => {
    const text = printed({ ...receipt, provisional: [{ ...POVERTY_LINE, what: 'lãi suất đầu tư quỹ', whatEn: 'fund monthly return' }] });
    expect(text).not.toMatch(/\(tạm tính\)/);
    expect(text).toContain('Giá trị tạm tính: lãi suất đầu tư quỹ từ 01/01/2022');
  });
});
