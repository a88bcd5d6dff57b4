// Texts are English msgids marked with t() / nt(); locales/*.po translate them (Russian by default).
// After changing a text: `npm run i18n:extract`, translate the new entries in locales/ru.po.
import catalogs from "virtual:catalogs";

export type Locale = "ru" | "en";
export const DEFAULT_LOCALE: Locale = "ru";

let current: Locale = DEFAULT_LOCALE;
let plurals = new Intl.PluralRules(current);

export function setLocale(locale: Locale): void {
  current = locale;
  plurals = new Intl.PluralRules(locale);
  document.documentElement.lang = locale;
}

export function locale(): Locale {
  return current;
}

/** "en…" is English, everything else the default (Russian): as the bot decides for new users. */
export function localeOf(code: string | null | undefined): Locale {
  return (code || "").toLowerCase().startsWith("en") ? "en" : DEFAULT_LOCALE;
}

type Values = Record<string, string | number>;

function fill(text: string, values?: Values): string {
  return values ? text.replace(/\{(\w+)\}/g, (all, name) => (name in values ? String(values[name]) : all)) : text;
}

export function t(msgid: string, values?: Values): string {
  const found = catalogs[current]?.[msgid];
  return fill(typeof found === "string" ? found : msgid, values);
}

// gettext's plural form index for the language: ru one/few/many -> 0/1/2, en one/other -> 0/1.
const FORM_INDEX: Record<Locale, Record<string, number>> = {
  ru: { one: 0, few: 1, many: 2, other: 2 },
  en: { one: 0, other: 1 },
};

export function nt(singular: string, plural: string, n: number, values?: Values): string {
  const found = catalogs[current]?.[singular];
  const index = FORM_INDEX[current][plurals.select(n)] ?? 0;
  const text = Array.isArray(found) && found[index] ? found[index] : n === 1 ? singular : plural;
  return fill(text, { n, ...values });
}

export function formatNumber(value: number, digits = 0): string {
  return value.toLocaleString(current, { maximumFractionDigits: digits });
}

export function formatPercent(fraction: number): string {
  return Math.round(fraction * 100) + "%";
}
