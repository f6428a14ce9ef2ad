/**
 * The turn API's request body → an engine `TurnInput`, and the line the user sees echoed in the transcript.
 * Limits: text up to {@link MAX_TEXT} characters (longer is refused before the engine sees it).
 *
 * `locale` is the page's language switch: it becomes the engine's own global "English" / "日本語" command, as if
 * typed, so the conversation switches exactly as on every other channel.
 */
import { z } from 'zod';
import { LOCALES, type Locale, type TurnInput } from '../../src/engine/turn.js';
import { type Entry, maskForTranscript } from './transcript.js';

export const MAX_TEXT = 1000;
export const MAX_BODY_BYTES = 8 * 1024;

const version = z.number().int().safe();
const id = z.string().min(1).max(200);

export const turnRequest = z.object({
  /** A client-generated id per submission: a retried request is recognised and changes nothing. */
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .optional(),
  input: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('text'), text: z.string() }),
    z.object({ kind: z.literal('choice'), choiceId: id, stateVersion: version }),
    z.object({ kind: z.literal('acknowledge'), ackIds: z.array(id).max(50), stateVersion: version }),
    z.object({ kind: z.literal('typed'), text: z.string(), stateVersion: version }),
    z.object({ kind: z.literal('start'), dialogId: z.string().min(1).max(100), text: z.string().optional() }),
    z.object({ kind: z.literal('locale'), locale: z.enum(LOCALES) }),
  ]),
});

export type TurnRequest = z.infer<typeof turnRequest>;
export type WebInput = TurnRequest['input'];

/** Whether any text in the input is over the limit. */
export function tooLong(input: WebInput): boolean {
  const text = 'text' in input ? input.text : undefined;
  return text !== undefined && [...text].length > MAX_TEXT;
}

const LANGUAGE_COMMAND: Record<Locale, string> = { ja: '日本語', en: 'English' };

export function toTurnInput(input: WebInput): TurnInput {
  if (input.kind === 'locale') return { kind: 'text', text: LANGUAGE_COMMAND[input.locale] };
  return input;
}

const ACKNOWLEDGED: Record<Locale, (count: number) => string> = {
  ja: (count) => `✓ ${count}件の項目を確認しました`,
  en: (count) => `✓ Acknowledged ${count} item${count === 1 ? '' : 's'}`,
};

/**
 * What the user's action looks like in the transcript: the text typed (masked), the label of the button pressed
 * (from the reply it was rendered in), or nothing for an entry point.
 */
export function echoOf(input: WebInput, shown: readonly Entry[], locale: Locale): string | undefined {
  switch (input.kind) {
    case 'text':
    case 'typed':
      return maskForTranscript(input.text);
    case 'locale':
      return LANGUAGE_COMMAND[input.locale];
    case 'acknowledge':
      return ACKNOWLEDGED[locale](input.ackIds.length);
    case 'choice':
      return choiceLabel(shown, input.choiceId, input.stateVersion) ?? input.choiceId;
    case 'start':
      return input.text === undefined ? undefined : maskForTranscript(input.text);
  }
}

function choiceLabel(shown: readonly Entry[], choiceId: string, stateVersion: number): string | undefined {
  for (let i = shown.length - 1; i >= 0; i -= 1) {
    const entry = shown[i];
    if (entry?.from !== 'bot' || entry.reply.stateVersion !== stateVersion) continue;
    const choice = entry.reply.choices?.find((c) => c.id === choiceId);
    if (choice) return choice.label;
  }
  return undefined;
}
