/**
 * Optional collaborators the engine consults, supplied by the composition root. All are synchronous and pure
 * from the engine's point of view: they answer, they never change the conversation.
 */
import type { Fact, Locale, Reply } from './turn.js';

export type ReplyContent = Omit<Reply, 'stateVersion'>;

/**
 * What the FAQ did with a question, for the audit trail's funnel (`faq` events): `answered` names the entry;
 * `declined` is an answer that says the FAQ cannot help (out of scope, not covered by the guides).
 */
export interface FaqReport {
  outcome: 'answered' | 'declined';
  entry?: string | undefined;
}

/** Answers a question asked in the middle of a flow (interruption), or says it is not sure (`undefined`). */
export interface QuestionAnswerer {
  /** `dialogId`: the procedure in progress, so an ambiguous question is read in its context. */
  answer(text: string, locale: Locale, context?: { dialogId?: string | undefined }): FaqAnswer | undefined;
}

/** An answer of the {@link QuestionAnswerer}. */
export interface FaqAnswer {
  text: string;
  facts?: Fact[];
  report?: FaqReport | undefined;
}

/** Picks the dialog a free-text request means, or `undefined` when unsure. */
export interface Router {
  route(text: string, locale: Locale): string | undefined;
}

/** How to reach a person right now (contact details, business hours). */
export interface DeskContactsProvider {
  replies(ctx: { locale: Locale; now: Date; dialogId?: string | undefined }): ReplyContent[];
}
