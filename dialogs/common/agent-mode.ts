/**
 * Agent mode: a contact-center agent (as the channel resolved the speaker, `actor.kind === 'agent'`) starts acting
 * for a customer, and ends it.
 *
 * `agent-session`: anyone else is refused politely and nothing is called. The agent names the customer by
 * registered e-mail or contract number → `findCustomer` (agent key, no On-Behalf-Of) → the customer is shown as
 * facts → the agent ticks that the customer's identity was verified (a `confirm`, so what was shown and ticked is
 * recorded) → `beginAgentSession`. From the agent's next message on, the channel makes the agent act for that
 * customer (`resolveSpeaker`); every backend write records both the agent and the customer, and so do receipts.
 *
 * `agent-end`: ends the session, or says there was none.
 */
import type { DialogBehaviour, ValidatorResult } from '../../src/engine/behaviour.js';
import type { Dialog } from '../../src/engine/tree/schema.js';
import type { Fact } from '../../src/engine/turn.js';
import { isEmailAddress } from '../../src/identity/email.js';

export const agentSessionDialog: Dialog = {
  id: 'agent-session',
  version: 1,
  title: 'agent.session.title',
  start: 'check',
  nodes: {
    check: {
      kind: 'branch',
      cases: [{ when: { guard: 'agentIsAgent' }, next: 'query' }],
      otherwise: 'notAgent',
    },
    notAgent: { kind: 'end', text: 'agent.not-agent', tone: 'warning', outcome: 'refused' },
    query: {
      kind: 'ask',
      slot: 'query',
      prompt: 'agent.session.query',
      reprompt: 'agent.session.query.reprompt',
      input: { type: 'text', validator: 'agentCustomerQuery', maxLength: 254 },
      next: 'find',
    },
    find: {
      kind: 'call',
      operation: 'findCustomer',
      args: { email: 'query.email', contractNumber: 'query.contractNumber' },
      result: 'customer',
      next: {
        ok: 'confirm',
        errors: {
          'customer-not-found': 'notFound',
          unauthenticated: 'noKey',
          forbidden: 'noKey',
        },
        unreachable: 'down',
        // The backend answered, but not usably (e.g. off-contract; the engine says it cannot show this now).
        failed: 'notNow',
      },
    },
    notFound: {
      kind: 'ask',
      slot: 'query',
      prompt: 'agent.session.not-found',
      reprompt: 'agent.session.query.reprompt',
      input: { type: 'text', validator: 'agentCustomerQuery', maxLength: 254 },
      next: 'find',
    },
    confirm: {
      kind: 'confirm',
      target: 'customer',
      intro: 'agent.session.intro',
      facts: [
        { label: 'agent.fact.name', slot: 'customer.displayName' },
        { label: 'agent.fact.id', slot: 'customer.customerId' },
        { label: 'agent.fact.email', slot: 'customer.maskedEmail' },
      ],
      factsFrom: 'agentCustomerServices',
      acknowledgements: [{ consequence: 'identity-verified', text: 'agent.session.ack.identity' }],
      final: 'agent.session.final',
      confirmLabel: 'agent.session.confirm-label',
      next: 'begin',
      cancel: 'cancelled',
    },
    begin: {
      kind: 'call',
      operation: 'beginAgentSession',
      target: 'customer',
      args: { customerId: 'customer.customerId', customerLabel: 'customer.maskedEmail' },
      next: { ok: 'started', errors: { 'not-agent': 'notAgent' }, failed: 'down' },
    },
    started: { kind: 'end', text: 'agent.session.started', tone: 'success', outcome: 'started' },
    cancelled: { kind: 'end', text: 'agent.session.cancelled', outcome: 'cancelled' },
    noKey: { kind: 'end', text: 'agent.session.no-key', tone: 'warning', outcome: 'failed' },
    down: { kind: 'end', text: 'common.backend-down', tone: 'warning', outcome: 'failed' },
    notNow: { kind: 'end', text: 'common.not-now', tone: 'warning', outcome: 'failed' },
  },
};

