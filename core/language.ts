export const LANGUAGES = ['nb', 'nn', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = 'nb';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Maps a channel locale ("nb-NO", "no", "nn", "en-US", "en-GB") to one of our languages. */
export function langFromLocale(locale: string | undefined | null): Lang {
  const tag = (locale ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  if (tag === 'nn') return 'nn';
  if (tag === 'en') return 'en';
  return DEFAULT_LANG;
}
