import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('defaults to the embedded setup', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3978,
      STORE: 'sqlite',
      CONVERSATION_IDLE_HOURS: 24,
      BOT_CLOSURES: '',
    });
    expect(config.BACKEND_URL).toBeUndefined();
  });

  it('names every wrong variable in one message, without echoing a Redis URL', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', STORE: 'mongo', BOT_NOW: 'yesterday' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT');
    expect(message).toContain('"abc"');
    expect(message).toContain('STORE');
    expect(message).toContain('BOT_NOW');
    expect(() => loadConfig({ STORE: 'redis' })).toThrow(/REDIS_URL is required when STORE=redis/);
    expect(() => loadConfig({ STORE: 'redis', REDIS_URL: 'http://user:secret@host' })).toThrow(/<redacted>/);
  });

  it('treats empty variables as unset, as .env files write them', () => {
    expect(loadConfig({ BACKEND_URL: '', PORT: '' }).PORT).toBe(3978);
  });
});
