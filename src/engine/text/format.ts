/**
 * Locale-aware formatting of slot values with `Intl`, always in Japan time for dates.
 * Dates arrive as `YYYY-MM-DD`, months as `YYYY-MM`, instants as ISO strings.
 */
import type { Locale } from '../turn.js';

export type ValueFormat = 'text' | 'date' | 'month' | 'time' | 'yen' | 'number';

const TZ = 'Asia/Tokyo';

/**
 * One formatter per locale and kind, built on first use: constructing an `Intl` formatter costs ~50× a format
 * call and was the largest share of an engine turn's CPU (bench/RESULTS.md).
 */
function cached<F>(build: (locale: Locale) => F): (locale: Locale) => F {
  const byLocale = new Map<Locale, F>();
  return (locale) => {
    let formatter = byLocale.get(locale);
    if (!formatter) {
      formatter = build(locale);
      byLocale.set(locale, formatter);
    }
    return formatter;
  };
}

const dateFormat = cached(
  (locale) =>
    new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
      timeZone: TZ,
      year: 'numeric',
      month: locale === 'ja' ? 'long' : 'short',
      day: 'numeric',
      weekday: 'short',
    }),
);
const monthFormat = cached(
  (locale) =>
    new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
      timeZone: TZ,
      year: 'numeric',
      month: 'long',
    }),
);
const timeFormat = cached(
  (locale) =>
    new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
      timeZone: TZ,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }),
);
const yenFormat = cached(
  (locale) =>
    new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-US', { style: 'currency', currency: 'JPY' }),
);
const numberFormat = cached((locale) => new Intl.NumberFormat(locale));

function dateFromCalendar(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!match) return undefined;
  // Noon UTC keeps the calendar day the same in Asia/Tokyo.
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3] ?? '1'), 3));
}

export function formatDate(value: string, locale: Locale): string {
  const date = dateFromCalendar(value) ?? new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return dateFormat(locale).format(date);
}

export function formatMonth(value: string, locale: Locale): string {
  const date = dateFromCalendar(value);
  if (!date) return value;
  return monthFormat(locale).format(date);
}

/** An instant's time of day in Japan, e.g. `10:10` (`10:10 JST` in English). */
export function formatTime(value: string, locale: Locale): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const time = timeFormat(locale).format(date);
  return locale === 'ja' ? time : `${time} JST`;
}

export function formatYen(value: number, locale: Locale): string {
  return yenFormat(locale).format(value);
}

export function formatValue(value: unknown, format: ValueFormat, locale: Locale): string {
  if (value === undefined || value === null) return '—';
  switch (format) {
    case 'date':
      return formatDate(String(value), locale);
    case 'month':
      return formatMonth(String(value), locale);
    case 'time':
      return formatTime(String(value), locale);
    case 'yen':
      return typeof value === 'number' ? formatYen(value, locale) : String(value);
    case 'number':
      return typeof value === 'number' ? numberFormat(locale).format(value) : String(value);
    case 'text':
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}
