// The visitor's language: chosen with the switch, kept in localStorage and in the `huiqi_locale` cookie
// (which the server reads for its error messages), mirrored on <html lang>, and saved on the account
// when signed in.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { DEFAULT_LOCALE, LOCALES, type Locale, type MessageParams, t } from '../../shared/i18n';
import { api, readCookie } from '../api/client';

export const LOCALE_KEY = 'huiqi_locale';

function isLocale(value: string | null | undefined): value is Locale {
  return (LOCALES as readonly string[]).includes(value ?? '');
}

/** Stored choice first, then the cookie, then zh-CN: the portal speaks Chinese until a visitor switches. */
export function initialLocale(): Locale {
  const stored = globalThis.localStorage?.getItem(LOCALE_KEY);
  if (isLocale(stored)) return stored;
  const cookie = readCookie(LOCALE_KEY, globalThis.document?.cookie ?? '');
  if (isLocale(cookie)) return cookie;
  return DEFAULT_LOCALE;
}

function persist(locale: Locale): void {
  localStorage.setItem(LOCALE_KEY, locale);
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from some supported browsers.
  document.cookie = `${LOCALE_KEY}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax`;
  document.documentElement.lang = locale;
}

export type Translate = (key: string, params?: MessageParams) => string;

interface LocaleState {
  locale: Locale;
  setLocale: (next: Locale, signedIn: boolean) => void;
  tr: Translate;
}

const LocaleContext = createContext<LocaleState | null>(null);

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setState] = useState<Locale>(initialLocale);
  useEffect(() => persist(locale), [locale]);
  const setLocale = useCallback((next: Locale, signedIn: boolean) => {
    setState(next);
    if (signedIn)
      void api('/api/me/locale', { method: 'PUT', body: { locale: next } }).catch(() => undefined);
  }, []);
  const value = useMemo<LocaleState>(
    () => ({ locale, setLocale, tr: (key, params) => t(locale, `web.${key}`, params) }),
    [locale, setLocale],
  );
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('useLocale outside LocaleProvider');
  return state;
}

/** Translates keys of the `web` namespace in the current language. */
export function useT(): Translate {
  return useLocale().tr;
}
