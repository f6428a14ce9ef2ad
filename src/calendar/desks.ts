/**
 * The contact desks a conversation can hand off to, as data, exactly as the source documents give them.
 *
 * Canon (csps guide, last page): the HOME contact center for applications and for products, weekdays
 * 9:00–18:00; the ソリューションサービス契約センター for Therefore / uniFLOW applications, weekdays 9:30–12:00 and
 * 13:00–17:00. Panasonic みえますねっと: the source gives no phone number and no hours, only web pages, so that desk
 * is a web page whose hours are unknown — the bot never claims it is open or closed.
 */
import type { Locale } from '../engine/turn.js';

/** One daily opening window in Japan time, in minutes after midnight: open for `start <= t < end`. */
export interface TimeWindow {
  start: number;
  end: number;
}

interface DeskBase {
  id: string;
  name: Record<Locale, string>;
  /** What the desk handles, one short phrase. */
  topic: Record<Locale, string>;
}

/** A desk with people on the phone during known hours on business days (see `isBusinessDay`). */
export interface StaffedDesk extends DeskBase {
  kind: 'staffed';
  phone: string;
  email: string;
  /** Non-overlapping, ascending windows; the same on every business day. */
  windows: readonly TimeWindow[];
}

/** A desk known only by its web page: hours unknown, so availability is never stated. */
export interface WebOnlyDesk extends DeskBase {
  kind: 'web-only';
  url: string;
}

export type Desk = StaffedDesk | WebOnlyDesk;

/** Builds a window from `H:MM` strings, e.g. `timeWindow('9:30', '12:00')`. */
export function timeWindow(start: string, end: string): TimeWindow {
  return { start: parseClock(start), end: parseClock(end) };
}

function parseClock(text: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || hours > 24 || minutes > 59) throw new Error(`"${text}" is not a time of day like 9:30.`);
  return hours * 60 + minutes;
}

const HOME_EMAIL = 'home-support@canon-mj.co.jp';

export const DESKS = {
  'home-contract': {
    kind: 'staffed',
    id: 'home-contract',
    name: { ja: 'HOME コンタクトセンター', en: 'HOME Contact Center' },
    topic: { ja: 'HOME のお申込みに関するお問い合わせ', en: 'questions about HOME applications' },
    phone: '03-6631-2540',
    email: HOME_EMAIL,
    windows: [timeWindow('9:00', '18:00')],
  },
  'home-product': {
    kind: 'staffed',
    id: 'home-product',
    name: { ja: 'HOME コンタクトセンター', en: 'HOME Contact Center' },
    topic: { ja: 'HOME 製品に関するお問い合わせ', en: 'questions about HOME products' },
    phone: '03-6631-1138',
    email: HOME_EMAIL,
    windows: [timeWindow('9:00', '18:00')],
  },
  'csps-contract': {
    kind: 'staffed',
    id: 'csps-contract',
    name: { ja: 'ソリューションサービス契約センター', en: 'Solution Service Contract Center' },
    topic: {
      ja: 'Therefore / uniFLOW のお申込みに関するお問い合わせ',
      en: 'questions about Therefore / uniFLOW applications',
    },
    phone: '03-6719-9532',
    email: 'contract-csps@canon-mj.co.jp',
    windows: [timeWindow('9:30', '12:00'), timeWindow('13:00', '17:00')],
  },
  // The guide names no phone number or support desk, only pages of the 「みえますねっと」 web site; the one it
  // gives for the site itself is the login site (www.miemasu.net). No other address is made up.
  'miemasu-web': {
    kind: 'web-only',
    id: 'miemasu-web',
    name: { ja: '「みえますねっと」WEBサイト', en: 'Miemasu-net web site' },
    topic: { ja: '「みえますねっと」に関するお問い合わせ', en: 'questions about Miemasu-net' },
    url: 'https://www.miemasu.net',
  },
} as const satisfies Record<string, Desk>;

export type DeskId = keyof typeof DESKS;

/** Looks a desk up by id; the error lists the valid ids. */
export function getDesk(id: string): Desk {
  if (Object.hasOwn(DESKS, id)) return DESKS[id as DeskId];
  throw new Error(`Unknown desk "${id}". Valid desks: ${Object.keys(DESKS).join(', ')}.`);
}
