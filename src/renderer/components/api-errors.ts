// Turns a contract error into what a clerk sees: the text in the current language, placed beside
// the field the core named (`error.field`, dotted for nested inputs) when the form has it.
import type { FormInstance } from 'antd';
import { i18n } from '../i18n/setup';
import { ApiError } from '../api/client';

export function errorText(error: unknown): string {
  if (error instanceof ApiError) return i18n.language === 'en' ? error.data.messageEn : error.data.message;
  return i18n.t('common.unexpectedError');
}

/**
 * Puts the error beside its field. Returns true when it was placed; false means the caller shows
 * it elsewhere (an alert above the form).
 */
export function placeFieldError(form: FormInstance, error: unknown, knownFields: readonly string[]): boolean {
  if (!(error instanceof ApiError) || !error.data.field) return false;
  const field = error.data.field;
  if (!knownFields.includes(field)) return false;
  form.setFields([{ name: field.split('.'), errors: [errorText(error)] }]);
  const input = document.getElementById(field.split('.').join('_'));
  input?.focus();
  return true;
}
