/**
 * The live-desk stage of the turn pipeline: offers a person where the engine tells how to reach one, and routes
 * the customer to that person while a ticket is live.
 *
 * Contract:
 * - After the engine answers, a reply carrying `contactsShown` gets an offer right after it: in business hours
 *   「チャットで担当者と話す」 (`__handoff-live`), outside them 「担当者へのご依頼を残す」 (`__handoff-request`; the
 *   next text is the request). The engine's own replies are kept as they are, including "outside these hours you
 *   can finish the procedure here", so a closed desk never blocks a cancellation.
 * - The `__handoff-*` choices are answered here and never reach the engine. They go through the same stale-version
 *   rule as every other button: a choice rendered from an older offer than the one remembered is refused and the
 *   current offer shown again (reaching a person is still always possible: 「オペレーター」 works at every step).
 * - While the conversation's ticket is waiting or claimed, EVERY text goes to the person — global commands such
 *   as 「やめる」 included, since the customer is talking to a person — except the leave phrase 「ボットに戻る」 /
 *   "back to bot" (or its button), which closes the ticket and returns to the bot. Buttons of the bot's own
 *   questions are answered with a reminder of that phrase and change nothing.
 * - The engine never sees what was relayed, so its procedure resumes where it was; when the conversation comes
 *   back, the question the customer was at is shown again (it still carries its state version, so its buttons work).
 * - The engine is told what happened with a person (`notify`, `src/pipeline/desk-notices.ts`), once per event: a
 *   live chat opened (`live-requested`), a callback request accepted (`request-accepted`) — the text after
 *   「担当者へのご依頼を残す」, or the customer's text to a live chat nobody claimed before the hours ended, which
 *   keeps it as a request. What the engine answers follows the desk's replies in the same turn.
 * - Only customers are offered a person; an agent acting for a customer talks to the engine as usual.
 * - Any failure of the desk (a store or a room down) is logged and the engine answers as if no desk existed.
 */
import type { ConversationSummary } from '../../engine/runtime.js';
import { detectCommand } from '../../engine/text/commands.js';
import { normalizeText } from '../../engine/text/normalize.js';
import type { Choice, DeskNotice, Locale, Reply, Turn } from '../../engine/turn.js';
import { DESK_CHOICES, type DeskChoice, isDeskChoice, isLeavePhrase } from '../../live-desk/choices.js';
import type { ConversationDeskState, CustomerText, LiveDesk, NewOffer } from '../../live-desk/desk-types.js';
import { type CustomerTexts, customerTexts } from '../../live-desk/messages.js';
import type { DeskOffer } from '../../live-desk/records.js';
import { recentTexts } from '../../live-desk/summary.js';
import type { Ticket } from '../../live-desk/ticket.js';
import type { NamedStage, TurnContext } from '../types.js';

export interface LiveDeskStageOptions {
  /** Where a conversation stands (its locale), read-only. */
  describe(conversationKey: string): Promise<ConversationSummary | undefined>;
  /** Faults of the desk, for the operator's log; never includes message text. */
  onError?: (error: unknown, context: { conversationKey: string; phase: string }) => void;
  /**
   * Tells the engine that a live chat was opened or a callback request accepted (`src/pipeline/desk-notices.ts`),
   * once per event. A request is accepted on two paths, both in this stage: the text after 「担当者へのご依頼を残す」
   * (`takeCallbackRequest`), and the customer's text to a live chat nobody claimed before the hours ended (`live`).
   * What the engine answers (the satisfaction question after a request) follows the desk's own replies.
   */
  notify?: (turn: Turn, notice: DeskNotice, dialogId: string | undefined) => Promise<Reply[]>;
}

/**
 * The stage; a pass-through when there is no desk. A desk without agents' rooms is a pass-through too, turn by
 * turn: rooms are registered by the channels after the bot (and this stage) is built.
 */
