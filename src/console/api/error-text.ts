// What an error says to the person: the console's own words for the codes it knows (sign-in,
// lockout, a lost connection), otherwise the central's message in the page's language.
import type { TFunction } from 'i18next';
import { isConsoleError } from './console-client';

const KNOWN = ['AUTH_FAILED', 'LOCKED', 'DISABLED', 'OFFLINE', 'FORBIDDEN', 'SESSION_EXPIRED', 'BAD_ANSWER', 'CONFLICT', 'NOT_FOUND', 'RATE_LIMITED'];

export function errorText(t: TFunction, error: unknown, language: string): string {
  if (!isConsoleError(error)) return t('error.unexpected');
  const { code, message, messageEn } = error.data;
  if (KNOWN.includes(code)) return t(`error.${code}`);
  return language === 'en' && messageEn ? messageEn : message;
}
