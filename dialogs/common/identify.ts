/**
 * Identify the customer before anything about their account is read: a one-time code to the e-mail address
 * registered with the service (never a password). Agents act on behalf of the customer the channel names.
 * Ends with outcome `verified`, or `failed` (the caller says what to do next).
 */
import type { DialogBehaviour } from '../../src/engine/behaviour.js';
import type { Dialog } from '../../src/engine/tree/schema.js';

export const identifyDialog: Dialog = {
  id: 'identify',
  version: 1,
  title: 'identify.title',
  start: 'check',
  nodes: {
    check: {
      kind: 'branch',
      cases: [{ when: { guard: 'isIdentified' }, next: 'already' }],
      otherwise: 'email',
    },
    already: { kind: 'end', outcome: 'verified' },
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
      next: { ok: 'code', errors: { 'verification-locked': 'locked' }, unreachable: 'down', failed: 'down' },
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
        failed: 'down',
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
  },
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const identifyBehaviour: DialogBehaviour = {
  guards: {
    isIdentified: ({ actor, credentials }) =>
      credentials.includes('customerToken') || (actor.kind === 'agent' && actor.onBehalfOf !== undefined),
  },
  validators: {
    email: (input) =>
      EMAIL.test(input)
        ? { ok: true, value: input.toLowerCase() }
        : { ok: false, message: 'identify.email.reprompt' },
    oneTimeCode: (input) => {
      const digits = input.replace(/[\s-]/g, '');
      return /^\d{6}$/.test(digits)
        ? { ok: true, value: digits }
        : { ok: false, message: 'identify.code.reprompt' };
    },
  },
};
