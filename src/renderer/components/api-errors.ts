// Turns a contract error into what a clerk sees: the text in the current language (the core sends
// Vietnamese and English; field-errors.tsx places it beside the field it names).
import { i18n } from '../i18n/setup';
import { ApiError } from '../api/client';

export function errorText(error: unknown): string {
  if (error instanceof ApiError) return i18n.language === 'en' ? error.data.messageEn : error.data.message;
  return i18n.t('common.unexpectedError');
}
