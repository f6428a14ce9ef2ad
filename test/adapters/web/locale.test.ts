/** The page's language switch: the engine's own language command, the session's locale, the page's `lang`. */
import { afterEach, describe, expect, it } from 'vitest';
import { botText, startWeb, type WebHarness } from './support.js';

let web: WebHarness | undefined;
afterEach(async () => {
  await web?.close();
  web = undefined;
});

describe('web chat: language', () => {
  it('Japanese by default; the switch turns the conversation, the session and the page to English', async () => {
    web = await startWeb();
    const client = web.client();
    const menu = await client.turn({ kind: 'start', dialogId: 'menu' });
    expect(menu.json.locale).toBe('ja');
    expect(botText(menu.json.entries)).toContain('ご用件をお選びください');

    const switched = await client.turn({ kind: 'locale', locale: 'en' });
    expect(switched.json.locale).toBe('en');
    expect(web.turns.at(-1)).toMatchObject({ locale: 'en', input: { kind: 'text', text: 'English' } });
    expect(botText(switched.json.entries)).toMatch(/[A-Za-z]{4,}/);
    expect(botText(switched.json.entries)).not.toContain('ご用件をお選びください');
    expect((await client.history()).locale).toBe('en');
    expect((await client.request('/')).text).toContain('<html lang="en">');
    expect((await web.client().request('/')).text).toContain('<html lang="ja">');
    const problem = await client.turn({ kind: 'text', text: 'x'.repeat(1001) });
    expect(problem.json.message).toContain('too long');
  });

  it('a new session may ask for English with ?lang=en', async () => {
    web = await startWeb();
    const client = web.client();
    expect((await client.request<{ locale: string }>('/chat/api/history?lang=en')).json.locale).toBe('en');
    await client.turn({ kind: 'start', dialogId: 'menu' });
    expect(web.turns.at(-1)?.locale).toBe('en');
  });
});
