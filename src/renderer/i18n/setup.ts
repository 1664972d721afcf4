// i18n: Vietnamese is the default language, English the second. Every UI string goes through a key.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { vi } from './vi';

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('field-office.lang') : null;

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: saved === 'en' ? 'en' : 'vi',
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
});

export function setLanguage(lang: 'vi' | 'en'): void {
  localStorage.setItem('field-office.lang', lang);
  void i18n.changeLanguage(lang);
}

export { i18n };
