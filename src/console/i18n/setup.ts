// The console's i18n: its own i18next instance (the office app's strings stay out of its bundle),
// Vietnamese first, English second; every string on its pages goes through a key.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { consoleEn } from './en';
import { consoleVi } from './vi';

const STORAGE_KEY = 'field-office.console.lang';
const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;

export const consoleI18n = i18next.createInstance();
void consoleI18n.use(initReactI18next).init({
  resources: { vi: { translation: consoleVi }, en: { translation: consoleEn } },
  lng: saved === 'en' ? 'en' : 'vi',
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
});

export function setConsoleLanguage(lang: 'vi' | 'en'): void {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  void consoleI18n.changeLanguage(lang);
}
