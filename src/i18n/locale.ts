/**
 * The two UI languages, how a `lang` attribute selects one, and the Intl locale each formats
 * numbers, dates and units with (the only place that maps a UI language to an Intl tag).
 */
export type Locale = 'en' | 'zh';

/** `zh`, `zh-CN`, `zh-Hans`, `zh-SG` … read Simplified Chinese; everything else English. */
export function localeFromLang(lang: string | null | undefined): Locale {
  return lang && /^zh(?=$|[-_])(?![-_](hant|tw|hk|mo)\b)/i.test(lang.trim()) ? 'zh' : 'en';
}

const INTL_TAGS: Readonly<Record<Locale, string>> = { en: 'en', zh: 'zh-CN' };

/** The Intl locale tag of a UI language. */
export function intlLocale(locale: Locale): string {
  return INTL_TAGS[locale];
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();

/** A count as the language writes it ("1,500"); one formatter per language, made on first use. */
export function formatNumber(value: number, locale: Locale): string {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(intlLocale(locale))));
  return format.format(value);
}

/** `formatNumber` in each language, for the message tables. */
export const enNumber = (value: number): string => formatNumber(value, 'en');
export const zhNumber = (value: number): string => formatNumber(value, 'zh');
