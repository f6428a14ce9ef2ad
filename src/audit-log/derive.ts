/**
 * Audit entries from the engine's events (`src/engine/events.ts`), as receipts are derived from the same events
 * (`src/receipts/recorder.ts`):
 *
 * - `disclosed` → `disclosure-shown` (the facts and consequence ids shown), when shown, confirmed or not;
 * - `confirmed` → one `acknowledged` per ticked consequence (its id and text), and `confirmed` (the final
 *   question; whether a phrase had to be typed);
 * - `call-completed` of a destructive or changing operation → `action` (operation, item, consequences
 *   acknowledged, backend reference, result, and for destructive calls the receipt id the recorder gives it);
 *   identity verification → `identity-verified`; an agent's customer search → `customer-lookup`; agent sessions
 *   → `agent-session-started` / `-ended`;
 * - `dialog-started` → `dialog-started`; `dialog-ended` → `dialog-ended` with its outcome and its funnel closure
 *   (`closure.ts`);
 * - `faq` → `faq` (`answered` with the entry id; `declined` with the question redacted and bounded, see
 *   {@link declinedQuestion}); `satisfaction` → `satisfaction` (score, or outcome `skipped`; `afterHandoff`);
 * - handoffs (not engine events: the live desk's `onHandoff`) → `handoff` by {@link handoffEntry}.
 * Every entry carries `what.language`, the conversation's language when it was made.
 *
 * Only named fields are read from events, never call arguments wholesale, answer payloads or typed text: no
 * e-mail address, token, one-time code or typed phrase can reach an entry. For whom: the agent's `onBehalfOf`,
 * else the customer the backend answered about (for customers, remembered per conversation once verified).
 *
 * Identifiers (actor and customer ids, item ids, references, result codes) longer than an entry allows
 * ({@link MAX_ID_LENGTH}) are replaced by {@link boundedId}'s `sha256:<hex>` form, so an entry is never lost
 * (refused by the schema) because a platform or the backend sent an over-long id.
 */
import { createHash } from 'node:crypto';
import type { EngineEvent } from '../engine/events.js';
import type { OperationOutcome } from '../engine/operations.js';
import type { HandoffEvent } from '../live-desk/desk-types.js';
import { receiptIdOf } from '../receipts/call-receipt.js';
import { redactText } from '../redaction/redact.js';
import { closureOf } from './closure.js';
import {
  type AuditEntry,
  type AuditItem,
  type AuditKind,
  type AuditResult,
  type AuditWhat,
  conversationDigest,
  MAX_FACTS,
  MAX_ID_LENGTH,
} from './entry.js';
import type { AuditLog } from './log.js';
import { scrubFact, scrubShown, type UserTextFacts } from './scrub.js';

type CallCompleted = Extract<EngineEvent, { kind: 'call-completed' }>;
type Confirmed = Extract<EngineEvent, { kind: 'confirmed' }>;
type Disclosed = Extract<EngineEvent, { kind: 'disclosed' }>;

/** Identity operations and how each proves who the customer is. */
const IDENTITY_OPERATIONS: ReadonlyMap<string, string> = new Map([
  ['confirmVerification', 'one-time-code'],
  ['exchangeSiteAssertion', 'site-session'],
]);
const CUSTOMER_LOOKUP = 'findCustomer';
const AGENT_SESSION: ReadonlyMap<string, AuditKind> = new Map([
  ['beginAgentSession', 'agent-session-started'],
  ['endAgentSession', 'agent-session-ended'],
]);

export interface DeriveOptions {
  /** Which shown facts may hold typed text (see `scrub.ts#userTextFacts`). */
  userText: UserTextFacts;
  /** Non-destructive operations that change something (e.g. creating a draft): logged as actions too. */
  mutating?: (operation: string) => boolean;
  /** How many conversations' verified customers are remembered (oldest forgotten first). Default 10,000. */
  maxConversations?: number;
}

/** The longest identifier an entry keeps as is (`NonEmpty` in entry.ts). */

/**
 * `id` when it fits an entry, else `sha256:` + the first 32 hex digits of its SHA-256: stable (the same id always
 * gives the same value, so one user's entries still group together) and short.
 */
