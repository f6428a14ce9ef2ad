import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/engine/core/parse-answer.js';
import { detectCommand } from '../../../src/engine/text/commands.js';
import { formatDate, formatMonth, formatYen } from '../../../src/engine/text/format.js';
import {
  inputProblem,
  MAX_INPUT_LENGTH,
  normalizeIdentifier,
  parseNumberList,
  parseOptionNumber,
  parseYesNo,
} from '../../../src/engine/text/normalize.js';

describe('identifier normalisation', () => {
  it.each([
    'ＨＭＡＯ０６１３２２',
    'hmao-061322',
    'HMAO 061322',
    'ｈｍａｏ－０６１３２２',
    'HMAO‐061322',
    'hmao—061322',
  ])('%s → HMAO061322', (raw) => {
    expect(normalizeIdentifier(raw)).toBe('HMAO061322');
  });

  it('unifies long-vowel marks and application-number hyphens', () => {
    expect(normalizeIdentifier('カメラーＯＡ')).toBe(normalizeIdentifier('カメラ-OA'));
    expect(normalizeIdentifier('r−20191015−238079')).toBe('R20191015238079');
  });

  it('is idempotent for any input', () => {
    fc.assert(
      fc.property(fc.string(), (s) => normalizeIdentifier(normalizeIdentifier(s)) === normalizeIdentifier(s)),
    );
  });
});

describe('yes/no, option numbers and lists', () => {
  it.each([
    ['はい', true],
    ['うん', true],
    ['OK', true],
    ['ｙｅｓ', true],
    ['いいえ', false],
    ['No', false],
    ['たぶん', undefined],
  ])('%s → %s', (word, expected) => {
    expect(parseYesNo(word)).toBe(expected);
  });
  it('reads option numbers in any width and with 番', () => {
    expect(parseOptionNumber('２')).toBe(2);
    expect(parseOptionNumber('3番')).toBe(3);
    expect(parseOptionNumber('No.4')).toBe(4);
    expect(parseOptionNumber('2台')).toBeUndefined();
  });
  it('reads acknowledgement lists', () => {
    expect(parseNumberList('1 2 3')).toEqual([1, 2, 3]);
    expect(parseNumberList('１、２と３')).toEqual([1, 2, 3]);
    expect(parseNumberList('全部です')).toEqual([]);
  });
});

describe('unreadable input', () => {
  it('names empty, huge and control-character input, and accepts ordinary text', () => {
    expect(inputProblem('')).toBe('empty');
    expect(inputProblem('　\t')).toBe('empty');
    expect(inputProblem('x'.repeat(MAX_INPUT_LENGTH + 1))).toBe('too-long');
    expect(inputProblem('a\u0007b')).toBe('control-characters');
    expect(inputProblem('a\u202Eb')).toBe('control-characters');
    // Lone surrogates (high or low) are ill-formed UTF-16; a well-formed pair (an emoji) is ordinary text.
    expect(inputProblem('a\uD800b')).toBe('control-characters');
    expect(inputProblem('a\uDC00b')).toBe('control-characters');
    expect(inputProblem('了解です😀')).toBeUndefined();
    expect(inputProblem('解約したい\nお願いします')).toBeUndefined();
  });
  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (s) => {
        inputProblem(s);
        detectCommand(s);
        parseYesNo(s);
        return true;
      }),
    );
  });
});

describe('global commands', () => {
  it.each([
    ['やめる', 'stop'],
    ['中止', 'stop'],
    ['キャンセル', 'stop'],
    ['やめます。', 'stop'],
    ['Stop', 'stop'],
    ['戻る', 'back'],
    ['最初から', 'restart'],
    ['ヘルプ', 'help'],
    ['オペレーター', 'human'],
    ['担当者', 'human'],
    ['人と話したい', 'human'],
    ['English', 'english'],
  ])('%s is %s', (text, command) => {
    expect(detectCommand(text)).toBe(command);
  });
  it.each(['HOMEをキャンセルしたい', 'カメラを削除したい', 'キャンセル料はかかりますか'])(
    '%s is not a command',
    (text) => {
      expect(detectCommand(text)).toBeUndefined();
    },
  );
});

describe('formatting with Intl in Japan time', () => {
  it('formats dates, months and yen in both locales', () => {
    expect(formatDate('2026-12-31', 'ja')).toBe('2026年12月31日(木)');
    expect(formatDate('2026-12-31', 'en')).toBe('Thu, 31 Dec 2026');
    expect(formatMonth('2027-01', 'ja')).toBe('2027年1月');
    expect(formatYen(13200, 'ja')).toBe('￥13,200');
    expect(formatYen(13200, 'en')).toBe('¥13,200');
  });
  it('parses calendar dates and refuses impossible ones', () => {
    expect(parseDate('２０２６年１２月３１日')).toBe('2026-12-31');
    expect(parseDate('2024/2/29')).toBe('2024-02-29');
    expect(parseDate('2026-02-29')).toBeUndefined();
  });
});
