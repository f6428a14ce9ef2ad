import { describe, expect, it } from 'vitest';
import { parseClosures } from '../../src/calendar/closures.js';
import { describeAvailability, describeContact, describeHours } from '../../src/calendar/describe.js';
import { DESKS, getDesk } from '../../src/calendar/desks.js';

const jst = (local: string): Date => new Date(`${local}+09:00`);

describe('describeAvailability', () => {
  it('says a closed desk opens on Tuesday after the 勤労感謝の日 holiday', () => {
    const now = jst('2026-11-23T10:00:00');
    expect(describeAvailability(DESKS['home-contract'], now, 'ja')).toBe(
      'ただいま受付時間外です。次の受付開始は11月24日（火）9:00 です。',
    );
    expect(describeAvailability(DESKS['home-contract'], now, 'en')).toBe(
      'The desk is closed now. It opens again on Tuesday, November 24, 9:00 (Japan time).',
    );
  });

  it('says an open desk is open, with its hours', () => {
    const now = jst('2026-11-24T10:00:00');
    expect(describeAvailability(DESKS['home-contract'], now, 'ja')).toBe(
      'ただいま受付中です（平日 9:00〜18:00）。',
    );
    expect(describeAvailability(DESKS['csps-contract'], now, 'en')).toBe(
      'The desk is open now (weekdays 9:30–12:00 and 13:00–17:00, Japan time).',
    );
  });

  it('names the year when the next opening is in the next year, honouring closures', () => {
    const text = describeAvailability(
      DESKS['home-contract'],
      jst('2026-12-28T18:30:00'),
      'ja',
      parseClosures('12-29..01-03'),
    );
    expect(text).toBe('ただいま受付時間外です。次の受付開始は2027年1月4日（月）9:00 です。');
  });

  it('never claims the web-only みえますねっと desk is open or closed', () => {
    for (const instant of [jst('2026-11-24T10:00:00'), jst('2026-11-22T03:00:00')]) {
      const ja = describeAvailability(DESKS['miemasu-web'], instant, 'ja');
      expect(ja).toContain('https://www.miemasu.net');
      expect(ja).not.toMatch(/受付中|受付時間外/);
      const en = describeAvailability(DESKS['miemasu-web'], instant, 'en');
      expect(en).not.toMatch(/\b(open now|closed now)\b/);
    }
  });
});

describe('describeHours and describeContact', () => {
  it('writes the hours as the source does', () => {
    expect(describeHours(DESKS['csps-contract'], 'ja')).toBe('平日 9:30〜12:00、13:00〜17:00');
  });

  it('lists phone and e-mail for a staffed desk and the page for a web-only desk', () => {
    expect(describeContact(DESKS['home-product'], 'ja')).toEqual([
      'HOME コンタクトセンター（HOME 製品に関するお問い合わせ）',
      '電話: 03-6631-1138（平日 9:00〜18:00）',
      'メール: home-support@canon-mj.co.jp',
    ]);
    expect(describeContact(DESKS['miemasu-web'], 'en')).toEqual([
      'Miemasu-net web site (questions about Miemasu-net)',
      'https://www.miemasu.net',
    ]);
  });

  it('getDesk lists the valid ids for an unknown one', () => {
    expect(getDesk('csps-contract').id).toBe('csps-contract');
    expect(() => getDesk('nvs')).toThrow(/home-contract, home-product, csps-contract, miemasu-web/);
  });
});
