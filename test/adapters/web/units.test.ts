/** The web chat's small pieces: transcript masking and bounds, the rate window, CSP sources, echoes, locks. */
import { describe, expect, it } from 'vitest';
import { checkFrameAncestors } from '../../../adapters/web/http.js';
import { echoOf } from '../../../adapters/web/input.js';
import { KeyedLocks } from '../../../adapters/web/locks.js';
import { type Entry, maskForTranscript, Transcripts } from '../../../adapters/web/transcript.js';
import { slidingWindow } from '../../../src/channels/rate-limit.js';
import { createMemoryStore } from '../../../src/engine/store/memory.js';

describe('maskForTranscript', () => {
  it('masks a bare one-time code and e-mail local parts, keeps everything else', () => {
    expect(maskForTranscript(' 123456 ')).toBe('••••••');
    expect(maskForTranscript('portal@example.com')).toBe('p•••@example.com');
    expect(maskForTranscript('連絡先は taro.y@mail.example.co.jp です')).toBe(
      '連絡先は t•••@mail.example.co.jp です',
    );
    expect(maskForTranscript('HMMH061530 を解約したい')).toBe('HMMH061530 を解約したい');
    expect(maskForTranscript('2027年3月')).toBe('2027年3月');
  });
});

describe('Transcripts', () => {
  it('numbers entries and keeps only the newest up to the limit', async () => {
    const transcripts = new Transcripts(createMemoryStore<Entry[]>({ ttlMs: 60_000 }), 5);
    const at = new Date('2026-11-23T01:00:00Z');
    for (let i = 1; i <= 4; i += 1) {
      await transcripts.append(
        's1',
        [
          { from: 'user', text: `u${i}` },
          { from: 'user', text: `v${i}` },
        ],
        at,
      );
    }
    const kept = await transcripts.read('s1');
    expect(kept.map((e) => e.seq)).toEqual([4, 5, 6, 7, 8]);
    expect(kept.map((e) => (e.from === 'user' ? e.text : ''))).toEqual(['v2', 'u3', 'v3', 'u4', 'v4']);
    expect(await transcripts.read('other')).toEqual([]);
  });

  it('never gives one number twice when two writers append to one session at once (two instances)', async () => {
    const store = createMemoryStore<Entry[]>({ ttlMs: 60_000 });
    const slow: typeof store = {
      ...store,
      // Both writers read the same transcript before either writes: the loser must re-read, not overwrite.
      get: async (key) => {
        const value = await store.get(key);
        await new Promise((resolve) => setTimeout(resolve, 10));
        return value;
      },
    };
    const a = new Transcripts(slow);
    const b = new Transcripts(slow);
    const at = new Date('2026-11-23T01:00:00Z');
    await Promise.all([
      a.append('s1', [{ from: 'user', text: 'turn on A' }], at),
      b.append('s1', [{ from: 'user', text: 'agent message via B' }], at),
    ]);
    const kept = await a.read('s1');
    expect(kept.map((e) => e.seq)).toEqual([1, 2]);
    expect(kept.map((e) => (e.from === 'user' ? e.text : '')).sort()).toEqual([
      'agent message via B',
      'turn on A',
    ]);
  });
});

describe('slidingWindow', () => {
  it('admits max hits per window, then tells how long to wait; the window slides', async () => {
    let now = 0;
    const limiter = slidingWindow({ max: 2, windowMs: 10_000 }, () => now);
    expect(await limiter.take('a')).toEqual({ ok: true });
    now = 4_000;
    expect(await limiter.take('a')).toEqual({ ok: true });
    now = 5_000;
    expect(await limiter.take('a')).toEqual({ ok: false, retryAfterMs: 5_000 });
    expect(await limiter.take('b')).toEqual({ ok: true });
    now = 10_001;
    expect(await limiter.take('a')).toEqual({ ok: true });
    expect(await limiter.take('a')).toEqual({ ok: false, retryAfterMs: 3_999 });
  });
});

describe('checkFrameAncestors', () => {
  it('accepts keywords and origins, refuses anything that could add a directive', () => {
    expect(checkFrameAncestors("'self'  https://support.example.com")).toBe(
      "'self' https://support.example.com",
    );
    expect(checkFrameAncestors('https://*.example.com:8443')).toBe('https://*.example.com:8443');
    expect(() => checkFrameAncestors("'self'; script-src *")).toThrow(/frame-ancestors/);
    expect(() => checkFrameAncestors("'unsafe-inline'")).toThrow(/frame-ancestors/);
  });
});

describe('echoOf', () => {
  const shown: Entry[] = [
    {
      seq: 1,
      at: '',
      from: 'bot',
      reply: {
        text: 'q',
        tone: 'info',
        stateVersion: 7,
        choices: [{ id: 'a', label: 'はい', style: 'default' }],
      },
    },
  ];
  it('shows the label of the button pressed on the reply it was rendered from', () => {
    expect(echoOf({ kind: 'choice', choiceId: 'a', stateVersion: 7 }, shown, 'ja')).toBe('はい');
    expect(echoOf({ kind: 'choice', choiceId: 'a', stateVersion: 6 }, shown, 'ja')).toBe('a');
  });
  it('summarises acknowledgements, masks text and says nothing for a bare entry point', () => {
    expect(echoOf({ kind: 'acknowledge', ackIds: ['x', 'y'], stateVersion: 7 }, shown, 'ja')).toBe(
      '✓ 2件の項目を確認しました',
    );
    expect(echoOf({ kind: 'acknowledge', ackIds: ['x'], stateVersion: 7 }, shown, 'en')).toBe(
      '✓ Acknowledged 1 item',
    );
    expect(echoOf({ kind: 'text', text: '654321' }, shown, 'ja')).toBe('••••••');
    expect(echoOf({ kind: 'start', dialogId: 'menu' }, shown, 'ja')).toBeUndefined();
    expect(echoOf({ kind: 'locale', locale: 'en' }, shown, 'ja')).toBe('English');
  });
});

describe('KeyedLocks', () => {
  it('runs tasks of one key in order, even when one fails, and other keys freely', async () => {
    const locks = new KeyedLocks();
    const order: string[] = [];
    const slow = locks.run('k', async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push('k1');
      throw new Error('boom');
    });
    const next = locks.run('k', async () => {
      order.push('k2');
      return 2;
    });
    const other = locks.run('j', async () => {
      order.push('j1');
    });
    await expect(slow).rejects.toThrow('boom');
    expect(await next).toBe(2);
    await other;
    expect(order).toEqual(['j1', 'k1', 'k2']);
  });
});
