/**
 * Replies → Slack messages (`text` fallback + Block Kit), pure. A turn's replies are grouped so a notice and the
 * question after it share one message. Translation only: the tone becomes an emoji, the text
 * an mrkdwn section (`&`, `<`, `>` escaped), facts section fields, choices buttons (danger ones behind Slack's
 * own confirm dialog), acknowledgements numbered sections plus checkboxes with a submit button, a typed
 * confirmation an input (the phrase as placeholder) plus a red submit button — without Slack's confirm dialog, as
 * typing the phrase is itself the confirmation. Checkboxes and the input sit in input blocks, so ticking or typing
 * sends nothing until a button is pressed. Every message keeps within {@link SLACK_LIMITS}: long text is split
 * across sections, long captions shortened (the full text stays visible elsewhere in the message).
 */
import type { types } from '@slack/bolt';
import { groupReplies, isInteractive } from '../../src/channels/reply-groups.js';
import type { Choice, Reply, Tone } from '../../src/engine/turn.js';
import { ACTION_IDS, BLOCK_IDS, encodeButtonValue } from './actions.js';
import { SLACK_LIMITS } from './limits.js';
import { escapeAndSplit, escapeMrkdwn, truncate } from './mrkdwn.js';
import { localeOfText, type SlackTexts, slackTexts } from './texts.js';

export type SlackBlock =
  | types.SectionBlock
  | types.ActionsBlock
  | types.InputBlock
  | types.ContextBlock
  | types.HeaderBlock
  | types.DividerBlock;

export interface SlackMessage {
  /** The notification / fallback text (mrkdwn, escaped). */
  text: string;
  blocks: SlackBlock[];
}

const TONE_EMOJI: Record<Tone, string> = {
  info: '',
  warning: ':warning: ',
  danger: ':rotating_light: ',
  success: ':white_check_mark: ',
};

function mrkdwn(text: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text };
}

function plain(text: string): types.PlainTextElement {
  return { type: 'plain_text', text, emoji: true };
}

function factSections(reply: Reply): types.SectionBlock[] {
  const fields = (reply.facts ?? []).map((fact) =>
    mrkdwn(truncate(`*${escapeMrkdwn(fact.label)}*\n${escapeMrkdwn(fact.value)}`, SLACK_LIMITS.fieldText)),
  );
  const sections: types.SectionBlock[] = [];
  for (let i = 0; i < fields.length; i += SLACK_LIMITS.fieldsPerSection)
    sections.push({ type: 'section', fields: fields.slice(i, i + SLACK_LIMITS.fieldsPerSection) });
  return sections;
}

function choiceButton(choice: Choice, index: number, reply: Reply, t: SlackTexts): types.Button {
  const button: types.Button = {
    type: 'button',
    action_id: ACTION_IDS.choice(index),
    text: plain(truncate(choice.label, SLACK_LIMITS.buttonText)),
    value: encodeButtonValue({ k: 'c', c: choice.id, v: reply.stateVersion }),
  };
  if (choice.style === 'primary') button.style = 'primary';
  if (choice.style === 'danger') {
    button.style = 'danger';
    button.confirm = {
      title: plain(truncate(t.dangerTitle, SLACK_LIMITS.confirmTitle)),
      text: plain(truncate(reply.text, SLACK_LIMITS.confirmText)),
      confirm: plain(truncate(choice.label, SLACK_LIMITS.confirmButton)),
      deny: plain(truncate(t.dangerDeny, SLACK_LIMITS.confirmButton)),
      style: 'danger',
    };
  }
  return button;
}

/** The numbered full text of each acknowledgement, then checkboxes (ten per input block) with short captions. */
function acknowledgementBlocks(reply: Reply, t: SlackTexts): SlackBlock[] {
  const acks = reply.acknowledgements ?? [];
  if (acks.length === 0) return [];
  const blocks: SlackBlock[] = acks.map((ack, i) => ({
    type: 'section',
    block_id: BLOCK_IDS.acknowledgementText(i),
    text: mrkdwn(truncate(`*${i + 1}.* ${escapeMrkdwn(ack.label)}`, SLACK_LIMITS.sectionText)),
  }));
  for (let start = 0; start < acks.length; start += SLACK_LIMITS.optionsPerCheckboxes) {
    const options = acks.slice(start, start + SLACK_LIMITS.optionsPerCheckboxes).map((ack, i) => ({
      text: plain(truncate(t.acknowledgeOption(start + i + 1), SLACK_LIMITS.optionText)),
      value: ack.id,
    }));
    blocks.push({
      type: 'input',
      block_id: BLOCK_IDS.acknowledgements(start / SLACK_LIMITS.optionsPerCheckboxes),
      label: plain(t.acknowledgeLabel),
      optional: true,
      element: { type: 'checkboxes', action_id: ACTION_IDS.acknowledgeInput, options },
    });
  }
  return blocks;
}

function typedBlock(phrase: string, t: SlackTexts): types.InputBlock {
  return {
    type: 'input',
    block_id: BLOCK_IDS.typed,
    label: plain(t.typedLabel),
    optional: true,
    element: {
      type: 'plain_text_input',
      action_id: ACTION_IDS.typedInput,
      placeholder: plain(truncate(phrase, SLACK_LIMITS.placeholder)),
    },
  };
}

