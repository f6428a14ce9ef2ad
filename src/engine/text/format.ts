/**
 * Locale-aware formatting of slot values with `Intl`, always in Japan time for dates.
 * Dates arrive as `YYYY-MM-DD`, months as `YYYY-MM`, instants as ISO strings.
 */
import type { Locale } from '../turn.js';

export type ValueFormat = 'text' | 'date' | 'month' | 'yen' | 'number';

const TZ = 'Asia/Tokyo';

function dateFromCalendar(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!match) return undefined;
  // Noon UTC keeps the calendar day the same in Asia/Tokyo.
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3] ?? '1'), 3));
}

export function formatDate(value: string, locale: Locale): string {
  const date = dateFromCalendar(value) ?? new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const intlLocale = locale === 'ja' ? 'ja-JP' : 'en-GB';
  return new Intl.DateTimeFormat(intlLocale, {
    timeZone: TZ,
    year: 'numeric',
    month: locale === 'ja' ? 'long' : 'short',
    day: 'numeric',
    weekday: 'short',
  }).format(date);
}

export function formatMonth(value: string, locale: Locale): string {
  const date = dateFromCalendar(value);
  if (!date) return value;
  return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: TZ,
    year: 'numeric',
    month: 'long',
  }).format(date);
}

export function formatYen(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
    style: 'currency',
    currency: 'JPY',
  }).format(value);
}

export function formatValue(value: unknown, format: ValueFormat, locale: Locale): string {
  if (value === undefined || value === null) return '—';
  switch (format) {
    case 'date':
      return formatDate(String(value), locale);
    case 'month':
      return formatMonth(String(value), locale);
    case 'yen':
      return typeof value === 'number' ? formatYen(value, locale) : String(value);
    case 'number':
      return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : String(value);
    case 'text':
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}
