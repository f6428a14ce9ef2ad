/**
 * Checks every property applies to what the bot says: replies are well-formed, polite, and never ask for a
 * password. Each returns the problems found (empty = fine), so a failing property names what was wrong.
 */
import type { Reply } from '../../../src/engine/turn.js';

const TONES = new Set(['info', 'warning', 'danger', 'success']);
const STYLES = new Set(['primary', 'danger', 'default']);

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

function duplicates(ids: readonly string[]): string[] {
  return ids.filter((id, i) => ids.indexOf(id) !== i);
}

/** Structural problems of one turn's replies (the engine's Reply contract). */
export function replyProblems(replies: readonly Reply[]): string[] {
  const problems: string[] = [];
  replies.forEach((reply, r) => {
    const at = `reply ${r}`;
    if (!nonEmpty(reply.text)) problems.push(`${at}: empty text`);
    if (reply.text.includes('[object Object]')) problems.push(`${at}: "[object Object]" in text`);
    if (!TONES.has(reply.tone)) problems.push(`${at}: tone ${String(reply.tone)}`);
    if (typeof reply.stateVersion !== 'number' || !Number.isFinite(reply.stateVersion))
      problems.push(`${at}: stateVersion ${String(reply.stateVersion)}`);
    const choices = reply.choices ?? [];
    for (const choice of choices) {
      if (!nonEmpty(choice.id)) problems.push(`${at}: choice without id`);
      if (!nonEmpty(choice.label)) problems.push(`${at}: choice ${choice.id} without label`);
      if (!STYLES.has(choice.style))
        problems.push(`${at}: choice ${choice.id} style ${String(choice.style)}`);
    }
    for (const id of duplicates(choices.map((c) => c.id))) problems.push(`${at}: duplicate choice id ${id}`);
    const acks = reply.acknowledgements ?? [];
    for (const ack of acks) {
      if (!nonEmpty(ack.id) || !nonEmpty(ack.label)) problems.push(`${at}: acknowledgement without id/label`);
    }
    for (const id of duplicates(acks.map((a) => a.id)))
      problems.push(`${at}: duplicate acknowledgement ${id}`);
    if (reply.typedConfirmation !== undefined && !nonEmpty(reply.typedConfirmation))
      problems.push(`${at}: empty typed phrase`);
    for (const fact of reply.facts ?? []) {
      if (typeof fact.label !== 'string' || typeof fact.value !== 'string')
        problems.push(`${at}: fact is not label/value text`);
    }
  });
  // Every reply of one turn belongs to the same state (channels echo it back with actions).
  const versions = new Set(replies.map((r) => r.stateVersion));
  if (versions.size > 1) problems.push(`replies carry different state versions: ${[...versions].join(', ')}`);
  return problems;
}

/** The bot's own reassurance that it never asks for one, which is not a request. */
const REASSURANCES = [/[（(]?パスワードはお聞きしません[）)]?/g, /\(?we never ask for your password\)?/gi];
const ASKS_FOR_PASSWORD = [
  /パスワード.{0,12}(入力|お知らせ|教え|送信|お送り|ご記入|記入).{0,6}(ください|下さい|願います|お願い)/,
  /(enter|type|send|tell|give|share)\b.{0,30}\bpassword\b/i,
  /\bpassword\b.{0,20}\b(please|required)\b/i,
];
/** FAQ answers explain how to sign in on the service's own site (with its address); that is not the bot asking. */
const POINTS_TO_A_SITE = /https?:\/\//;

/** Whether a reply asks the user to give the bot a password. */
export function asksForPassword(reply: Reply): boolean {
  if (POINTS_TO_A_SITE.test(reply.text)) return false;
  let text = [reply.text, ...(reply.choices ?? []).map((c) => c.label), reply.typedConfirmation ?? ''].join(
    '\n',
  );
  for (const reassurance of REASSURANCES) text = text.replace(reassurance, '');
  return ASKS_FOR_PASSWORD.some((pattern) => pattern.test(text));
}

/** Whether a Japanese turn's replies are in polite です・ます form (at least one sentence ends politely). */
export function isPoliteJapanese(replies: readonly Reply[]): boolean {
  return replies.some((reply) =>
    /(です|ます|ません|ください|でした|ましょう)[。．！!？?）)」]*/.test(reply.text),
  );
}