export const agentEndDialog: Dialog = {
  id: 'agent-end',
  version: 1,
  title: 'agent.end.title',
  start: 'check',
  nodes: {
    check: {
      kind: 'branch',
      cases: [{ when: { guard: 'agentIsAgent' }, next: 'end' }],
      otherwise: 'notAgent',
    },
    notAgent: { kind: 'end', text: 'agent.not-agent', tone: 'warning', outcome: 'refused' },
    end: {
      kind: 'call',
      operation: 'endAgentSession',
      result: 'ending',
      next: { ok: 'ended', errors: { 'not-agent': 'notAgent' }, failed: 'down' },
    },
    ended: {
      kind: 'branch',
      cases: [{ when: { slot: 'ending.ended', equals: true }, next: 'done' }],
      otherwise: 'none',
    },
    done: { kind: 'end', text: 'agent.end.done', tone: 'success', outcome: 'ended' },
    none: { kind: 'end', text: 'agent.end.none', outcome: 'none' },
    down: { kind: 'end', text: 'common.backend-down', tone: 'warning', outcome: 'failed' },
  },
};

export const agentModeDialogs: Dialog[] = [agentSessionDialog, agentEndDialog];

/** Portal contract numbers: letters then digits, e.g. HMMH061530 (typed in any width or case, with spaces). */
const CONTRACT_NUMBER = /^[A-Z]{2,8}[0-9]{3,10}$/;

interface SummaryContract {
  contractNumber: string;
  serviceName: string;
  status: string;
}

function contractsOf(customer: unknown): SummaryContract[] {
  const list = (customer as { contracts?: unknown } | null)?.contracts;
  return Array.isArray(list)
    ? list.filter(
        (c): c is SummaryContract =>
          typeof c === 'object' &&
          c !== null &&
          typeof (c as SummaryContract).contractNumber === 'string' &&
          typeof (c as SummaryContract).serviceName === 'string' &&
          typeof (c as SummaryContract).status === 'string',
      )
    : [];
}

export const agentModeBehaviour: DialogBehaviour = {
  guards: {
    /** The speaker is an agent (with or without a customer they already act for). */
    agentIsAgent: ({ actor }) => actor.kind === 'agent',
  },
  validators: {
    /** An e-mail address → `{ email }`, or a contract number → `{ contractNumber }`. */
    agentCustomerQuery: (input): ValidatorResult => {
      const raw = input.normalize('NFKC').trim();
      if (raw.includes('@')) {
        return isEmailAddress(raw)
          ? { ok: true, value: { email: raw.toLowerCase() } }
          : { ok: false, message: 'agent.session.query.reprompt' };
      }
      const number = raw.toUpperCase().replace(/[\s-]/g, '');
      return CONTRACT_NUMBER.test(number)
        ? { ok: true, value: { contractNumber: number } }
        : { ok: false, message: 'agent.session.query.reprompt' };
    },
  },
  facts: {
    /** The customer's services from the `findCustomer` summary: camera plan, portal contracts (and how many more). */
    agentCustomerServices: ({ slots, text }): Fact[] => {
      const customer = slots.customer as
        | { miemasu?: { plan?: unknown; deviceCount?: unknown } | null; contractCount?: unknown }
        | undefined;
      const rows: Fact[] = [];
      const miemasu = customer?.miemasu;
      if (miemasu && (miemasu.plan === 'annual-pack' || miemasu.plan === 'monthly')) {
        rows.push({
          label: text.t('agent.fact.miemasu'),
          value: text.t(`agent.fact.miemasu.${miemasu.plan}`, { deviceCount: miemasu.deviceCount }),
        });
      }
      const contracts = contractsOf(customer);
      for (const contract of contracts) {
        const statusKey = `agent.status.${contract.status}`;
        rows.push({
          label: text.t('agent.fact.contract', contract),
          value: text.t('agent.fact.contract.value', {
            ...contract,
            statusText: text.has(statusKey) ? text.t(statusKey) : contract.status,
          }),
        });
      }
      const total = typeof customer?.contractCount === 'number' ? customer.contractCount : contracts.length;
      if (total > contracts.length) {
        rows.push({
          label: text.t('agent.fact.contracts.more'),
          value: text.t('agent.fact.contracts.more.value', { count: total - contracts.length }),
        });
      }
      if (rows.length === 0)
        rows.push({ label: text.t('agent.fact.services'), value: text.t('agent.fact.services.none') });
      return rows;
    },
  },
};
