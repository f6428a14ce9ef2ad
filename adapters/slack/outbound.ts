/**
 * Shows the engine's replies in a Slack conversation and takes the buttons off questions that are over.
 *
 * Per place (a direct message or a thread, per user) the adapter remembers the last question it posted. Whenever
 * the engine answers a turn there (a click, typed text, an entry point), the pressed message and that question
 * are over: the engine has moved on, or shows the question again as a new message. They are updated in place
 * (`chat.update`): same text, no buttons, checkboxes or inputs, and a short context line — "answered: <label>"
 * when the pressed button belonged to the current question, "continued below" otherwise (an older message, or a
 * question answered by typing). A message already closed is left as it is, so a late click on an old copy never
 * rewrites what was answered. A turn the engine answers with nothing (a platform retry) changes nothing. The last
 * question per place is kept in `OpenQuestions` (open-questions.ts: memory, or the configured store so it
 * survives a restart and is shared by instances); a lost entry only means an old message keeps its buttons, which
 * the engine then refuses as stale.
 */
import type { Reply } from '../../src/engine/turn.js';
import { BLOCK_IDS } from './actions.js';
import type { SlackApi } from './api.js';
import { MAX_REMEMBERED, memoryQuestions, type OpenQuestions } from './open-questions.js';
import { conversationKeyOf, type SlackPlace } from './place.js';
import { closeBlocks, groupReplies, isInteractive, renderReplies } from './render.js';
import { localeOfText, slackTexts } from './texts.js';

/** The message a pressed button was on, as the action payload describes it. */
export interface ClickedMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[];
  /** The pressed button's caption. */
  label: string;
}

function isClosed(blocks: readonly unknown[]): boolean {
  return blocks.some(
    (block) =>
      typeof block === 'object' &&
      block !== null &&
      (block as { block_id?: unknown }).block_id === BLOCK_IDS.answered,
  );
}

export class Outbound {
  /** Messages this process has closed (`channel:ts`), so a second click on the same copy leaves it as closed. */
  readonly #closed = new Set<string>();

  constructor(
    private readonly api: SlackApi,
    private readonly onError: (error: unknown, phase: string) => void,
    private readonly questions: OpenQuestions = memoryQuestions(),
  ) {}

  /** Posts `replies` in `place` (in order, grouped as {@link groupReplies}), after closing what they supersede. */
  async show(place: SlackPlace, replies: readonly Reply[], clicked?: ClickedMessage): Promise<void> {
    if (replies.length === 0) return;
    const key = conversationKeyOf(place);
    const current = await this.questions.take(key).catch((error: unknown) => {
      this.onError(error, 'open questions');
      return undefined;
    });

    if (clicked && !isClosed(clicked.blocks) && !this.#closed.has(`${clicked.channel}:${clicked.ts}`)) {
      const t = slackTexts(localeOfText(clicked.text));
      const wasCurrent = current?.ts === clicked.ts && current.channel === clicked.channel;
      await this.#close(clicked, wasCurrent ? t.answered(clicked.label) : t.continuedBelow);
    }
    if (current && current.ts !== clicked?.ts)
      await this.#close(current, slackTexts(localeOfText(current.text)).continuedBelow);

    for (const group of groupReplies(replies)) {
      const message = renderReplies(group);
      try {
        const ts = await this.api.postMessage({
          channel: place.channelId,
          threadTs: place.threadTs,
          ...message,
        });
        if (group.some(isInteractive))
          await this.questions
            .remember(key, { channel: place.channelId, ts, ...message })
            .catch((error: unknown) => this.onError(error, 'open questions'));
      } catch (error) {
        this.onError(error, 'post');
      }
    }
  }

  async #close(
    message: { channel: string; ts: string; text: string; blocks: unknown[] },
    line: string,
  ): Promise<void> {
    this.#closed.add(`${message.channel}:${message.ts}`);
    if (this.#closed.size > MAX_REMEMBERED) {
      const oldest = this.#closed.values().next().value;
      if (oldest !== undefined) this.#closed.delete(oldest);
    }
    try {
      await this.api.update({
        channel: message.channel,
        ts: message.ts,
        text: message.text,
        blocks: closeBlocks(message.blocks, line),
      });
    } catch (error) {
      this.onError(error, 'update');
    }
  }
}