export function liveDeskStage(desk: LiveDesk | undefined, options: LiveDeskStageOptions): NamedStage {
  if (!desk) return { name: 'live-desk', run: (_ctx, next) => next() };
  const front = new Front(desk, options);
  return { name: 'live-desk', run: (ctx, next) => front.handle(ctx, next) };
}

const asReplies = (messages: CustomerText[], stateVersion: number): Reply[] =>
  messages.map((m) => ({ ...m, stateVersion }));

class Front {
  private readonly onError: NonNullable<LiveDeskStageOptions['onError']>;
  constructor(
    private readonly desk: LiveDesk,
    private readonly options: LiveDeskStageOptions,
  ) {
    this.onError = options.onError ?? (() => {});
  }

  async handle(ctx: TurnContext, next: () => Promise<Reply[]>): Promise<Reply[]> {
    const turn = ctx.turn;
    if (turn.actor.kind !== 'customer' || !this.desk.available) return next();
    const input = turn.input;
    if (input.kind === 'choice' && isDeskChoice(input.choiceId)) {
      const own = input.choiceId;
      const answered = await this.guard(turn, `choice ${own}`, () =>
        this.ownChoice(turn, own, input.stateVersion),
      );
      if (answered) await this.guard(turn, 'prompt', () => this.notePrompt(turn, answered));
      return (
        answered ??
        asReplies(
          [{ text: customerTexts(turn.locale ?? 'ja').unavailable, tone: 'warning' }],
          input.stateVersion,
        )
      );
    }
    const state = await this.guard(turn, 'state', () => this.desk.state(turn.conversationKey));
    const active = state?.active;
    if (active) {
      const live = await this.guard(turn, 'live chat', () => this.live(turn, active));
      if (live) {
        if (turn.input.kind === 'text' && isLeavePhrase(turn.input.text))
          await this.guard(turn, 'prompt', () => this.notePrompt(turn, live));
        else if (live.length === 0 || turn.input.kind === 'text') ctx.outcome = 'relayed';
        return live;
      }
    } else if (state?.awaitingCallbackRequest) {
      const taken = await this.guard(turn, 'request', () => this.takeCallbackRequest(turn, state));
      if (taken) {
        await this.guard(turn, 'prompt', () => this.notePrompt(turn, taken));
        return taken;
      }
    }
    if (state?.offer?.promptOnScreen && turn.input.kind === 'text') {
      // The desk's own prompt was the last thing shown: the engine must show its question again first.
      ctx.turn = { ...turn, otherPromptOnScreen: true };
    }
    const replies = await next();
    return (await this.guard(turn, 'offer', () => this.offer(turn, replies, state))) ?? replies;
  }

