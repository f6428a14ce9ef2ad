// @ts-check
/**
 * The chat page's controller: loads the session's history, sends the user's actions to `/chat/api/turn` and
 * appends what comes back. Buttons of answered messages are disabled; the engine still refuses stale clicks.
 * A `?token=` from the support site is handed to the server once and removed from the address bar.
 *
 * Live desk: messages from a person arrive outside the page's turns. While the server says the conversation
 * has an open ticket (`handoff` in the history answer, its wire name: `live`, or `request` for a callback request
 * left for later), the page listens to `/chat/api/events` (Server-Sent Events, from the history answer's `events`
 * id; the browser resumes with `Last-Event-ID` after a drop) and, on each message or (re)connection, fetches
 * `/chat/api/history?after=<last seq>` for the ticket's state and anything the stream did not carry. Only when the
 * browser has no EventSource, or the server refuses the stream, it fetches that every 2 s (`live`) or 15 s
 * (`request`) instead. It asks once after any turn that involved the live desk's offer, and on load. Entries are
 * numbered, so none is shown twice or skipped.
 */
import { localisePage, t } from './i18n.js';
import { firstSafeControl, renderEntry, setActive } from './render.js';

/** @typedef {import('./i18n.js').Locale} Locale */
/** @typedef {import('./render.js').Entry} Entry */
/** @typedef {import('./render.js').Reply} Reply */
/** @typedef {import('./render.js').Actions} Actions */

const log = /** @type {HTMLElement} */ (document.getElementById('log'));
const composer = /** @type {HTMLFormElement} */ (document.getElementById('composer'));
const input = /** @type {HTMLTextAreaElement} */ (document.getElementById('composer-input'));
const send = /** @type {HTMLButtonElement} */ (document.getElementById('send'));
const errorBox = /** @type {HTMLElement} */ (document.getElementById('error'));
const busy = /** @type {HTMLElement} */ (document.getElementById('busy'));
const language = /** @type {HTMLButtonElement} */ (document.getElementById('language'));
const identityState = /** @type {HTMLElement} */ (document.getElementById('identity-state'));
const identityNotice = /** @type {HTMLElement} */ (document.getElementById('identity-notice'));
const demoForm = /** @type {HTMLFormElement} */ (document.getElementById('demo'));
const demoSelect = /** @type {HTMLSelectElement} */ (document.getElementById('demo-customer'));

/** @type {Locale} */
let locale = document.documentElement.lang === 'en' ? 'en' : 'ja';
let pending = false;
/** @type {{ signedIn: boolean, signedInAs?: string }} */
let identity = { signedIn: false };
/** The highest transcript entry number shown. */
let lastSeq = 0;
/** The last bot reply shown, as an entry. @type {Entry | undefined} */
let lastBot;
/** @type {'live' | 'request' | undefined} */
let deskState;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let pollTimer;
const POLL_MS = { live: 2000, request: 15000 };
/** The open event stream, while a ticket is open. @type {EventSource | undefined} */
let stream;
/** Where a new event stream starts (the history answer's `events`). @type {string | undefined} */
let eventsFrom;
/** The server refused the stream (or the browser has none): fetch the history periodically instead. */
let streamRefused = typeof EventSource === 'undefined';

/** A random id per submission, so a retried request is recognised (works without a secure context). */
function requestId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * @param {string} path @param {unknown} [body]
 * @returns {Promise<Record<string, unknown>>} the JSON answer; throws an Error whose message is polite and shown to the user
 */
