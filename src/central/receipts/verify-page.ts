// The public page a phone opens from a receipt's QR code (GET /verify?p=…): in Vietnamese, no
// sign-in, no script, nothing beyond what the receipt itself shows — genuine and recorded; genuine
// but not yet synced; voided or refunded on a date; altered or forged. Plain HTML with its own
// small style, readable on a 390 px wide phone.
import type { CentralVerification } from './receipt-check';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const dong = (n: number) => `${n.toLocaleString('vi-VN').replace(/,/g, '.')} đ`;
const day = (d: string) => d.split('-').reverse().join('/');
const month = (m: string) => m.split('-').reverse().join('/');
const SCHEME: Record<string, string> = { VSI: 'Bảo hiểm xã hội tự nguyện', HHI: 'Bảo hiểm y tế hộ gia đình' };

type Tone = 'ok' | 'wait' | 'bad';

function verdictOf(v: CentralVerification): { tone: Tone; title: string; text: string } {
  const what = v.receipt.type === 'refund' ? 'Phiếu chi' : 'Biên lai';
  if (v.status === 'FORGED') {
    return {
      tone: 'bad',
      title: `${what} KHÔNG HỢP LỆ`,
      text: 'Mã trên giấy không khớp với chữ ký của máy thu tiền: giấy đã bị sửa hoặc là giấy giả. Đừng dùng giấy này làm bằng chứng đã nộp tiền; hãy báo cơ quan BHXH.',
    };
  }
  if (v.status === 'UNKNOWN_DEVICE') {
    return {
      tone: 'bad',
      title: 'KHÔNG XÁC ĐỊNH được nơi phát hành',
      text: 'Mã này không do máy thu tiền nào của BHXH đã đăng ký ký ra. Có thể là giấy giả; hãy báo cơ quan BHXH.',
    };
  }
  if (v.recorded && v.matches === false) {
    return {
      tone: 'bad',
      title: `${what} KHÁC với số liệu đã ghi nhận`,
      text: 'Chữ ký đúng, nhưng nội dung trên giấy khác với khoản đã ghi nhận tại BHXH. Hãy mang giấy này đến cơ quan BHXH để được kiểm tra.',
    };
  }
  if (v.voided && v.receipt.type === 'receipt') {
    return v.voided.refund
      ? {
          tone: 'bad',
          title: 'Biên lai ĐÃ HOÀN TRẢ TIỀN',
          text: `Tiền của biên lai này đã được trả lại cho người nộp ngày ${day(v.voided.on)} (phiếu chi ${escapeHtml(v.voided.voucher ?? '')}). Biên lai không còn giá trị.`,
        }
      : { tone: 'bad', title: 'Biên lai ĐÃ BỊ HỦY', text: `Biên lai này đã bị hủy ngày ${day(v.voided.on)} và không còn giá trị.` };
  }
  if (!v.recorded) {
    return {
      tone: 'wait',
      title: `${what} thật — CHƯA ĐỒNG BỘ về trung tâm`,
      text: 'Giấy do một máy thu tiền của BHXH ký. Cơ quan thu có thể làm việc ngoại tuyến nhiều ngày nên khoản này chưa về trung tâm; hãy kiểm tra lại sau vài ngày. Nếu sau 7 ngày vẫn chưa ghi nhận, hãy báo cơ quan BHXH.',
    };
  }
  return {
    tone: 'ok',
    title: `${what} THẬT — đã ghi nhận tại BHXH`,
    text: v.receipt.type === 'refund' ? 'Khoản hoàn trả này đã được ghi nhận tại BHXH.' : 'Khoản đóng này đã được ghi nhận tại BHXH.',
  };
}

function rows(v: CentralVerification): string {
  const r = v.receipt;
  const list: [string, string][] = [
    [r.type === 'refund' ? 'Số phiếu chi' : 'Số biên lai', r.label],
    ...(r.refundOf ? ([['Hoàn trả biên lai', r.refundOf]] as [string, string][]) : []),
    [r.type === 'refund' ? 'Số tiền hoàn trả' : 'Số tiền', dong(r.amount)],
    ['Loại', SCHEME[r.scheme] ?? r.scheme],
    ['Kỳ đóng', `${month(r.periodFrom)} – ${month(r.periodTo)}`],
    [r.type === 'refund' ? 'Ngày chi' : 'Ngày thu', day(r.businessDate)],
    ['Số định danh người nộp', `•••• •••• ${r.personalIdLast4}`],
    ...(v.office ? ([['Đơn vị thu', v.office.name]] as [string, string][]) : []),
  ];
  return list.map(([k, value]) => `<dt>${k}</dt><dd>${escapeHtml(value)}</dd>`).join('');
}

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1f1f1f;background:#f4f6f8}
main{max-width:520px;margin:0 auto;padding:16px}h1{font-size:20px;margin:8px 0 16px}
.card{background:#fff;border-radius:10px;padding:16px;box-shadow:0 1px 3px #0002;margin-bottom:16px}
.verdict{border-left:8px solid}.ok{border-color:#389e0d}.ok h2{color:#237804}.wait{border-color:#d48806}.wait h2{color:#ad6800}.bad{border-color:#cf1322}.bad h2{color:#a8071a}
h2{font-size:19px;margin:0 0 8px}dl{margin:0}dt{color:#595959;font-size:14px;margin-top:10px}dt:first-child{margin-top:0}dd{margin:0;font-size:17px;font-weight:600;overflow-wrap:break-word}
form{display:flex;flex-direction:column;gap:8px}textarea{width:100%;min-height:72px;font:14px monospace;padding:8px}button{font-size:16px;padding:10px;border:0;border-radius:6px;background:#0958d9;color:#fff}
.note{font-size:14px;color:#595959}`;

export function verifyPage(result: CentralVerification | null | 'rate-limited', asked: boolean): string {
  let body: string;
  if (result === 'rate-limited') {
    body = `<section class="card verdict wait" data-verdict="rate-limited"><h2>Quá nhiều lần kiểm tra</h2><p>Bạn đã kiểm tra quá nhiều lần trong một phút. Hãy thử lại sau ít phút.</p></section>`;
  } else if (result === null) {
    body = asked
      ? `<section class="card verdict bad" data-verdict="unreadable"><h2>Không đọc được mã</h2><p>Đây không phải mã trên biên lai hay phiếu chi của BHXH. Hãy quét lại mã QR trên giấy.</p></section>`
      : '';
  } else {
    const v = verdictOf(result);
    body = `<section class="card verdict ${v.tone}" data-verdict="${v.tone}"><h2>${v.title}</h2><p>${v.text}</p></section>
<section class="card"><dl>${rows(result)}</dl></section>`;
  }
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Kiểm tra biên lai BHXH</title><style>${STYLE}</style></head><body><main>
<h1>Kiểm tra biên lai, phiếu chi BHXH</h1>${body}
<section class="card"><form method="get" action="/verify"><label for="p">Mã trên biên lai (quét mã QR hoặc dán vào đây)</label>
<textarea id="p" name="p" maxlength="2000" required></textarea><button type="submit">Kiểm tra</button></form>
<p class="note">Trang này chỉ cho biết giấy có do BHXH phát hành và đã được ghi nhận hay chưa; không cần đăng nhập.</p></section>
</main></body></html>`;
}
