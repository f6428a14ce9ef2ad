/**
 * The web chat as a {@link ScreenRig}: the real web channel (adapters/web, served on 127.0.0.1:0) over a
 * {@link FuzzBot}, one browser (cookie kept). What the user sees is the reply entries `POST /chat/api/turn`
 * answered; what they do is what the page sends (app.js): `{ id, input }` with a fresh request id per submission,
 * a button's choice id and the version of the reply it was rendered in, the ticked items with the reply's
 * version, the typed phrase, the language switch. A redelivery is the same request (same id) sent again, as the
 * page's retry does: it must be answered `duplicate` with nothing new.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { createWebChannel } from '../../../adapters/web/channel.js';
import type { Entry } from '../../../adapters/web/transcript.js';
import type { Channel } from '../../../src/channels/channel.js';
import type { Reply } from '../../../src/engine/turn.js';
import { type Served, serve } from '../../../src/http/serve.js';
import { type TurnAnswer, WebClient } from '../../adapters/web/support.js';
import type { Abilities, Act, Button, ScreenRig, Shown } from './channel-screen.js';
import { createFuzzBot } from './fuzz-bot.js';

function shownOf(entry: Entry & { from: 'bot' }): Shown {
  const reply: Reply = entry.reply;
  const v = reply.stateVersion;
  const buttons: Button[] = (reply.choices ?? []).map((c) => ({ kind: 'choice', id: c.id, version: v }));
  const acks = (reply.acknowledgements ?? []).map((a) => a.id);
  // The page renders the checkboxes with one submit, and the typed phrase's box with its own.
  if (acks.length > 0) buttons.push({ kind: 'ack', id: '', version: v });
  if (reply.typedConfirmation !== undefined) buttons.push({ kind: 'typed', id: '', version: v });
  return {
    id: String(entry.seq),
    text: reply.text,
    buttons,
    acks,
    typedConfirmation: reply.typedConfirmation,
  };
}

function inputOf(act: Act): Record<string, unknown> {
  switch (act.kind) {
    case 'text':
      return { kind: 'text', text: act.text };
    case 'start':
      return { kind: 'start', dialogId: act.dialogId };
    case 'locale':
      return { kind: 'locale', locale: act.locale };
    case 'press': {
      const { button } = act;
      const stateVersion = button.version ?? -1;
      if (button.kind === 'ack') return { kind: 'acknowledge', ackIds: [...act.ticks], stateVersion };
      if (button.kind === 'typed') return { kind: 'typed', text: act.typed ?? '', stateVersion };
      if (button.kind === 'start') return { kind: 'start', dialogId: button.id };
      return { kind: 'choice', choiceId: button.id, stateVersion };
    }
  }
}

const requestId = () => randomUUID().replace(/-/g, '');

/** The page: buttons, the language switch, entry points (`start`), retried and double-sent requests. */
export const WEB_ABILITIES: Abilities = { languageSwitch: true, entryPoints: true, deliveries: true };

export async function startWebRig(): Promise<ScreenRig> {
  const bot = await createFuzzBot();
  const channel: Channel = await createWebChannel(bot.context, {
    demo: false,
    receipts: bot.context.receipts,
    now: () => bot.clock.now(),
    rateLimit: { max: 1_000_000, windowMs: 1_000 },
  });
  const served: Served = await serve(channel.routes, { host: '127.0.0.1', port: 0 });
  const browser = new WebClient(served.url);
  let last: { id: string; input: Record<string, unknown> } | undefined;

  const post = async (body: { id: string; input: Record<string, unknown> }): Promise<TurnAnswer> => {
    const response = await browser.post<TurnAnswer>('/chat/api/turn', body);
    expect(response.status, `web turn answered ${response.status}: ${response.text}`).toBe(200);
    return response.json;
  };
  const botEntries = (answers: TurnAnswer[]) =>
    answers.flatMap((a) => a.entries).flatMap((e) => (e.from === 'bot' ? [shownOf(e)] : []));

  return {
    channel: 'web',
    bot,
    get conversationKey() {
      return bot.turns.at(-1)?.turn.conversationKey ?? '';
    },
    abilities: WEB_ABILITIES,
    async deliver(act, copies) {
      const input = inputOf(act);
      const bodies = Array.from({ length: copies }, () => ({ id: requestId(), input }));
      // A double press needs a question on screen, so the session cookie is already set: one session.
      const answers = await Promise.all(bodies.map(post));
      last = bodies.at(-1);
      return botEntries(answers);
    },
    async redeliver() {
      if (!last) return undefined;
      const answer = await post(last);
      expect(answer.duplicate, 'a retried web request was not recognised').toBe(true);
      return botEntries([answer]);
    },
    assertClean() {
      expect(bot.errors).toEqual([]);
    },
    async close() {
      await served.close();
      await channel.close();
      await bot.close();
    },
  };
}