async function api(path, body) {
  let response;
  try {
    response = await fetch(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new Error(t(locale, 'network'));
  }
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(typeof json.message === 'string' ? json.message : t(locale, 'network'));
  return json;
}

function showError(/** @type {string | undefined} */ message) {
  errorBox.textContent = message ?? '';
  errorBox.hidden = !message;
}

function showIdentity() {
  identityState.textContent = identity.signedIn
    ? identity.signedInAs
      ? t(locale, 'signedInAs', { name: identity.signedInAs })
      : t(locale, 'signedIn')
    : t(locale, 'anonymous');
}

function applyLocale(/** @type {Locale} */ next) {
  locale = next;
  localisePage(locale);
  showIdentity();
}

/** Messages after the last user message are the current question; everything before is answered. */
function settle() {
  const messages = /** @type {HTMLElement[]} */ ([...log.querySelectorAll('.msg')]);
  const lastUser = messages.map((m) => m.classList.contains('user')).lastIndexOf(true);
  messages.forEach((message, index) => {
    if (message.classList.contains('bot')) setActive(message, !pending && index > lastUser);
  });
  send.disabled = pending;
  busy.hidden = !pending;
  log.setAttribute('aria-busy', String(pending));
}

/** @type {Actions} */
const actions = {
  choose(reply, choice, button) {
    button.classList.add('chosen');
    button.setAttribute('aria-pressed', 'true');
    button.append(
      Object.assign(document.createElement('span'), {
        className: 'visually-hidden',
        textContent: t(locale, 'chosen'),
      }),
    );
    void turn({ kind: 'choice', choiceId: choice.id, stateVersion: reply.stateVersion }, 'control');
  },
  acknowledge(reply, ackIds) {
    void turn({ kind: 'acknowledge', ackIds, stateVersion: reply.stateVersion }, 'control');
  },
  typed(reply, text) {
    void turn({ kind: 'typed', text, stateVersion: reply.stateVersion }, 'control');
  },
  menu() {
    void turn({ kind: 'start', dialogId: 'menu' }, 'control');
  },
  done(button) {
    const note = document.createElement('p');
    note.className = 'done-note';
    note.setAttribute('role', 'status');
    note.tabIndex = -1;
    note.textContent = t(locale, 'doneMessage');
    button.closest('.next-step')?.replaceWith(note);
    // Focus the message, not the text box: no phone keyboard pops up at the end.
    note.focus({ preventScroll: true });
  },
};

/**
 * Appends entries; `reveal` scrolls the first new bot message into view (the start of the answer, so a long
 * reply is read from its beginning). @param {Entry[]} entries @param {boolean} reveal
 */
function append(entries, reveal) {
  /** @type {HTMLElement | undefined} */
  let first;
  const fresh = entries.filter((entry) => entry.seq > lastSeq);
  for (const entry of fresh) {
    const message = renderEntry(entry, locale, actions);
    if (!first && entry.from === 'bot') first = message;
    if (entry.from === 'bot') lastBot = entry;
    lastSeq = entry.seq;
    log.append(message);
  }
  if (fresh.length === 0) return;
  // The first message of a new conversation: the page stays at its top (title, service, hours visible).
  if (fresh[0]?.seq === 1) return;
  if (reveal) first?.scrollIntoView({ block: 'start' });
  else log.lastElementChild?.scrollIntoView({ block: 'end' });
}

/** Whether the entry is part of reaching a person (the live-chat offer, waiting, talking, leaving a request). */
function involvesLiveDesk(/** @type {Entry | undefined} */ entry) {
  return entry?.from === 'bot' && (entry.reply.choices ?? []).some((c) => c.id.startsWith('__handoff-'));
}

/** @param {unknown} state @param {unknown} [events] where a new event stream would start */
function setDeskState(state, events) {
  deskState = state === 'live' || state === 'request' ? state : undefined;
  if (typeof events === 'string') eventsFrom = events;
  // While a person is on the line every message goes to them: the bot's commands do not apply then.
  const hint = document.getElementById('composer-hint');
  if (hint) hint.textContent = t(locale, deskState === 'live' ? 'inputHintLive' : 'inputHint');
  clearTimeout(pollTimer);
  pollTimer = undefined;
  if (!deskState) closeStream();
  else if (streamRefused || eventsFrom === undefined) {
    closeStream();
    pollTimer = setTimeout(() => void poll(), POLL_MS[deskState]);
  } else openStream(eventsFrom);
}

function closeStream() {
  stream?.close();
  stream = undefined;
}

/** Listens for messages from a person; on each (and on every (re)connection) the history fills in the rest. */
function openStream(/** @type {string} */ from) {
  if (stream) return;
  const source = new EventSource(`/chat/api/events?after=${encodeURIComponent(from)}`);
  stream = source;
  const catchUp = () => {
    if (pending || stream !== source) return; // the turn in flight asks itself
    void sync().catch(() => {});
  };
  source.onopen = catchUp;
  source.onmessage = (event) => {
    if (stream !== source) return;
    try {
      const data = JSON.parse(event.data);
      if (Array.isArray(data.entries) && !pending && (data.entries[0]?.seq ?? 0) <= lastSeq + 1) {
        append(data.entries, true);
        settle();
      }
    } catch {
      // Not ours to show: the history below has every entry.
    }
    catchUp();
  };
  source.onerror = () => {
    // CONNECTING: the browser reconnects by itself (with Last-Event-ID). CLOSED: refused — fetch periodically.
    if (source.readyState !== EventSource.CLOSED || stream !== source) return;
    stream = undefined;
    streamRefused = true;
    setDeskState(deskState);
  };
}

/** Fetches the entries after the last one shown (and whether to keep fetching); scrolls to the first new one. */
async function sync() {
  const history = await api(`/chat/api/history?after=${lastSeq}`);
  append(history.entries, true);
  setDeskState(history.handoff, history.events);
  settle();
}

async function poll() {
  pollTimer = undefined;
  if (pending) {
    setDeskState(deskState); // the turn in flight asks itself; come back later
    return;
  }
  try {
    await sync();
  } catch {
    setDeskState(deskState); // a network hiccup: try again at the next interval
  }
}

/**
 * Sends one action. `from`: where the user acted — after a click the focus moves to the new question's first
 * safe control (never a danger button); after typing it stays in the message box.
 * @param {Record<string, unknown>} turnInput @param {'composer' | 'control' | 'page'} from
 */
async function turn(turnInput, from) {
  if (pending) return;
  pending = true;
  showError(undefined);
  settle();
  const involved = deskState !== undefined || involvesLiveDesk(lastBot);
  try {
    const answer = await api('/chat/api/turn', { id: requestId(), input: turnInput });
    if (answer.locale !== locale) applyLocale(answer.locale);
    if (answer.duplicate) await reload();
    else {
      /** @type {Entry[]} */
      const entries = answer.entries;
      // Messages from a person arrived before this answer: fetch them all in order.
      if ((entries[0]?.seq ?? 0) > lastSeq + 1) await sync();
      else append(entries, true);
      // Asks whether a person may write outside turns; on failure, polling itself will find out.
      if (involved || entries.some(involvesLiveDesk)) await sync().catch(() => setDeskState('live'));
    }
    pending = false;
    settle();
    if (from === 'control') {
      const current = [...log.querySelectorAll('.msg.bot')].at(-1);
      const target = current instanceof HTMLElement ? firstSafeControl(current) : null;
      // Without scrolling: the new message stays in view from its start (facts before the boxes to tick).
      // Nothing to answer with a control (e.g. the procedure is complete): the message itself, never the text
      // box, so a phone's keyboard does not open by itself.
      if (target) target.focus({ preventScroll: true });
      else if (current instanceof HTMLElement) {
        current.tabIndex = -1;
        current.focus({ preventScroll: true });
      }
    }
  } catch (error) {
    pending = false;
    settle();
    showError(error instanceof Error ? error.message : String(error));
  }
}

async function reload() {
  const lang = new URLSearchParams(location.search).get('lang');
  const history = await api(`/chat/api/history${lang === 'en' ? '?lang=en' : ''}`);
  identity = { signedIn: history.signedIn, signedInAs: history.signedInAs };
  applyLocale(history.locale);
  log.replaceChildren();
  lastSeq = 0;
  lastBot = undefined;
  append(history.entries, false);
  closeStream();
  setDeskState(history.handoff, history.events);
  settle();
  return history;
}

async function signInWithSiteToken() {
  const params = new URLSearchParams(location.search);
  const token = params.get('token');
  if (!token) return;
  params.delete('token');
  const query = params.toString();
  history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
  const answer = await api('/chat/api/session', { token });
  identity = { signedIn: answer.signedIn, signedInAs: answer.signedInAs };
  identityNotice.textContent = answer.message ?? '';
  identityNotice.hidden = !answer.message;
}

async function setUpDemo() {
  const { customers } = await api('/chat/api/demo/customers');
  for (const customer of customers) {
    const option = document.createElement('option');
    option.value = customer.customerId;
    option.textContent = `${customer.name}（${customer.email}）`;
    demoSelect.append(option);
  }
  demoForm.hidden = false;
  demoForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const answer = await api('/chat/api/demo/sign-in', { customerId: demoSelect.value });
      identity = { signedIn: answer.signedIn, signedInAs: answer.signedInAs };
      identityNotice.hidden = true;
      showIdentity();
    } catch (error) {
      showError(error instanceof Error ? error.message : String(error));
    }
  });
}