export function boundedId(id: string): string {
  if (id.length <= MAX_ID_LENGTH) return id;
  return `sha256:${createHash('sha256').update(id).digest('hex').slice(0, 32)}`;
}

function field(value: unknown, name: string): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const found = (value as Record<string, unknown>)[name];
  return typeof found === 'string' && found !== '' ? found : undefined;
}

const iso = (at: string): string => new Date(at).toISOString();

/** The longest declined question an entry keeps (characters, after redaction). */
export const MAX_DECLINED_LENGTH = 200;
/** Runs of four or more digits (one-time codes, phone and customer numbers): never kept in a declined question. */
const DIGIT_RUN = /[0-9０-９]{4,}/g;

/**
 * A declined FAQ question as an entry may keep it: redacted as log lines are (`src/audit/redact.ts`: credentials,
 * phone numbers), e-mail addresses (masked or not) replaced by `[e-mail]`, digit runs by `#`, whitespace
 * collapsed, cut to {@link MAX_DECLINED_LENGTH} characters.
 */
export function declinedQuestion(question: string): string {
  const redacted = scrubShown(redactText(question)).replace(DIGIT_RUN, '#').replace(/\s+/g, ' ').trim();
  return redacted.length > MAX_DECLINED_LENGTH ? `${redacted.slice(0, MAX_DECLINED_LENGTH - 1)}…` : redacted;
}

/** The item an object names, by its identifier fields; `labelled: false` for call arguments (labels unread). */
function itemOf(value: unknown, labelled = true): AuditItem | undefined {
  const label = (...names: string[]) =>
    labelled ? names.map((name) => field(value, name)).find((found) => found !== undefined) : undefined;
  const make = (kind: string, id: string, shown: string | undefined): AuditItem => ({
    kind,
    id: boundedId(scrubShown(id)),
    label: scrubShown(shown ?? id),
  });
  const device = field(value, 'deviceId');
  if (device) return make('device', device, label('name'));
  const application = field(value, 'applicationNumber');
  if (application) {
    const shown = labelled
      ? [field(value, 'serviceName'), field(value, 'contractNumber')].filter(Boolean).join(' ')
      : undefined;
    return make('application', application, shown || undefined);
  }
  const contract = field(value, 'contractNumber');
  if (contract) return make('contract', contract, label('serviceName'));
  const customer = field(value, 'customerId');
  if (customer) return make('customer', customer, undefined);
  return undefined;
}

/** The customer a successful answer is about: who the backend says it acted for, or whose data it returned. */
function answeredCustomer(outcome: OperationOutcome): string | undefined {
  if (!outcome.ok) return undefined;
  const data = outcome.data;
  return (
    field((data as { performedBy?: unknown } | null)?.performedBy, 'customerId') ??
    field(data, 'customerId') ??
    field((data as { credentials?: unknown } | null)?.credentials, 'customerId')
  );
}

function resultOf(outcome: OperationOutcome): { result: AuditResult; resultCode?: string } {
  if (outcome.ok) return { result: 'ok' };
  if (outcome.kind === 'unreachable') return { result: 'unknown' };
  // `bug`: our request was refused as malformed, so nothing was carried out.
  return { result: 'refused', resultCode: outcome.kind === 'refused' ? outcome.code : 'bug' };
}

/** `what.procedure` of a step entry: the procedure in progress, when the step is a sub-dialog's. */
function procedureOf(event: EngineEvent): Pick<AuditWhat, 'procedure'> {
  return event.procedure !== undefined ? { procedure: boundedId(event.procedure) } : {};
}

