/**
 * What one formatted value costs with a freshly built `Intl` formatter (as src/engine/text/format.ts does today)
 * and with a reused one, for the two formats the bench flow shows (a Japanese date and a yen amount). Evidence for
 * the profile's largest share; it measures Node's Intl, not the engine.
 */
import { msSince } from './stats.js';

const DATE_OPTIONS: Intl.DateTimeFormatOptions = {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  weekday: 'short',
};
const YEN_OPTIONS: Intl.NumberFormatOptions = { style: 'currency', currency: 'JPY' };

function perCallMicros(iterations: number, work: () => string): number {
  let sink = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) sink += work().length;
  const micros = (msSince(start) * 1000) / iterations;
  return sink > 0 ? Math.round(micros * 10) / 10 : Number.NaN;
}

export function intlCost(iterations = 2000) {
  const date = new Date(Date.UTC(2026, 11, 31, 3));
  const dateFormat = new Intl.DateTimeFormat('ja-JP', DATE_OPTIONS);
  const yenFormat = new Intl.NumberFormat('ja-JP', YEN_OPTIONS);
  return {
    dateNewFormatterMicros: perCallMicros(iterations, () =>
      new Intl.DateTimeFormat('ja-JP', DATE_OPTIONS).format(date),
    ),
    dateReusedFormatterMicros: perCallMicros(iterations, () => dateFormat.format(date)),
    yenNewFormatterMicros: perCallMicros(iterations, () =>
      new Intl.NumberFormat('ja-JP', YEN_OPTIONS).format(9900),
    ),
    yenReusedFormatterMicros: perCallMicros(iterations, () => yenFormat.format(9900)),
  };
}
