/**
 * Identify the customer before anything about their account is read, in this order:
 * - already identified (a customer token, or an agent acting for a customer) → done;
 * - an agent acting for nobody → told to start agent mode first (「代理対応」) and never sent into the
 *   one-time-code flow, whose code would go to the customer's mailbox;
 * - a customer signed in on the support site (the web chat passes the site assertion as a credential) → the
 *   assertion is exchanged for a token, no code needed; if that fails, the code flow follows;
 * - otherwise a one-time code to the e-mail address registered with the service (never a password).
 * Ends with outcome `verified`, or `failed` (the caller says what to do next).
 */
import type { DialogBehaviour } from '../../src/engine/behaviour.js';
import type { Dialog } from '../../src/engine/tree/schema.js';
import { CUSTOMER_TOKEN } from '../../src/identity/credentials.js';
import { isEmailAddress } from '../../src/identity/email.js';
import { SITE_ASSERTION_CREDENTIAL } from '../../src/identity/site-assertion.js';

export const identifyDialog: Dialog = {
  id: 'identify',
  version: 2,
  title: 'identify.title',
  start: 'check',
  nodes: {
    check: {
      kind: 'branch',
      cases: [
        { when: { guard: 'isIdentified' }, next: 'already' },
        { when: { guard: 'isAgentForNobody' }, next: 'agentNeedsSession' },
        { when: { guard: 'hasSiteAssertion' }, next: 'site' },
      ],
      otherwise: 'email',
    },
    already: { kind: 'end', outcome: 'verified' },
    agentNeedsSession: {
      kind: 'end',
      text: 'identify.agent-needs-session',
      tone: 'warning',
      outcome: 'failed',
    },
    site: {
      kind: 'call',
      // Reads the assertion from the turn's credentials itself (src/identity/credentials.ts).
      operation: 'exchangeSiteAssertion',
      result: 'identity',
      next: { ok: 'siteVerified', unreachable: 'siteFailed', failed: 'siteFailed' },
    },
    siteVerified: { kind: 'end', text: 'identify.site-verified', tone: 'success', outcome: 'verified' },
    siteFailed: { kind: 'say', text: 'identify.site-failed', tone: 'warning', next: 'email' },
    email: {
      kind: 'ask',
      slot: 'email',
      prompt: 'identify.email',
      reprompt: 'identify.email.reprompt',
      input: { type: 'text', validator: 'email', maxLength: 254 },
      next: 'send',
    },
    send: {
      kind: 'call',
      operation: 'startVerification',
      args: { email: 'email' },
      result: 'verification',
      next: {
        ok: 'code',
        errors: { 'verification-locked': 'locked' },
        unreachable: 'down',
        failed: 'notNow',
      },
    },
    code: {
      kind: 'ask',
      slot: 'code',
      prompt: 'identify.code',
      reprompt: 'identify.code.reprompt',
      input: { type: 'text', validator: 'oneTimeCode', maxLength: 20 },
      next: 'confirm',
    },
    confirm: {
      kind: 'call',
      operation: 'confirmVerification',
      args: { verificationId: 'verification.verificationId', code: 'code' },
      result: 'identity',
      next: {
        ok: 'verified',
        // The backend answers `verification-failed` for a wrong, used or expired code alike.
        errors: { 'verification-failed': 'wrongCode', 'verification-locked': 'locked' },
        unreachable: 'down',
        // The backend answered, but not usably (e.g. off-contract): never "cannot connect".
        failed: 'notNow',
      },
    },
    wrongCode: {
      kind: 'ask',
      slot: 'code',
      prompt: 'identify.code.wrong',
      reprompt: 'identify.code.reprompt',
      input: { type: 'text', validator: 'oneTimeCode', maxLength: 20 },
      next: 'confirm',
    },
    verified: { kind: 'end', text: 'identify.verified', tone: 'success', outcome: 'verified' },
    locked: { kind: 'end', text: 'identify.locked', tone: 'warning', outcome: 'failed' },
    down: { kind: 'end', text: 'common.backend-down', tone: 'warning', outcome: 'failed' },
    notNow: { kind: 'end', text: 'common.not-now', tone: 'warning', outcome: 'failed' },
  },
};

export const identifyBehaviour: DialogBehaviour = {
  guards: {
    // An agent is identified only through a session (acting for a customer); a customer through a token.
    isIdentified: ({ actor, credentials }) =>
      actor.kind === 'agent' ? actor.onBehalfOf !== undefined : credentials.includes(CUSTOMER_TOKEN),
    isAgentForNobody: ({ actor }) => actor.kind === 'agent' && actor.onBehalfOf === undefined,
    hasSiteAssertion: ({ credentials }) => credentials.includes(SITE_ASSERTION_CREDENTIAL),
  },
  validators: {
    // The contract's rule (src/identity/email.ts): an address the backend would refuse is asked again, politely.
    email: (input) => {
      const address = input.normalize('NFKC').trim();
      return isEmailAddress(address)
        ? { ok: true, value: address.toLowerCase() }
        : { ok: false, message: 'identify.email.reprompt' };
    },
    oneTimeCode: (input) => {
      const digits = input.replace(/[\s-]/g, '');
      return /^\d{6}$/.test(digits)
        ? { ok: true, value: digits }
        : { ok: false, message: 'identify.code.reprompt' };
    },
  },
};