/** Turns events into entries; remembers each conversation's verified customer (bounded). */
export function createEntryDeriver(options: DeriveOptions): (event: EngineEvent) => AuditEntry[] {
  const verified = new Map<string, string>();
  const max = options.maxConversations ?? 10_000;
  const remember = (conversationKey: string, customerId: string): void => {
    verified.delete(conversationKey);
    verified.set(conversationKey, customerId);
    if (verified.size > max) verified.delete(verified.keys().next().value as string);
  };

  // The last conversation's digest: a turn's entries all name the same conversation (one SHA-256 per turn).
  let digested: { key: string; digest: string } | undefined;
  const digestOf = (key: string): string => {
    if (digested?.key !== key) digested = { key, digest: conversationDigest(key) };
    return digested.digest;
  };

  const entry = (
    event: EngineEvent,
    kind: AuditKind,
    at: string,
    customerId: string | undefined,
    what: AuditWhat,
    outcome: { result: AuditResult; resultCode?: string | undefined } = { result: 'ok' },
    receiptId?: string,
  ): AuditEntry => ({
    at: iso(at),
    kind,
    actor: { kind: event.actor.kind, id: boundedId(event.actor.id) },
    ...(customerId ? { customerId: boundedId(customerId) } : {}),
    channel: event.channel,
    conversation: digestOf(event.conversationKey),
    dialogId: event.dialogId,
    what: { ...what, language: event.locale },
    result: outcome.result,
    ...(outcome.resultCode ? { resultCode: boundedId(outcome.resultCode) } : {}),
    ...(receiptId ? { receiptId } : {}),
  });

  const forWhom = (event: EngineEvent, subject?: string): string | undefined =>
    (event.actor.kind === 'agent' ? event.actor.onBehalfOf : undefined) ??
    subject ??
    verified.get(event.conversationKey);

  /** Recorded when shown, whether or not the user goes on to confirm. */
  function disclosed(event: Disclosed): AuditEntry[] {
    const item = itemOf(event.targetValue);
    return [
      entry(event, 'disclosure-shown', event.at, forWhom(event, field(event.targetValue, 'customerId')), {
        node: event.nodeId,
        ...procedureOf(event),
        ...(item ? { item } : {}),
        facts: event.facts.slice(0, MAX_FACTS).map((fact) => scrubFact(fact, options.userText)),
        consequences: event.acknowledgements.map((ack) => ack.id),
      }),
    ];
  }

  function confirmed(event: Confirmed): AuditEntry[] {
    const { record } = event;
    const item = itemOf(event.targetValue);
    const customerId = forWhom(event, field(event.targetValue, 'customerId'));
    const about = { node: event.nodeId, ...procedureOf(event), ...(item ? { item } : {}) };
    return [
      ...record.acknowledgements.map((ack) =>
        entry(event, 'acknowledged', ack.acknowledgedAt, customerId, {
          ...about,
          acknowledgement: { id: ack.id, text: scrubShown(ack.text) },
        }),
      ),
      entry(event, 'confirmed', record.confirmedAt, customerId, {
        ...about,
        question: scrubShown(record.finalQuestion),
        typedConfirmation: record.typedPhrase !== undefined,
      }),
    ];
  }

  function callCompleted(event: CallCompleted): AuditEntry[] {
    const subject = answeredCustomer(event.outcome);
    if (subject && event.actor.kind === 'customer') remember(event.conversationKey, subject);
    const outcome = resultOf(event.outcome);
    const operation = event.operation;
    const identity = IDENTITY_OPERATIONS.get(operation);
    if (identity) {
      return [
        entry(
          event,
          'identity-verified',
          event.at,
          forWhom(event, subject),
          { operation, outcome: identity },
          outcome,
        ),
      ];
    }
    if (operation === CUSTOMER_LOOKUP) {
      const id = subject === undefined ? undefined : boundedId(subject);
      const found = id ? { item: { kind: 'customer', id, label: id } } : {};
      return [
        entry(event, 'customer-lookup', event.at, forWhom(event, subject), { operation, ...found }, outcome),
      ];
    }
    const session = AGENT_SESSION.get(operation);
    if (session) {
      const ended = event.outcome.ok ? (event.outcome.data as { ended?: unknown } | null)?.ended : undefined;
      const what: AuditWhat = { operation, ...(typeof ended === 'boolean' ? { ended } : {}) };
      // The session being started names its customer; the agent may still be acting for the previous one.
      const customerId =
        session === 'agent-session-started' ? (subject ?? forWhom(event)) : forWhom(event, subject);
      return [entry(event, session, event.at, customerId, what, outcome)];
    }
    if (!event.destructive && !options.mutating?.(operation)) return [];
    const item = itemOf(event.target) ?? itemOf(event.args, false);
    const reference = event.outcome.ok ? field(event.outcome.data, 'applicationNumber') : undefined;
    const what: AuditWhat = {
      operation,
      destructive: event.destructive,
      ...(item ? { item } : {}),
      ...(event.confirmation
        ? { consequences: event.confirmation.acknowledgements.map((ack) => ack.id) }
        : {}),
      ...(reference ? { reference: boundedId(reference) } : {}),
    };
    return [entry(event, 'action', event.at, forWhom(event, subject), what, outcome, receiptIdOf(event))];
  }

  return (event) => {
    switch (event.kind) {
      case 'disclosed':
        return disclosed(event);
      case 'confirmed':
        return confirmed(event);
      case 'call-completed':
        return callCompleted(event);
      case 'dialog-started':
        return [
          entry(event, 'dialog-started', event.at, forWhom(event), event.run ? { run: event.run } : {}),
        ];
      case 'dialog-ended': {
        const closure = closureOf(event.outcome, event.changed === true);
        const what: AuditWhat = {
          outcome: event.outcome,
          ...(closure ? { closure } : {}),
          ...(event.run ? { run: event.run } : {}),
        };
        return [entry(event, 'dialog-ended', event.at, forWhom(event), what)];
      }
      case 'faq': {
        const what: AuditWhat = {
          outcome: event.outcome,
          ...(event.entry ? { entry: boundedId(event.entry) } : {}),
          ...(event.outcome === 'declined' && event.question !== undefined
            ? { declined: declinedQuestion(event.question) }
            : {}),
        };
        return [entry(event, 'faq', event.at, forWhom(event), what)];
      }
      case 'satisfaction': {
        const what: AuditWhat = {
          ...(event.score === undefined ? { outcome: 'skipped' } : { score: event.score }),
          ...(event.handoff ? { afterHandoff: event.handoff } : {}),
        };
        return [entry(event, 'satisfaction', event.at, forWhom(event), what)];
      }
    }
  };
}

