// The client's own strings (strings/<locale>.json) in en, es and ar; every
// other locale shows them in English while the API's text (services, guides,
// labels) comes in that locale. The locale list mirrors locales/locales.toml
// so the picker and the text direction are right before the first answer;
// the Locales query replaces it when it arrives.
import en from './strings/en.json';
import es from './strings/es.json';
import ar from './strings/ar.json';

export type Key = keyof typeof en;
type Strings = Record<Key, string>;

const strings: Record<string, Strings> = { en, es, ar };

export interface LocaleInfo {
  code: string;
  nativeName: string;
  direction: 'LTR' | 'RTL';
}

export let LOCALES: LocaleInfo[] = [
  { code: 'en', nativeName: 'English', direction: 'LTR' },
  { code: 'es', nativeName: 'Español', direction: 'LTR' },
  { code: 'pl', nativeName: 'Polski', direction: 'LTR' },
  { code: 'zh-Hans', nativeName: '简体中文', direction: 'LTR' },
  { code: 'zh-Hant', nativeName: '繁體中文', direction: 'LTR' },
  { code: 'ar', nativeName: 'العربية', direction: 'RTL' },
  { code: 'hi', nativeName: 'हिन्दी', direction: 'LTR' },
  { code: 'ur', nativeName: 'اردو', direction: 'RTL' },
  { code: 'tl', nativeName: 'Tagalog', direction: 'LTR' },
  { code: 'ko', nativeName: '한국어', direction: 'LTR' },
  { code: 'uk', nativeName: 'Українська', direction: 'LTR' },
  { code: 'ru', nativeName: 'Русский', direction: 'LTR' },
];

export function setLocales(list: LocaleInfo[]): void {
  if (list.length) LOCALES = list;
}

let current = 'en';

export function locale(): string {
  return current;
}

export function setUILocale(code: string): void {
  current = code;
}

// hasOwnStrings: whether the client's buttons and labels exist in the locale.
export function hasOwnStrings(code: string): boolean {
  return code in strings;
}

export function direction(code: string): 'ltr' | 'rtl' {
  return LOCALES.find((l) => l.code === code)?.direction === 'RTL' ? 'rtl' : 'ltr';
}

export function t(key: Key, args?: Record<string, string | number>): string {
  const s = (strings[current] ?? en)[key] ?? en[key];
  return args ? s.replace(/\{(\w+)\}/g, (_, k: string) => String(args[k] ?? '')) : s;
}

// match picks the supported locale closest to the browser's languages.
export function match(wanted: readonly string[]): string {
  for (const w of wanted) {
    const lower = w.toLowerCase();
    const exact = LOCALES.find((l) => l.code.toLowerCase() === lower);
    if (exact) return exact.code;
    if (lower.startsWith('zh')) return /tw|hk|mo|hant/.test(lower) ? 'zh-Hant' : 'zh-Hans';
    const base = LOCALES.find((l) => l.code.toLowerCase() === lower.split('-')[0]);
    if (base) return base.code;
    if (lower.startsWith('fil')) return 'tl';
  }
  return 'en';
}

export function nameOf(code: string): string {
  return LOCALES.find((l) => l.code === code)?.nativeName ?? code;
}

export function formatDate(iso: string, withTime = true): string {
  return new Intl.DateTimeFormat(current, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(
    new Date(iso),
  );
}

export function formatTime(iso: string): string {
  const d = new Date(iso);
  const sameDay = d.toDateString() === new Date().toDateString();
  return new Intl.DateTimeFormat(current, sameDay ? { timeStyle: 'short' } : { weekday: 'short', hour: 'numeric', minute: '2-digit' }).format(d);
}
