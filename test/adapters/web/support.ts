/**
 * The web chat over real HTTP for tests: the full bot (test/support/channel-bot.ts) behind `createWebChannel`,
 * served on 127.0.0.1:0, a cookie-keeping client per browser, and every Turn the engine received.
 */
import { createWebChannel, type WebOptions } from '../../../adapters/web/channel.js';
import type { ReceiptReader } from '../../../adapters/web/receipts.js';
import type { Entry } from '../../../adapters/web/transcript.js';
import type { Channel, ChannelContext } from '../../../src/channels/channel.js';
import type { Config } from '../../../src/config.js';
import type { Turn } from '../../../src/engine/turn.js';
import { type Served, serve } from '../../../src/http/serve.js';
import { type ChannelTestBot, createChannelTestBot } from '../../support/channel-bot.js';

/** Answers any well-formed id: which ids a session may see is the channel's decision, tested here. */
export const fakeReceipts: ReceiptReader = {
  async read(id, locale) {
    return {
      id,
      title: locale === 'ja' ? `【お手続きの控え】控え番号 ${id}` : `Receipt no. ${id}`,
      lines: ['お手続き: 機器の削除（解約）'],
      json: { receiptId: id },
    };
  },
};

export interface WebResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  json: T;
  text: string;
}

export interface TurnAnswer {
  locale: 'ja' | 'en';
  entries: Entry[];
  duplicate?: boolean;
  error?: string;
  message?: string;
}

export interface History {
  locale: 'ja' | 'en';
  demo: boolean;
  signedIn: boolean;
  signedInAs?: string;
  entries: Entry[];
  /** `live` / `request` while messages from a person may arrive outside turns. */
  handoff?: string;
  /** Where the page's event stream starts (with live desk). */
  events?: string;
}

/** One browser: keeps the session cookie between requests. */
export class WebClient {
  cookie: string | undefined;
  lastSetCookie: string | undefined;

  constructor(readonly baseUrl: string) {}

  async request<T = Record<string, unknown>>(
    path: string,
    init: { method?: string; body?: string; headers?: Record<string, string> } = {},
  ): Promise<WebResponse<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: { ...(this.cookie ? { cookie: this.cookie } : {}), ...init.headers },
      ...(init.body !== undefined ? { body: init.body } : {}),
      redirect: 'manual',
    });
    const setCookie = response.headers.getSetCookie()[0];
    if (setCookie) {
      this.lastSetCookie = setCookie;
      this.cookie = setCookie.split(';')[0];
    }
    const text = await response.text();
    let json = {} as T;
    if ((response.headers.get('content-type') ?? '').includes('json') && text !== '')
      json = JSON.parse(text) as T;
    return { status: response.status, headers: response.headers, json, text };
  }

  post<T = Record<string, unknown>>(path: string, body: unknown, headers: Record<string, string> = {}) {
    return this.request<T>(path, {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
    });
  }

  async turn(input: Record<string, unknown>, id?: string): Promise<WebResponse<TurnAnswer>> {
    return this.post<TurnAnswer>('/chat/api/turn', { input, ...(id ? { id } : {}) });
  }

  async history(): Promise<History> {
    const response = await this.request<History>('/chat/api/history');
    if (response.status !== 200) throw new Error(`history answered ${response.status}: ${response.text}`);
    return response.json;
  }
}

export interface WebHarness {
  testBot: ChannelTestBot;
  channel: Channel;
  served: Served;
  url: string;
  /** Every Turn the engine received through the channel, in order. */
  turns: Turn[];
  context: ChannelContext;
  client(): WebClient;
  /** A new channel instance (a restart) on the same bot and configuration; the old one is closed. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startWeb(
  options: { web?: Partial<WebOptions>; config?: Partial<Config>; env?: Record<string, string> } = {},
): Promise<WebHarness> {
  const testBot = await createChannelTestBot(options.env);
  const turns: Turn[] = [];
  const engine = testBot.context.pipeline.engine;
  const context: ChannelContext = {
    ...testBot.context,
    config: { ...testBot.config, ...options.config },
    pipeline: testBot.context.pipeline.with({
      engine: {
        ...engine,
        handle(turn) {
          turns.push(turn);
          return engine.handle(turn);
        },
      },
    }),
  };
  const webOptions: WebOptions = {
    demo: false,
    receipts: fakeReceipts,
    now: () => testBot.clock.now(),
    ...options.web,
  };
  let channel = await createWebChannel(context, webOptions);
  let served = await serve(channel.routes, { host: '127.0.0.1', port: 0 });
  const harness: WebHarness = {
    testBot,
    get channel() {
      return channel;
    },
    get served() {
      return served;
    },
    get url() {
      return served.url;
    },
    turns,
    context,
    client: () => new WebClient(served.url),
    async restart() {
      const port = Number(new URL(served.url).port);
      await served.close();
      await channel.close();
      channel = await createWebChannel(context, webOptions);
      served = await serve(channel.routes, { host: '127.0.0.1', port });
    },
    async close() {
      await served.close();
      await channel.close();
      await testBot.close();
    },
  };
  return harness;
}

/** The bot entries' texts, joined, for `toContain` checks. */
export function botText(entries: readonly Entry[]): string {
  return entries.map((entry) => (entry.from === 'bot' ? entry.reply.text : '')).join('\n');
}

/** The last bot reply among the entries (the current question). */
export function lastReply(entries: readonly Entry[]) {
  const reply = entries.filter((entry) => entry.from === 'bot').at(-1);
  if (reply?.from !== 'bot') throw new Error('no bot reply');
  return reply.reply;
}
