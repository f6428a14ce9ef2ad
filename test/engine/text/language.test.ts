import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../src/engine/text/language.js';

describe('detectLanguage', () => {
  it.each([
    'カメラを削除したい',
    'HOMEを解約したいです',
    'みえますねっとの電話番号を教えて',
    'type-Mの最低利用期間は？',
    '解約理由',
    'ｶﾒﾗ',
    'HMAO061322 を解約',
  ])('%s → ja', (text) => {
    expect(detectLanguage(text)).toBe('ja');
  });

  it.each([
    'Do I get a refund if I delete my camera?',
    'help',
    'cancel my HOME contract',
    'when does the cancellation take effect',
    "what's the number for uniFLOW?",
    'i forgot my pasword',
  ])('%s → en', (text) => {
    expect(detectLanguage(text)).toBe('en');
  });

  it.each([
    'OK',
    'ok',
    'hello',
    'Hi',
    'thanks',
    'yes',
    'no',
    '1',
    '1 2 3',
    'HMAO061322',
    'R-20191015-238079',
    'type-M',
    'CameraOA',
    'not-an-email',
    'kannon@kannon-do.com',
    'https://www.miemasu.net',
    'HOME',
    'uniFLOW Online',
    '123456',
    '解',
    '👍',
    '',
  ])('%s → undefined (says nothing about the language)', (text) => {
    expect(detectLanguage(text)).toBeUndefined();
  });
});
