// Turns a contract error into what a clerk sees: the text in the current language (the core sends
// Vietnamese and English; field-errors.tsx places it beside the field it names).
import { i18n } from '../i18n/setup';
import { ApiError } from '../api/client';

export function errorText(error: unknown): string {
  if (error instanceof ApiError) return inLanguage(error.data.message, error.data.messageEn);
  return i18n.t('common.unexpectedError');
}

/** A text the core said in both languages, in the one chosen (the Vietnamese when no English is known). */
export function inLanguage(vi: string, en: string | null | undefined): string {
  return i18n.language === 'en' && en ? en : vi;
}
