// The closed set of error codes every contract method can return, with the clerk-facing text in
// Vietnamese first and English second. Errors cross IPC and HTTP as plain data (OfficeErrorData).

export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'SESSION_LOCKED',
  'ACCOUNT_LOCKED',
  'BAD_CREDENTIALS',
  'CONFLICT',
  'DUPLICATE_PERSON',
  'POSSIBLE_DUPLICATE',
  'ALREADY_SET_UP',
  'NOT_SET_UP',
  'DAY_CLOSED',
  'UNKNOWN_METHOD',
  'PRINT_FAILED',
  'FILE_ERROR',
  'BUSY',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** Default texts per code; a thrower may give a more precise message for the case at hand. */
export const errorMessages: Record<ErrorCode, { vi: string; en: string }> = {
  VALIDATION: { vi: 'Dữ liệu không hợp lệ.', en: 'The input is not valid.' },
  NOT_FOUND: { vi: 'Không tìm thấy bản ghi.', en: 'The record was not found.' },
  FORBIDDEN: { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  UNAUTHENTICATED: { vi: 'Vui lòng đăng nhập.', en: 'Please sign in.' },
  SESSION_LOCKED: {
    vi: 'Phiên làm việc đã khóa do không thao tác. Nhập lại mật khẩu để tiếp tục.',
    en: 'The session locked after inactivity. Enter your password to continue.',
  },
  ACCOUNT_LOCKED: {
    vi: 'Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần. Thử lại sau hoặc nhờ giám sát viên mở khóa.',
    en: 'The account is locked after repeated failed sign-ins. Try later or ask a supervisor.',
  },
  BAD_CREDENTIALS: { vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong username or password.' },
  CONFLICT: {
    vi: 'Bản ghi đã được người khác thay đổi. Tải lại rồi thử lại.',
    en: 'The record was changed by someone else. Reload and try again.',
  },
  DUPLICATE_PERSON: {
    vi: 'Số định danh cá nhân này đã được đăng ký cho một người khác.',
    en: 'This personal ID is already registered to another person.',
  },
  POSSIBLE_DUPLICATE: {
    vi: 'Có người trùng họ tên và ngày sinh. Kiểm tra lại; nếu vẫn lưu, hãy nhập lý do.',
    en: 'A person with a similar name and the same date of birth exists. Check; to save anyway, give a reason.',
  },
  ALREADY_SET_UP: { vi: 'Văn phòng đã được thiết lập.', en: 'The office is already set up.' },
  NOT_SET_UP: { vi: 'Văn phòng chưa được thiết lập.', en: 'The office is not set up yet.' },
  DAY_CLOSED: {
    vi: 'Ngày làm việc đã khóa sổ; cần giám sát viên mở lại.',
    en: 'The day is closed; a supervisor must reopen it.',
  },
  UNKNOWN_METHOD: { vi: 'Thao tác không tồn tại.', en: 'Unknown method.' },
  FILE_ERROR: {
    vi: 'Không đọc hoặc ghi được tệp. Kiểm tra USB và đường dẫn rồi thử lại.',
    en: 'A file could not be read or written. Check the drive and the path, then try again.',
  },
  PRINT_FAILED: {
    vi: 'Không in được. Kiểm tra máy in (bật nguồn, giấy, cáp) rồi in lại.',
    en: 'Printing failed. Check the printer (power, paper, cable) and print again.',
  },
  BUSY: {
    vi: 'Máy đang hoàn tất việc nhận dữ liệu của văn phòng nên chưa lưu được. Chưa có gì được lưu; vui lòng thử lại sau ít phút.',
    en: "This computer is finishing receiving the office's data and could not save yet. Nothing was saved; please try again in a few minutes.",
  },
  INTERNAL: {
    vi: 'Đã xảy ra lỗi hệ thống. Dữ liệu chưa được lưu; vui lòng thử lại.',
    en: 'An internal error occurred. Nothing was saved; please try again.',
  },
};

/** An error as it crosses a process boundary. `message` is Vietnamese; `messageEn` English. */
export interface OfficeErrorData {
  code: ErrorCode;
  message: string;
  messageEn: string;
  field?: string;
  /** Structured extras, e.g. the existing person's id for DUPLICATE_PERSON. */
  details?: Record<string, unknown>;
}

export class OfficeError extends Error {
  readonly code: ErrorCode;
  readonly messageEn: string;
  readonly field?: string;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, options: { vi?: string; en?: string; field?: string; details?: Record<string, unknown> } = {}) {
    const vi = options.vi ?? errorMessages[code].vi;
    super(vi);
    this.name = 'OfficeError';
    this.code = code;
    this.messageEn = options.en ?? errorMessages[code].en;
    this.field = options.field;
    this.details = options.details;
  }

  toData(): OfficeErrorData {
    const data: OfficeErrorData = { code: this.code, message: this.message, messageEn: this.messageEn };
    if (this.field !== undefined) data.field = this.field;
    if (this.details !== undefined) data.details = this.details;
    return data;
  }
}

/** The envelope both transports (IPC and loopback HTTP) carry. */
export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: OfficeErrorData };
