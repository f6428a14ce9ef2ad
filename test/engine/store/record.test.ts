import { describe, expect, it } from 'vitest';
import {
  DEFAULT_NAMESPACE,
  decodeRecord,
  encodeRecord,
  isExpired,
  resolveOptions,
  storageKey,
} from '../../../src/engine/store/record.js';

describe('record format', () => {
  it('encodes in keyv layout and decodes back', () => {
    const raw = encodeRecord({ a: 'あ' }, 3, 1_000);
    expect(JSON.parse(raw)).toEqual({ value: { value: { a: 'あ' }, version: 3 }, expires: 1_000 });
    expect(decodeRecord(raw, 1_000)).toEqual({ value: { a: 'あ' }, version: 3 });
    expect(decodeRecord(JSON.parse(raw), 999)).toEqual({ value: { a: 'あ' }, version: 3 });
  });

  it('omits expires when none is given, and such a record never expires', () => {
    const raw = encodeRecord('v', 1);
    expect(JSON.parse(raw)).toEqual({ value: { value: 'v', version: 1 } });
    expect(decodeRecord(raw, Number.MAX_SAFE_INTEGER)).toEqual({ value: 'v', version: 1 });
  });

  it('follows keyv: expired only once the clock is past expires', () => {
    expect(isExpired(1_000, 1_000)).toBe(false);
    expect(isExpired(1_000, 1_001)).toBe(true);
    expect(isExpired(undefined, 1_001)).toBe(false);
    expect(decodeRecord(encodeRecord('v', 1, 1_000), 1_001)).toBeUndefined();
  });

  it('reads absent, malformed or foreign data as absent', () => {
    for (const raw of [
      undefined,
      null,
      '',
      'not json',
      '{"value":"plain keyv value"}',
      '{"value":{"version":0,"value":1}}',
      '[1]',
    ]) {
      expect(decodeRecord(raw, 0)).toBeUndefined();
    }
  });
});

describe('resolveOptions and storageKey', () => {
  it('defaults the namespace and prefixes keys with it', () => {
    expect(resolveOptions({ ttlMs: 5 })).toEqual({ namespace: DEFAULT_NAMESPACE, ttlMs: 5 });
    expect(storageKey('chat', 'slack:T1:C1')).toBe('chat:slack:T1:C1');
  });

  it('refuses namespaces that could collide through ":" and empty ones', () => {
    expect(() => resolveOptions({ ttlMs: 5, namespace: 'a:b' })).toThrow(/without ":"/);
    expect(() => resolveOptions({ ttlMs: 5, namespace: '' })).toThrow(/non-empty/);
  });
});
