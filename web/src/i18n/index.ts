import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/client';
import type { Locale } from '../api/types';
import { da } from './da';
import { en } from './en';

const STORAGE_KEY = 'pejling.locale';

export function storedLocale(): Locale | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'da' || v === 'en' ? v : null;
  } catch {
    return null;
  }
}

function applyLocale(locale: Locale): void {
  document.documentElement.lang = locale;
  setApiLanguage(locale);
}

/** Switches the UI language and remembers the choice on this browser. */
export async function changeLocale(locale: Locale, remember = true): Promise<void> {
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Private mode: the choice then lasts for this page only.
    }
  }
  applyLocale(locale);
  await i18n.changeLanguage(locale);
}

export const currentLocale = (): Locale => (i18n.language === 'en' ? 'en' : 'da');

const initial: Locale = storedLocale() ?? 'da';
applyLocale(initial);

void i18n.use(initReactI18next).init({
  resources: { da: { translation: da }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'da',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
