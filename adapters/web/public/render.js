// @ts-check
/**
 * Renders transcript entries (the engine's Reply model) as accessible DOM: text paragraphs, tone shown in words
 * and an icon (never by colour alone), facts as a table, choices as buttons (danger ones marked and never focused
 * first), acknowledgement checkboxes with a button enabled only once all are ticked, a typed confirmation form,
 * and receipt links. Only DOM APIs and textContent: no HTML from the server is ever parsed.
 */
import { t } from './i18n.js';

/** @typedef {import('./i18n.js').Locale} Locale */
/** @typedef {{ id: string, label: string, style: 'primary' | 'danger' | 'default' }} Choice */
/**
 * @typedef {{ text: string, tone: 'info' | 'warning' | 'danger' | 'success', stateVersion: number,
 *   facts?: { label: string, value: string }[], choices?: Choice[], acknowledgements?: { id: string, label: string }[],
 *   typedConfirmation?: string, receipt?: { id: string } }} Reply
 */
/** @typedef {{ seq: number, at: string, from: 'user', text: string } | { seq: number, at: string, from: 'bot', reply: Reply }} Entry */
/**
 * @typedef {{
 *   choose(reply: Reply, choice: Choice, button: HTMLButtonElement): void,
 *   acknowledge(reply: Reply, ackIds: string[]): void,
 *   typed(reply: Reply, text: string): void,
 *   menu(): void,
 *   done(button: HTMLButtonElement): void,
 * }} Actions
 */

const TONE_ICON = { warning: '⚠', danger: '‼', success: '✔', info: '' };
const TONE_LABEL = { warning: 'toneWarning', danger: 'toneDanger', success: 'toneSuccess' };
const URL_PATTERN = /https?:\/\/[^\s）」』、。()<>"]+/g;

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string} [className]
 * @param {string} [text]
 * @returns {HTMLElementTagNameMap[K]}
 */
function el(tag, className, text) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

/** A paragraph with web addresses turned into links. @param {string} line */
function paragraph(line) {
  const p = el('p');
  let last = 0;
  for (const match of line.matchAll(URL_PATTERN)) {
    const at = match.index ?? 0;
    p.append(line.slice(last, at));
    const link = el('a', undefined, match[0]);
    link.href = match[0];
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    p.append(link);
    last = at + match[0].length;
  }
  p.append(line.slice(last));
  return p;
}

/** @param {Reply} reply @param {Locale} locale */
function facts(reply, locale) {
  const table = el('table', 'facts');
  table.append(el('caption', 'visually-hidden', t(locale, 'factsCaption')));
  const body = el('tbody');
  for (const fact of reply.facts ?? []) {
    const row = el('tr');
    const th = el('th', undefined, fact.label);
    th.scope = 'row';
    row.append(th, el('td', undefined, fact.value));
    body.append(row);
  }
  table.append(body);
  return table;
}

/** @param {Reply} reply @param {Locale} locale @param {Actions} actions */
function acknowledgements(reply, locale, actions) {
  const form = el('form', 'acks');
  const fieldset = el('fieldset');
  fieldset.append(el('legend', undefined, t(locale, 'acksLegend')));
  /** @type {HTMLInputElement[]} */
  const boxes = [];
  for (const ack of reply.acknowledgements ?? []) {
    const label = el('label', 'ack');
    const box = el('input');
    box.type = 'checkbox';
    box.value = ack.id;
    boxes.push(box);
    label.append(box, el('span', undefined, ack.label));
    fieldset.append(label);
  }
  const hintId = `acks-hint-${reply.stateVersion}-${Math.random().toString(36).slice(2, 8)}`;
  const hint = el('p', 'hint', t(locale, 'acksPending'));
  hint.id = hintId;
  const submit = el('button', 'primary ack-submit', t(locale, 'acksSubmit'));
  submit.type = 'submit';
  submit.setAttribute('aria-describedby', hintId);
  const update = () => {
    const ready = boxes.every((box) => box.checked);
    submit.disabled = !ready || form.classList.contains('answered');
    hint.hidden = ready;
  };
  for (const box of boxes) box.addEventListener('change', update);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!boxes.every((box) => box.checked)) return;
    actions.acknowledge(
      reply,
      boxes.map((box) => box.value),
    );
  });
  fieldset.append(submit, hint);
  form.append(fieldset);
  update();
  /** Re-evaluates the button after the message becomes active again. */
  form.addEventListener('refresh', update);
  return form;
}

/** @param {Reply} reply @param {Locale} locale @param {Actions} actions */
function typedConfirmation(reply, locale, actions) {
  const form = el('form', 'typed');
  const id = `typed-${reply.stateVersion}-${Math.random().toString(36).slice(2, 8)}`;
  const label = el('label', undefined, t(locale, 'typedLabel', { phrase: reply.typedConfirmation ?? '' }));
  label.htmlFor = id;
  const input = el('input');
  input.id = id;
  input.type = 'text';
  input.autocomplete = 'off';
  input.maxLength = 1000;
  input.required = true;
  const submit = el('button', 'primary', t(locale, 'typedSubmit'));
  submit.type = 'submit';
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (input.value.trim() !== '') actions.typed(reply, input.value);
  });
  form.append(label, el('div', 'typed-row'));
  form.lastElementChild?.append(input, submit);
  return form;
}

