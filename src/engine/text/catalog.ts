/**
 * Message catalogs: every user-visible string is a key with a `ja` and an `en` template.
 * Templates interpolate slot paths: `{device.name}`, `{quote.effectiveDate|date}`, `{quote.estimate|yen}`.
 */
import type { Locale } from '../turn.js';
import { formatValue, type ValueFormat } from './format.js';

export type Catalog = Readonly<Record<string, string>>;
export type Catalogs = Readonly<Record<Locale, Catalog>>;

const PLACEHOLDER =
  /\{([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)(?:\|(text|date|month|time|yen|number))?\}/g;

/** Reads `a.b.c` from nested plain objects; `undefined` when any step is missing. */
export function readPath(source: unknown, path: string): unknown {
  let current: unknown = source;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Merges catalogs; a key defined twice is an authoring error and throws with its name. */
export function mergeCatalogs(...parts: Catalogs[]): Catalogs {
  const merged: Record<Locale, Record<string, string>> = { ja: {}, en: {} };
  for (const part of parts) {
    for (const locale of ['ja', 'en'] as const) {
      for (const [key, value] of Object.entries(part[locale])) {
        if (key in merged[locale])
          throw new Error(`Message key "${key}" is defined twice for locale ${locale}.`);
        merged[locale][key] = value;
      }
    }
  }
  return merged;
}

export interface Translator {
  readonly locale: Locale;
  /** The localised message; throws on a missing key (the checker proves none is missing at load). */
  t(key: string, values?: unknown): string;
  has(key: string): boolean;
}

export function createTranslator(catalogs: Catalogs, locale: Locale): Translator {
  const catalog = catalogs[locale];
  return {
    locale,
    has: (key) => key in catalog,
    t(key, values) {
      const template = catalog[key];
      if (template === undefined) throw new Error(`Missing message "${key}" in locale ${locale}.`);
      return template.replace(PLACEHOLDER, (_match, path: string, format: ValueFormat | undefined) =>
        formatValue(readPath(values, path), format ?? 'text', locale),
      );
    },
  };
}