  private async guard<T>(turn: Turn, phase: string, work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      this.onError(error, { conversationKey: turn.conversationKey, phase: `live desk: ${phase}` });
      return undefined;
    }
  }

  /** Tells the engine (`options.notify`); a failure is logged and adds nothing. */
  private async notify(turn: Turn, notice: DeskNotice, dialogId: string | undefined): Promise<Reply[]> {
    const notify = this.options.notify;
    if (!notify) return [];
    return (await this.guard(turn, `notice ${notice}`, () => notify(turn, notice, dialogId))) ?? [];
  }

  private async locale(turn: Turn): Promise<Locale> {
    return (await this.options.describe(turn.conversationKey))?.locale ?? turn.locale ?? 'ja';
  }

  /** Adds the offer after the reply that tells how to reach a person, and remembers what the customer saw. */
  private async offer(
    turn: Turn,
    replies: Reply[],
    state: ConversationDeskState | undefined,
  ): Promise<Reply[]> {
    const index = replies.findIndex((r) => r.contactsShown !== undefined);
    const marked = replies[index];
    if (!marked) {
      // The engine answered: its reply is on screen now, and the offer's buttons are current only while the
      // engine's version is still the offer's. The question remembered with it is not the current one any more.
      const latestVersion = replies.at(-1)?.stateVersion;
      const offer = state?.offer;
      if (offer && (offer.resume || offer.promptOnScreen || offer.latestVersion !== latestVersion)) {
        await this.desk.noteOffer(turn.conversationKey, {
          ...offer,
          resume: undefined,
          promptOnScreen: undefined,
          latestVersion,
        });
      }
      return replies;
    }
    const dialogId = marked.contactsShown?.dialogId;
    const t = customerTexts(await this.locale(turn));
    const last = replies.at(-1);
    const offer: NewOffer = {
      dialogId,
      recentReplies: recentTexts(replies),
      // Anything after the desk contacts reply ends with the current question shown again (the engine's contract).
      resume: last && index < replies.length - 1 && !last.receipt ? last : undefined,
      stateVersion: marked.stateVersion,
    };
    await this.desk.noteOffer(turn.conversationKey, offer);
    const added = this.desk.isOpen(dialogId)
      ? offerReply(t.offerLive, choice(DESK_CHOICES.live, t.offerLiveChoice), marked.stateVersion)
      : offerReply(
          t.offerCallbackRequest,
          choice(DESK_CHOICES.callbackRequest, t.offerCallbackRequestChoice),
          marked.stateVersion,
        );
    return [...replies.slice(0, index + 1), added, ...replies.slice(index + 1)];
  }

  private async ownChoice(turn: Turn, id: DeskChoice, version: number): Promise<Reply[]> {
    const key = turn.conversationKey;
    const state = await this.desk.state(key);
    const locale = state.active?.locale ?? (await this.locale(turn));
    const t = customerTexts(locale);
    const resume = state.offer?.resume ? [state.offer.resume] : [];
    if (state.active && id !== DESK_CHOICES.leave) return [connected(state.active, t, version)];
    // The same stale-version rule as every other button (leaving a person is always possible).
    const current = state.offer?.stateVersion;
    const stale =
      current === undefined ||
      version !== current ||
      (state.offer?.latestVersion !== undefined && state.offer.latestVersion !== current);
    if (id !== DESK_CHOICES.leave && stale) {
      return [...asReplies([{ text: t.stale, tone: 'warning' }], version), ...resume];
    }
    switch (id) {
      case DESK_CHOICES.live: {
        const result = await this.desk.openTicket(key, {
          ...this.requestBase(turn, state.offer),
          locale,
          resume: state.offer?.resume,
        });
        if (result.ok) {
          await this.notify(turn, 'live-requested', result.ticket.summary.dialogId);
          return [connected(result.ticket, t, version)];
        }
        if (result.reason === 'closed') {
          return [
            ...asReplies(result.messages, version),
            offerReply(
              t.offerCallbackRequest,
              choice(DESK_CHOICES.callbackRequest, t.offerCallbackRequestChoice),
              version,
            ),
          ];
        }
        return [...asReplies(result.messages, version), ...resume];
      }
      case DESK_CHOICES.callbackRequest:
        await this.desk.awaitCallbackRequest(key, true);
        return [offerReply(t.askCallbackRequest, choice(DESK_CHOICES.cancel, t.cancelChoice), version)];
      case DESK_CHOICES.cancel:
        await this.desk.awaitCallbackRequest(key, false);
        return [...asReplies([{ text: t.callbackRequestCancelled, tone: 'info' }], version), ...resume];
      case DESK_CHOICES.leave:
        return (await this.leave(turn)) ?? asReplies([{ text: t.alreadyBack, tone: 'info' }], version);
    }
  }

  /** Remembers whether the desk's own prompt (rather than the engine's question) is what the customer sees now. */
  private async notePrompt(turn: Turn, answered: Reply[]): Promise<void> {
    const state = await this.desk.state(turn.conversationKey);
    if (!state.offer) return;
    const last = answered.at(-1);
    const promptOnScreen =
      !last ||
      ((last.acknowledgements ?? []).length + (last.typedConfirmation ? 1 : 0) === 0 &&
        (last.choices ?? []).every((c) => isDeskChoice(c.id)));
    if (state.offer.promptOnScreen !== promptOnScreen)
      await this.desk.noteOffer(turn.conversationKey, { ...state.offer, promptOnScreen });
  }

  private requestBase(turn: Turn, offer: DeskOffer | undefined) {
    return {
      channel: turn.channel,
      actorId: turn.actor.id,
      dialogId: offer?.dialogId,
      recentReplies: offer?.recentReplies ?? [],
      stateVersion: offer?.stateVersion,
    };
  }

  /**
   * The customer is talking to a person: text goes to them, the leave phrase comes back, buttons wait.
   * A text that finds the hours ended before anyone claimed the chat is kept as a callback request
   * (`CustomerRelay.released`) and the customer is with the bot again: a request accepted like one left from the
   * offer, so the engine is told once (`request-accepted`) and what it answers follows the desk's message and the
   * question they were at. `undefined`: no live ticket any more (closed a moment ago), the bot answers.
   */
  private async live(turn: Turn, ticket: Ticket): Promise<Reply[] | undefined> {
    const t = customerTexts(ticket.locale);
    if (turn.input.kind !== 'text') {
      return [offerReply(t.inLiveChat, choice(DESK_CHOICES.leave, t.leaveChoice), ticket.stateVersion)];
    }
    if (isLeavePhrase(turn.input.text)) return this.leave(turn);
    const relay = await this.desk.fromCustomer(turn.conversationKey, turn.input.text);
    if (!relay.ticket) return undefined;
    const after = relay.released
      ? await this.notify(turn, 'request-accepted', relay.ticket.summary.dialogId)
      : [];
    return [
      ...asReplies(relay.messages, ticket.stateVersion),
      ...(relay.resume ? [relay.resume] : []),
      ...after,
    ];
  }

  private async leave(turn: Turn): Promise<Reply[] | undefined> {
    const left = await this.desk.leave(turn.conversationKey);
    if (!left) return undefined;
    return [...asReplies(left.messages, left.ticket.stateVersion), ...(left.resume ? [left.resume] : [])];
  }

  /** The text after "leave a request" is the request; a command or a button means the customer changed their mind. */
  private async takeCallbackRequest(turn: Turn, state: ConversationDeskState): Promise<Reply[] | undefined> {
    const text = turn.input.kind === 'text' ? turn.input.text : undefined;
    if (text === undefined || normalizeText(text) === '' || detectCommand(text) !== undefined) {
      await this.desk.awaitCallbackRequest(turn.conversationKey, false);
      return undefined;
    }
    const locale = await this.locale(turn);
    const result = await this.desk.openTicket(turn.conversationKey, {
      ...this.requestBase(turn, state.offer),
      locale,
      callbackRequest: text,
    });
    if (!result.ok) await this.desk.awaitCallbackRequest(turn.conversationKey, false);
    const version = state.offer?.stateVersion ?? 0;
    const after = result.ok
      ? await this.notify(turn, 'request-accepted', result.ticket.summary.dialogId)
      : [];
    return [
      ...asReplies(result.messages, version),
      ...(state.offer?.resume ? [state.offer.resume] : []),
      ...after,
    ];
  }
}

function choice(id: DeskChoice, label: string): Choice {
  return { id, label, style: 'default' };
}

function offerReply(text: string, only: Choice, stateVersion: number): Reply {
  return { text, tone: 'info', choices: [only], stateVersion };
}

/** "A person will join / has joined", with the way back. */
function connected(ticket: Ticket, t: CustomerTexts, version: number): Reply {
  const text = ticket.status === 'claimed' ? t.claimed : t.waiting(ticket.id);
  return offerReply(text, choice(DESK_CHOICES.leave, t.leaveChoice), version);
}
