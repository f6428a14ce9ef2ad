/**
 * What a postback button carries and how a postback's `data` becomes something the adapter acts on.
 *
 * The data is a query string (LINE's usual form), at most 300 characters (`LINE_LIMITS.postbackData`):
 * - `hb=c&v=<state version>&id=<choice id>`: an engine choice;
 * - `hb=a&v=<state version>&id=<consequence id>`: ONE acknowledgement of the question at that version (LINE has
 *   no checkboxes: each consequence is acknowledged by its own button, see `acknowledgements.ts`);
 * - `hb=s&id=<dialog id>`: an entry point (the welcome message after a follow).
 * `hb` (helpdesk bot) marks the data as ours; anything else — a rich menu of another tool, forged or truncated
 * data — is not an input, and the caller ignores it.
 */
import { z } from 'zod';

export type Postback =
  | { kind: 'choice'; choiceId: string; stateVersion: number }
  | { kind: 'ack'; ackId: string; stateVersion: number }
  | { kind: 'start'; dialogId: string };

const id = z.string().min(1).max(200);
const version = z
  .string()
  .regex(/^\d{1,15}$/)
  .transform(Number);
const schema = z.discriminatedUnion('hb', [
  z.strictObject({ hb: z.literal('c'), v: version, id }),
  z.strictObject({ hb: z.literal('a'), v: version, id }),
  z.strictObject({ hb: z.literal('s'), id }),
]);

export function encodePostback(postback: Postback): string {
  switch (postback.kind) {
    case 'choice':
      return new URLSearchParams({
        hb: 'c',
        v: String(postback.stateVersion),
        id: postback.choiceId,
      }).toString();
    case 'ack':
      return new URLSearchParams({
        hb: 'a',
        v: String(postback.stateVersion),
        id: postback.ackId,
      }).toString();
    case 'start':
      return new URLSearchParams({ hb: 's', id: postback.dialogId }).toString();
  }
}

/** The postback a button's data stands for, or `undefined` when it is not one of ours (or malformed). */
export function decodePostback(data: string): Postback | undefined {
  if (data.length > 300) return undefined;
  const params = new URLSearchParams(data);
  const fields: Record<string, string> = {};
  for (const [key, value] of params) {
    if (key in fields) return undefined; // a repeated key is not something we encoded
    fields[key] = value;
  }
  const parsed = schema.safeParse(fields);
  if (!parsed.success) return undefined;
  const value = parsed.data;
  switch (value.hb) {
    case 'c':
      return { kind: 'choice', choiceId: value.id, stateVersion: value.v };
    case 'a':
      return { kind: 'ack', ackId: value.id, stateVersion: value.v };
    case 's':
      return { kind: 'start', dialogId: value.id };
  }
}
