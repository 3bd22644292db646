import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { format, LOCALES, MESSAGES, type Locale, type MessageKey } from './messages.ts';

// The user's language: Vietnamese unless they chose English (kept in localStorage). Dates, numbers
// and money are formatted for vi-VN or en-GB with the Vietnam time zone.

type I18n = {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;
  formatDate: (isoDateOrInstant: string) => string;
  formatDateTime: (instant: string) => string;
  formatNumber: (value: number) => string;
  formatMoney: (vnd: number) => string;
};

const STORAGE_KEY = 'congso.locale';
const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return LOCALES.includes(stored as Locale) ? (stored as Locale) : 'vi';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const tag = locale === 'vi' ? 'vi-VN' : 'en-GB';
    const timeZone = 'Asia/Ho_Chi_Minh';
    const dates = new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone });
    const dateTimes = new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone });
    const numbers = new Intl.NumberFormat(tag);
    const money = new Intl.NumberFormat(tag, { style: 'currency', currency: 'VND' });
    return {
      locale,
      setLocale,
      t: (key, values) => format(MESSAGES[locale][key], values),
      // A plain date (YYYY-MM-DD) is a Vietnam calendar day: format it at noon there, never shifted.
      formatDate: (value) => dates.format(new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00+07:00` : value)),
      formatDateTime: (value) => dateTimes.format(new Date(value)),
      formatNumber: (value) => numbers.format(value),
      formatMoney: (vnd) => money.format(vnd),
    };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const found = useContext(I18nContext);
  if (!found) throw new Error('useI18n outside I18nProvider');
  return found;
}
