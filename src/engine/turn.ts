/**
 * The platform-neutral models every channel adapter translates to and from.
 * Adapters build a {@link Turn} from a platform event and render each {@link Reply}; they decide nothing.
 */

export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Who is typing: the customer themself, or a contact-center agent acting for a customer. */
export type Actor =
  | { kind: 'customer'; id: string }
  | { kind: 'agent'; id: string; onBehalfOf?: string | undefined };

/** One user input. Actions carry the state version they were rendered from (stale-click protection). */
export type TurnInput =
  | { kind: 'text'; text: string }
  | { kind: 'choice'; choiceId: string; stateVersion: number }
  | { kind: 'acknowledge'; ackIds: string[]; stateVersion: number }
  | { kind: 'typed'; text: string; stateVersion: number }
  /**
   * An entry point (a home-tab button, a slash command): start this dialog from wherever the conversation is, as
   * "start over" then picking it would. Only the bundle's entry-point dialogs are accepted. `text`, when given,
   * answers the dialog's first question (e.g. `/helpdesk act <e-mail>`).
   */
  | { kind: 'start'; dialogId: string; text?: string | undefined }
  /**
   * Not from a user (no adapter builds it): the live desk tells the engine what happened with a person, for the
   * FAQ feedback and the satisfaction question (`core/desk-notice.ts`). `dialogId`: the procedure of the handoff.
   */
  | { kind: 'desk-notice'; notice: DeskNotice; dialogId?: string | undefined };

/**
 * What the live desk tells the engine: `live-requested` (a live chat was opened), `request-accepted` (a callback
 * request was taken), `live-ended` (an agent closed the live chat or handed it back to the bot).
 */
export type DeskNotice = 'live-requested' | 'request-accepted' | 'live-ended';

export interface Turn {
  /** Stable per conversation and channel, e.g. `slack:T1:C1:U1` or `cli:local`. */
  conversationKey: string;
  /**
   * The platform's id of this message or click, when it has one (Slack event id, Teams activity id). A turn whose
   * id was already handled (a platform retry) is answered with no replies and changes nothing.
   */
  id?: string | undefined;
  channel: string;
  actor: Actor;
  /** The platform's locale hint; the conversation's chosen locale wins once set. */
  locale?: Locale | undefined;
  input: TurnInput;
  /**
   * Credentials the channel vouches for on this turn only (e.g. an agent's own backend key, resolved from their
   * Slack/Teams identity). Passed to operations, never stored in the conversation.
   */
  credentials?: Readonly<Record<string, string>> | undefined;
  /**
   * Set by a stage in front of the engine (the live desk's offer) whose own prompt was the last thing the user
   * saw: a text then answers none of the engine's questions until the current one was shown again.
   */
  otherPromptOnScreen?: true | undefined;
}

export type Tone = 'info' | 'warning' | 'danger' | 'success';
export type ChoiceStyle = 'primary' | 'danger' | 'default';

export interface Fact {
  label: string;
  value: string;
}

export interface Choice {
  id: string;
  label: string;
  style: ChoiceStyle;
}

export interface Acknowledgement {
  id: string;
  label: string;
}

/** One message of the bot, already localised. Empty lists are omitted by the engine. */
export interface Reply {
  text: string;
  tone: Tone;
  facts?: Fact[];
  choices?: Choice[];
  acknowledgements?: Acknowledgement[];
  /** When present the user must type this exact phrase (after normalisation) to proceed. */
  typedConfirmation?: string;
  /** The state version this reply was rendered from; actions must echo it back. */
  stateVersion: number;
  /**
   * The language the engine wrote this reply in (the conversation's locale), so a channel frames it with its own
   * words in the same language. Set on every reply the engine returns; replies built outside it may omit it.
   */
  locale?: Locale;
  /**
   * Set on the reply that shows the desk contacts (how to reach a person: a "person" request or a handoff node),
   * with the procedure in progress: the live desk (src/live-desk) may offer to connect the user to an agent here.
   */
  contactsShown?: { dialogId?: string | undefined };
  /** A receipt recorded during this turn, which channels may offer to view or download. */
  receipt?: { id: string };
}
