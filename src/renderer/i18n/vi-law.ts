// Vietnamese strings of the support facts, old addresses and the law's lines on a quote (issue 23);
// spread into vi.ts.
export const viLaw = {
  facts: {
    title: 'Diện được hỗ trợ (theo giấy tờ)',
    poverty: 'Hộ nghèo / cận nghèo',
    povertyNone: 'Không',
    povertyPoor: 'Hộ nghèo',
    povertyNearPoor: 'Hộ cận nghèo',
    certificateNo: 'Số giấy chứng nhận',
    validFrom: 'Hiệu lực từ',
    validTo: 'Đến ngày',
    student: 'Học sinh, sinh viên',
    agriAverage: 'Hộ nông, lâm, ngư, diêm nghiệp có mức sống trung bình',
    applies: 'Hôm nay áp dụng',
    vsi: 'BHXH tự nguyện',
    hhi: 'BHYT hộ gia đình',
    statePaid: 'ngân sách nhà nước đóng, không thu BHYT hộ gia đình',
    share: 'hỗ trợ {{share}}',
    declared: 'Hồ sơ cũ ghi diện “{{category}}”: kiểm tra giấy tờ rồi lưu lại hồ sơ.',
    none: 'Không thuộc diện nào',
  },
  legacy: {
    label: 'Địa chỉ cũ (trước 01/07/2025, như trên giấy tờ)',
    placeholder: 'Gõ không dấu: xã/phường, huyện/quận, tỉnh — ví dụ "phuc xa ba dinh ha noi"',
    went: 'nay là {{commune}}',
    divided: 'đã chia: chọn đúng xã/phường mới theo thôn/đường',
    clear: 'Bỏ địa chỉ cũ',
    chosen: 'Địa chỉ cũ: {{text}}',
  },
  idCheck: {
    ok: 'Số định danh khớp với ngày sinh và giới tính.',
  },
  quoteLaw: {
    rule: 'Mức hỗ trợ của Nhà nước',
    because: 'vì',
    perMonth: '{{amount}}/tháng',
    topUp: 'Tỉnh hỗ trợ thêm',
    provisional: 'Giá trị tạm tính (chưa xác nhận, sẽ thay khi có bảng công bố)',
    arrears: 'chậm đóng',
    shortfall: 'đóng cho năm còn thiếu',
    notes: 'Lưu ý',
  },
};