/**
 * The `handoff` entry of a live-desk handoff (`HandoffEvent` in src/live-desk): `live`, `request` (actor: the
 * customer) or `claimed` (actor: the agent, with `waitedMs`). The dialog is the one the handoff was asked from
 * (`none` when nothing was in progress).
 */
export function handoffEntry(event: HandoffEvent): AuditEntry {
  const { ticket } = event;
  const customer = ticket.summary.customer;
  const agent = event.kind === 'claimed' && event.agentId !== undefined;
  return {
    at: iso(event.at),
    kind: 'handoff',
    actor: agent
      ? { kind: 'agent', id: boundedId(event.agentId ?? '') }
      : { kind: 'customer', id: boundedId(customer.actorId) },
    ...(customer.customerId ? { customerId: boundedId(customer.customerId) } : {}),
    channel: ticket.channel,
    conversation: conversationDigest(ticket.conversationKey),
    dialogId: boundedId(ticket.summary.dialogId ?? ticket.summary.position.at(-1)?.dialogId ?? 'none'),
    what: {
      handoff: event.kind,
      language: ticket.locale,
      ...(event.waitedMs !== undefined ? { waitedMs: Math.max(0, Math.round(event.waitedMs)) } : {}),
    },
    result: 'ok',
  };
}

export interface AuditTrail {
  /** Derives the event's entries and appends them (failures propagate to the engine's fault log). */
  onEvent(event: EngineEvent): Promise<void>;
  /** Derives the entries of several events, in order, and appends them in one call (all or none). */
  record(events: readonly EngineEvent[]): Promise<void>;
}

/** `log`: the audit log itself, or the outbox in front of it (`outbox.ts`), which appends durably. */
export function createAuditTrail(log: Pick<AuditLog, 'append'>, options: DeriveOptions): AuditTrail {
  const derive = createEntryDeriver(options);
  return {
    async onEvent(event) {
      const entries = derive(event);
      if (entries.length > 0) await log.append(entries);
    },
    async record(events) {
      const entries = events.flatMap(derive);
      if (entries.length > 0) await log.append(entries);
    },
  };
}
