// Typed errors of the central API: HTTP status, a code, Vietnamese and English messages.
export class CentralError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 423 | 429,
    readonly code: string,
    readonly vi: string,
    readonly en: string,
    readonly details?: Record<string, unknown>,
    readonly field?: string,
  ) {
    super(en);
    this.name = 'CentralError';
  }

  toJson() {
    return { error: { code: this.code, message: this.vi, messageEn: this.en, field: this.field, details: this.details } };
  }
}