/** @param {Reply} reply @param {Locale} locale @param {Actions} actions */
function choices(reply, locale, actions) {
  const group = el('div', 'choices');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', t(locale, 'choices'));
  for (const choice of reply.choices ?? []) {
    const button = el('button', `choice ${choice.style}`);
    button.type = 'button';
    button.dataset.choiceId = choice.id;
    if (choice.style === 'danger') {
      const icon = el('span', 'icon', '⚠ ');
      icon.setAttribute('aria-hidden', 'true');
      button.append(icon);
    }
    button.append(choice.label);
    button.addEventListener('click', () => actions.choose(reply, choice, button));
    group.append(button);
  }
  return group;
}

/**
 * After a completed procedure: a next step — back to the menu, or done. @param {Locale} locale
 * @param {Actions} actions
 */
function nextStep(locale, actions) {
  const group = el('div', 'choices next-step');
  const menu = el('button', 'choice', t(locale, 'backToMenu'));
  menu.type = 'button';
  menu.addEventListener('click', () => actions.menu());
  const done = el('button', 'choice', t(locale, 'done'));
  done.type = 'button';
  done.addEventListener('click', () => actions.done(done));
  group.append(menu, done);
  return group;
}

/** @param {Reply} reply @param {Locale} locale */
function receipt(reply, locale) {
  const id = reply.receipt?.id ?? '';
  const href = `/chat/api/receipts/${encodeURIComponent(id)}`;
  const p = el('p', 'receipt');
  const view = el('a', undefined, t(locale, 'receiptView', { id }));
  view.href = href;
  view.target = '_blank';
  view.rel = 'noopener noreferrer';
  view.append(el('span', 'visually-hidden', t(locale, 'opensNewTab')));
  const download = el('a', undefined, t(locale, 'receiptDownload'));
  download.href = `${href}?download=1`;
  download.setAttribute('download', '');
  p.append(view, ' ', download);
  return p;
}

/**
 * One transcript entry as a message element (`.msg.user` / `.msg.bot`). Controls start enabled; the caller
 * disables those of messages already answered.
 * @param {Entry} entry @param {Locale} locale @param {Actions} actions
 * @returns {HTMLElement}
 */
export function renderEntry(entry, locale, actions) {
  const message = el('article', `msg ${entry.from}`);
  message.dataset.seq = String(entry.seq);
  message.append(el('p', 'visually-hidden', `${t(locale, entry.from === 'user' ? 'you' : 'bot')}:`));
  if (entry.from === 'user') {
    for (const line of entry.text.split('\n')) message.append(el('p', undefined, line));
    return message;
  }
  const { reply } = entry;
  message.classList.add(`tone-${reply.tone}`);
  message.dataset.stateVersion = String(reply.stateVersion);
  if (reply.tone !== 'info') {
    const badge = el('p', 'tone');
    const icon = el('span', 'icon', `${TONE_ICON[reply.tone]} `);
    icon.setAttribute('aria-hidden', 'true');
    badge.append(icon, t(locale, TONE_LABEL[reply.tone]));
    message.append(badge);
  }
  for (const line of reply.text.split('\n')) if (line.trim() !== '') message.append(paragraph(line));
  if (reply.facts?.length) message.append(facts(reply, locale));
  if (reply.acknowledgements?.length) message.append(acknowledgements(reply, locale, actions));
  if (reply.typedConfirmation !== undefined) message.append(typedConfirmation(reply, locale, actions));
  if (reply.choices?.length) message.append(choices(reply, locale, actions));
  if (reply.receipt) message.append(receipt(reply, locale));
  // The procedure is complete when a receipt is given and nothing more is asked in this message.
  if (reply.receipt && !reply.choices?.length) message.append(nextStep(locale, actions));
  return message;
}

/**
 * Enables or disables every control of a message. Acknowledgement buttons stay disabled until all boxes are
 * ticked. @param {HTMLElement} message @param {boolean} active
 */
export function setActive(message, active) {
  for (const form of message.querySelectorAll('form')) form.classList.toggle('answered', !active);
  for (const control of message.querySelectorAll('button, input')) {
    if (control instanceof HTMLButtonElement || control instanceof HTMLInputElement)
      control.disabled = !active;
  }
  if (active)
    for (const form of message.querySelectorAll('form.acks')) form.dispatchEvent(new Event('refresh'));
}

/**
 * The control to focus when a message becomes the current question: never a danger button; the first ticking
 * box, text field or safe button. @param {HTMLElement} message @returns {HTMLElement | null}
 */
export function firstSafeControl(message) {
  return message.querySelector(
    'input:not(:disabled), button.choice:not(.danger):not(:disabled), button:not(.danger):not(.choice):not(:disabled)',
  );
}