function buttons(reply: Reply, t: SlackTexts): types.Button[] {
  const list: types.Button[] = [];
  if (reply.acknowledgements?.length)
    list.push({
      type: 'button',
      action_id: ACTION_IDS.acknowledgeSubmit,
      text: plain(truncate(t.acknowledgeSubmit, SLACK_LIMITS.buttonText)),
      value: encodeButtonValue({ k: 'a', v: reply.stateVersion }),
      style: 'primary',
    });
  if (reply.typedConfirmation !== undefined)
    list.push({
      type: 'button',
      action_id: ACTION_IDS.typedSubmit,
      text: plain(truncate(t.typedSubmit, SLACK_LIMITS.buttonText)),
      value: encodeButtonValue({ k: 't', v: reply.stateVersion }),
      style: 'danger',
    });
  (reply.choices ?? []).forEach((choice, i) => {
    list.push(choiceButton(choice, i, reply, t));
  });
  return list;
}

function actionBlocks(list: types.Button[]): types.ActionsBlock[] {
  const blocks: types.ActionsBlock[] = [];
  for (let i = 0; i < list.length; i += SLACK_LIMITS.elementsPerActions)
    blocks.push({ type: 'actions', elements: list.slice(i, i + SLACK_LIMITS.elementsPerActions) });
  return blocks;
}

/** When a button had to shorten a caption, every caption in full, above the buttons. */
function fullCaptions(reply: Reply, t: SlackTexts): types.SectionBlock[] {
  const choices = reply.choices ?? [];
  if (!choices.some((choice) => [...choice.label].length > SLACK_LIMITS.buttonText)) return [];
  const lines = choices.map((choice) => `• ${escapeMrkdwn(choice.label)}`);
  return [
    {
      type: 'section',
      text: mrkdwn(truncate(`*${t.choicesHeading}*\n${lines.join('\n')}`, SLACK_LIMITS.sectionText)),
    },
  ];
}

/** The plain notification text: tone, text and facts of each reply. */
function fallbackText(replies: readonly Reply[]): string {
  const lines = replies.flatMap((reply) => [
    `${TONE_EMOJI[reply.tone]}${reply.text}`,
    ...(reply.facts ?? []).map((fact) => `${fact.label}: ${fact.value}`),
  ]);
  return truncate(escapeMrkdwn(lines.join('\n')), SLACK_LIMITS.messageText);
}

/** Grouping is shared by every chat channel (`src/channels/reply-groups.ts`); re-exported for this adapter's callers. */
export { groupReplies, isInteractive };

function textSections(text: string, prefix = ''): types.SectionBlock[] {
  return escapeAndSplit(text, SLACK_LIMITS.sectionText - [...prefix].length)
    .map((piece, i) => (i === 0 ? `${prefix}${piece}` : piece))
    .filter((piece) => piece.trim() !== '')
    .map((piece) => ({ type: 'section', text: mrkdwn(piece) }));
}

/** Each reply's text and facts; flattened into as few sections as possible when they would not fit `budget`. */
function contentBlocks(replies: readonly Reply[], budget: number): SlackBlock[] {
  const blocks = replies.flatMap((reply) => [
    ...textSections(reply.text, TONE_EMOJI[reply.tone]),
    ...factSections(reply),
  ]);
  if (blocks.length <= budget) return blocks;
  const flat = replies
    .flatMap((reply) => [reply.text, ...(reply.facts ?? []).map((fact) => `${fact.label}: ${fact.value}`)])
    .join('\n');
  const pieces = textSections(flat, TONE_EMOJI[replies.at(-1)?.tone ?? 'info']);
  if (pieces.length <= budget) return pieces;
  const kept = pieces.slice(0, budget);
  const lastText = kept.at(-1)?.text?.text ?? '';
  kept[kept.length - 1] = {
    type: 'section',
    text: mrkdwn(truncate(`${lastText}…`, SLACK_LIMITS.sectionText)),
  };
  return kept;
}

/** One Slack message showing `replies` (see {@link groupReplies}); only the last reply's actions are rendered. */
export function renderReplies(replies: readonly Reply[]): SlackMessage {
  const asking = replies.at(-1);
  const t = slackTexts(
    replies.find((reply) => reply.locale)?.locale ??
      localeOfText(replies.map((reply) => reply.text).join('\n')),
  );
  const interactive: SlackBlock[] =
    asking && isInteractive(asking)
      ? [
          ...acknowledgementBlocks(asking, t),
          ...(asking.typedConfirmation !== undefined ? [typedBlock(asking.typedConfirmation, t)] : []),
          ...fullCaptions(asking, t),
          ...actionBlocks(buttons(asking, t)),
        ]
      : [];
  const budget = Math.max(1, SLACK_LIMITS.blocksPerMessage - interactive.length);
  const blocks = [...contentBlocks(replies, budget), ...interactive].slice(0, SLACK_LIMITS.blocksPerMessage);
  return { text: fallbackText(replies), blocks };
}

export function renderReply(reply: Reply): SlackMessage {
  return renderReplies([reply]);
}

type JsonBlock = { type?: unknown; block_id?: unknown; accessory?: unknown };

/**
 * An answered or superseded message: the same blocks without buttons, checkboxes or inputs, and one context line
 * (`line`, plain text) saying so. Works on the blocks as Slack returns them in action payloads.
 */
export function closeBlocks(blocks: readonly unknown[], line: string): Record<string, unknown>[] {
  const kept: Record<string, unknown>[] = [];
  for (const block of blocks) {
    if (typeof block !== 'object' || block === null) continue;
    const { type, block_id: blockId } = block as JsonBlock;
    if (type === 'actions' || type === 'input' || blockId === BLOCK_IDS.answered) continue;
    const { accessory: _dropped, ...rest } = block as Record<string, unknown>;
    kept.push(rest);
  }
  const answered = {
    type: 'context',
    block_id: BLOCK_IDS.answered,
    elements: [mrkdwn(truncate(escapeMrkdwn(line), SLACK_LIMITS.contextText))],
  };
  return [...kept.slice(0, SLACK_LIMITS.blocksPerMessage - 1), answered];
}