composer.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (text === '' || pending) return;
  input.value = '';
  void turn({ kind: 'text', text }, 'composer');
});
input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    composer.requestSubmit();
  }
});
language.addEventListener('click', () => {
  void turn({ kind: 'locale', locale: locale === 'ja' ? 'en' : 'ja' }, 'page');
});

/** The header: whose service this is, the hours, the privacy link (operator configuration). */
async function showSite() {
  const site = await api('/chat/api/site');
  const service = document.getElementById('site-service');
  const hours = document.getElementById('site-hours');
  const privacy = document.getElementById('site-privacy');
  if (service) service.textContent = site.serviceName;
  if (hours) hours.textContent = site.hours;
  const item = document.getElementById('site-privacy-item');
  if (privacy instanceof HTMLAnchorElement && item && typeof site.privacyUrl === 'string') {
    privacy.href = site.privacyUrl;
    item.hidden = false;
  }
}

async function start() {
  try {
    await showSite();
    await signInWithSiteToken();
    const history = await reload();
    if (history.demo) await setUpDemo();
    if (history.entries.length === 0) {
      const entry = new URLSearchParams(location.search).get('start') ?? 'menu';
      await turn({ kind: 'start', dialogId: entry }, 'page');
    }
  } catch (error) {
    showError(error instanceof Error ? error.message : String(error));
  }
}

void start();
