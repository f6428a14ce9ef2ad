/**
 * `csps-cancel`: cancel a cloud-service portal contract (HOME / Therefore Online / uniFLOW Online), DOMAIN.md §2.
 *
 * Identify → pick the contract → by status: サービス開始 proceeds; the customer's own 変更お申込作成中 (or an old
 * 解約お申込作成中) draft can be withdrawn with its own confirmation, then the flow continues; a partner's draft or
 * anything else sends them to the partner / contact desk; 解約お申込受付中 says so with the application number;
 * NVS is a separate procedure. Then reason (+ domain for type-M/W/D, + month for Therefore Online) → the backend's
 * quote is shown (no write yet, invariant 10) → the draft is created → the final confirmation naming the
 * application number, where each consequence is acknowledged → submit → verify 解約お申込受付中. Declining the final confirmation, stopping
 * (`onStop`) or a failed submit withdraws the draft the bot created (`withdrawOwnDraft`) and says what happened.
 *
 * Outcomes (`end.outcome`): `completed` (cancellation accepted), `cancelled` (stopped by the customer; nothing
 * applied, our draft withdrawn), `referred` (sent to a desk, nothing changed), `failed` (the end text says what
 * has changed, e.g. a draft that could not be withdrawn, with the desk).
 * Every failure goes through `whatChanged`, which says honestly what has and has not been changed so far.
 */
import type { Dialog, NodeOf } from '../../src/engine/tree/schema.js';

const BLOCKED_BY_APPLICATION = {
  'already-cancelling': 'loadApplications',
  'cancellation-draft-exists': 'loadApplications',
  'change-draft-exists': 'loadApplications',
  'partner-draft-exists': 'loadApplications',
  'contract-not-active': 'loadApplications',
} as const;

/** Contracts without a minimum term (e.g. type-O): nothing to bill for it, so no ¥0 "remaining charge". */
function termRoute(monthsSlot: string, withTerm: string, noTerm: string): NodeOf<'branch'> {
  return {
    kind: 'branch',
    cases: [{ when: { slot: monthsSlot, equals: 0 }, next: noTerm }],
    otherwise: withTerm,
  };
}

/**
 * The cancellation's terms, defined once for its two stages and both term variants (only the
 * `minimum-term-charge` text differs: where there is no minimum term it is stated as what it is — no lump-sum
 * charge — rather than as a ¥0 estimate).
 *
 * - `discloseTerms`: before any write, from the backend's quote (`quote`), about `contract`. Invariant 10: every
 *   date, charge and consequence is SHOWN before the draft is created; nothing is ticked here. The customer
 *   chooses to go on (the draft is created) or to stop (nothing changed).
 * - `confirmTerms`: after the draft exists, from the draft's own terms (`application.cancellation`), target
 *   `application`, naming the application number like the portal's own final dialog (「お申込番号「R-…」を解約し
 *   ます。よろしいですか？」, DOMAIN §2a step 7). The acknowledgements are asked ONCE, here: invariant 1 wants them
 *   for the exact item the destructive call acts on (the checker and the runtime both match the confirmation's
 *   target and consequences), the receipt records each (with its time) with the application number, and should
 *   the backend's terms for the draft differ from the quote (e.g. the day changed in between), the customer
 *   acknowledges what will actually be submitted.
 */
function discloseTerms(o: { noTerm: boolean; next: string; stop: string }): NodeOf<'ask'> {
  return {
    kind: 'ask',
    slot: 'termsShown',
    prompt: 'csps.disclose.intro',
    reprompt: 'csps.disclose.reprompt',
    tone: 'warning',
    facts: [
      { label: 'csps.fact.contract', slot: 'contract.contractNumber' },
      { label: 'csps.fact.effective', slot: 'quote.effectiveDate', format: 'date' },
    ],
    factsFrom: 'cspsQuotedTerms',
    discloses: {
      target: 'contract',
      consequences: [
        { consequence: 'service-termination', text: 'csps.disclose.termination' },
        { consequence: 'minimum-term-charge', text: `csps.disclose.${o.noTerm ? 'no-term' : 'charge'}` },
      ],
    },
    input: {
      type: 'choice',
      options: [
        { id: 'proceed', label: 'csps.disclose.confirm', style: 'primary', next: o.next },
        { id: 'stop', label: 'csps.disclose.stop', next: o.stop },
      ],
    },
    next: o.next,
  };
}

function confirmTerms(o: { noTerm: boolean; next: string; cancel: string }): NodeOf<'confirm'> {
  return {
    kind: 'confirm',
    target: 'application',
    intro: 'csps.submit.intro',
    facts: [
      { label: 'csps.fact.contract', slot: 'contract.contractNumber' },
      { label: 'csps.fact.application', slot: 'application.applicationNumber' },
      { label: 'csps.fact.effective', slot: 'application.cancellation.effectiveDate', format: 'date' },
    ],
    factsFrom: 'cspsTerms',
    acknowledgements: [
      { consequence: 'service-termination', text: 'csps.submit.ack.termination' },
      { consequence: 'minimum-term-charge', text: `csps.submit.ack.${o.noTerm ? 'no-term' : 'charge'}` },
    ],
    final: 'csps.submit.final',
    confirmLabel: 'csps.submit.confirm',
    next: o.next,
    cancel: o.cancel,
  };
}

/** Submitting the draft (destructive): one definition for both confirmations' own calls. */
function submitCall(): NodeOf<'call'> {
  return {
    kind: 'call',
    operation: 'submitCancellationApplication',
    target: 'application',
    args: { applicationNumber: 'application.applicationNumber' },
    result: 'submitted',
    next: {
      ok: 'verifySubmitted',
      errors: { 'already-cancelling': 'verifySubmitted' },
      failed: 'whatChanged',
    },
  };
}

export const cspsCancelDialog: Dialog = {
  id: 'csps-cancel',
  version: 3,
  title: 'csps.title',
  start: 'identify',
  nodes: {
    identify: { kind: 'sub', dialog: 'identify', next: 'loadContracts', outcomes: { failed: 'notVerified' } },
    notVerified: { kind: 'end', text: 'csps.not-verified', tone: 'warning', outcome: 'failed' },
    loadContracts: {
      kind: 'call',
      operation: 'listCspsContracts',
      result: 'contractList',
      next: { ok: 'hasContracts', failed: 'whatChanged' },
    },
    hasContracts: {
      kind: 'branch',
      cases: [{ when: { slot: 'contractList.contracts.0', exists: true }, next: 'pickContract' }],
      otherwise: 'noContracts',
    },
    noContracts: { kind: 'say', text: 'csps.no-contracts', tone: 'warning', next: 'contactInfo' },
    pickContract: {
      kind: 'ask',
      slot: 'contract',
      prompt: 'csps.pick.prompt',
      reprompt: 'csps.pick.reprompt',
      input: {
        type: 'choice',
        optionsFrom: 'cspsContracts',
        options: [{ id: 'notListed', label: 'csps.pick.not-listed', next: 'notListed' }],
      },
      next: 'routeStatus',
    },
    notListed: { kind: 'say', text: 'csps.not-listed', next: 'contactInfo' },
    routeStatus: {
      kind: 'branch',
      cases: [
        { when: { slot: 'contract.kind', equals: 'nvs' }, next: 'nvs' },
        { when: { slot: 'contract.status', equals: 'service-started' }, next: 'quote' },
      ],
      otherwise: 'loadApplications',
    },
    nvs: { kind: 'say', text: 'csps.nvs', tone: 'warning', next: 'contactInfo' },

    // Something holds the contract: find out what from the application list (お申込一覧).
    loadApplications: {
      kind: 'call',
      operation: 'listCspsApplications',
      result: 'applicationList',
      next: { ok: 'routeBlocked', failed: 'whatChanged' },
    },
    routeBlocked: {
      kind: 'branch',
      cases: [
        { when: { guard: 'cspsAlreadyCancelling' }, next: 'alreadyCancelling' },
        { when: { guard: 'cspsOwnDraftBlocks' }, next: 'offerWithdraw' },
      ],
      otherwise: 'blockedByOther',
    },
    alreadyCancelling: {
      kind: 'say',
      text: 'csps.already',
      factsFrom: 'cspsAcceptedApplication',
      next: 'endNoChange',
    },
    blockedByOther: {
      kind: 'say',
      text: 'csps.blocked-other',
      tone: 'warning',
      factsFrom: 'cspsBlockingApplication',
      next: 'contactInfo',
    },
    offerWithdraw: {
      kind: 'ask',
      slot: 'blockingDraft',
      prompt: 'csps.blocking.prompt',
      reprompt: 'csps.blocking.reprompt',
      tone: 'warning',
      factsFrom: 'cspsBlockingApplication',
      input: {
        type: 'choice',
        optionsFrom: 'cspsWithdrawableDraft',
        options: [{ id: 'keep', label: 'csps.blocking.keep', next: 'keptBlockingDraft' }],
      },
      next: 'confirmWithdraw',
    },
    keptBlockingDraft: { kind: 'end', text: 'csps.blocking.kept', outcome: 'cancelled' },
    confirmWithdraw: {
      kind: 'confirm',
      target: 'blockingDraft',
      intro: 'csps.withdraw.intro',
      facts: [
        { label: 'csps.fact.application', slot: 'blockingDraft.applicationNumber' },
        { label: 'csps.fact.status', slot: 'blockingDraft.statusLabel' },
        { label: 'csps.fact.contract', slot: 'blockingDraft.contractNumber' },
      ],
      acknowledgements: [{ consequence: 'draft-discarded', text: 'csps.withdraw.ack' }],
      final: 'csps.withdraw.final',
      confirmLabel: 'csps.withdraw.confirm',
      next: 'withdraw',
      cancel: 'keptBlockingDraft',
    },
    withdraw: {
      kind: 'call',
      operation: 'withdrawApplication',
      target: 'blockingDraft',
      args: { applicationNumber: 'blockingDraft.applicationNumber' },
      result: 'withdrawal',
      next: {
        ok: 'verifyWithdrawn',
        errors: { 'partner-draft-not-withdrawable': 'blockedByOther' },
        failed: 'whatChanged',
      },
    },
    verifyWithdrawn: {
      kind: 'call',
      operation: 'getCspsContract',
      args: { contractNumber: 'contract.contractNumber' },
      result: 'contract',
      next: { ok: 'checkWithdrawn', failed: 'whatChanged' },
    },
    checkWithdrawn: {
      kind: 'branch',
      cases: [{ when: { slot: 'contract.status', equals: 'service-started' }, next: 'withdrawn' }],
      // Still held (e.g. by another application): look again.
      otherwise: 'loadApplications',
    },
    withdrawn: { kind: 'say', text: 'csps.withdrawn', tone: 'success', next: 'quote' },

    // サービス開始: what cancelling today means (also the backend's eligibility check).
    quote: {
      kind: 'call',
      operation: 'getCancellationQuote',
      args: { contractNumber: 'contract.contractNumber' },
      result: 'quote',
      next: {
        ok: 'askReason',
        errors: { 'nvs-not-covered': 'nvs', ...BLOCKED_BY_APPLICATION },
        failed: 'whatChanged',
      },
    },
    askReason: {
      kind: 'ask',
      slot: 'reason',
      prompt: 'csps.reason.prompt',
      reprompt: 'csps.reason.reprompt',
      input: {
        type: 'choice',
        optionsFrom: 'cspsReasons',
        options: [{ id: 'other', label: 'csps.reason.other', next: 'askReasonText' }],
      },
      next: 'needsDomain',
    },
    askReasonText: {
      kind: 'ask',
      slot: 'reason',
      prompt: 'csps.reason.text',
      reprompt: 'csps.reason.text.reprompt',
      input: { type: 'text', maxLength: 1000 },
      next: 'needsDomain',
    },
    needsDomain: {
      kind: 'branch',
      cases: [{ when: { slot: 'quote.domainDispositionRequired', equals: true }, next: 'askDomain' }],
      otherwise: 'isTherefore',
    },
    askDomain: {
      kind: 'ask',
      slot: 'domainDisposition',
      prompt: 'csps.domain.prompt',
      reprompt: 'csps.domain.reprompt',
      input: {
        type: 'choice',
        options: [
          { id: 'transfer', label: 'csps.domain.transfer' },
          { id: 'abolish', label: 'csps.domain.abolish' },
        ],
      },
      next: 'isTherefore',
    },
    isTherefore: {
      kind: 'branch',
      cases: [{ when: { slot: 'quote.therefore', exists: true }, next: 'askMonth' }],
      otherwise: 'discloseRoute',
    },
    askMonth: {
      kind: 'ask',
      slot: 'desiredMonth',
      prompt: 'csps.month.prompt',
      reprompt: 'csps.month.reprompt',
      facts: [
        { label: 'csps.fact.earliest-month', slot: 'quote.therefore.earliestMonth', format: 'month' },
        { label: 'csps.fact.deadline', slot: 'quote.therefore.deadline', format: 'date' },
      ],
      input: { type: 'choice', optionsFrom: 'cspsThereforeMonths' },
      next: 'quoteForMonth',
    },
    quoteForMonth: {
      kind: 'call',
      operation: 'getCancellationQuote',
      args: { contractNumber: 'contract.contractNumber', desiredMonth: 'desiredMonth' },
      result: 'quote',
      next: { ok: 'discloseRoute', errors: BLOCKED_BY_APPLICATION, failed: 'whatChanged' },
    },

    // Invariant 10, quote before write: everything the cancellation means (effective date, minimum term and the
    // lump-sum estimate, what was entered) is shown from the backend's quote BEFORE the draft; it is acknowledged
    // once, at the final confirmation naming the application number.
    discloseRoute: termRoute('quote.minimumTerm.months', 'disclose', 'discloseNoTerm'),
    disclose: discloseTerms({ noTerm: false, next: 'createDraft', stop: 'endNoChange' }),
    discloseNoTerm: discloseTerms({ noTerm: true, next: 'createDraft', stop: 'endNoChange' }),

    // The draft (解約お申込作成中) exists only from here to the final answer: every way out withdraws it.
    createDraft: {
      kind: 'call',
      operation: 'createCancellationApplication',
      args: {
        contractNumber: 'contract.contractNumber',
        reason: 'reason',
        domainDisposition: 'domainDisposition',
        desiredMonth: 'desiredMonth',
      },
      result: 'application',
      // Outcome unknown (timeout, 5xx, an answer off the contract): re-read the application list; our draft found
      // there is the result (go on, or withdrawn on stop); none there: it was not created.
      reconcile: { operation: 'listCspsApplications', match: 'cspsOwnNewDraft', none: 'draftNotCreated' },
      next: {
        ok: 'submitRoute',
        errors: BLOCKED_BY_APPLICATION,
        // The re-read failed too: the draft may exist.
        unreachable: 'draftUncertain',
        failed: 'whatChanged',
      },
    },
    draftNotCreated: { kind: 'end', text: 'csps.draft-not-created', tone: 'warning', outcome: 'failed' },
    draftUncertain: { kind: 'say', text: 'csps.draft-uncertain', tone: 'warning', next: 'draftContact' },
    submitRoute: termRoute(
      'application.cancellation.minimumTerm.months',
      'confirmSubmit',
      'confirmSubmitNoTerm',
    ),
    confirmSubmit: confirmTerms({
      noTerm: false,
      next: 'submit',
      cancel: 'withdrawOwnDraft',
    }),
    confirmSubmitNoTerm: confirmTerms({
      noTerm: true,
      next: 'submitNoTerm',
      cancel: 'withdrawOwnDraft',
    }),
    submit: submitCall(),
    /** The same call, from the no-minimum-term confirmation (each confirmation authorises its own call). */
    submitNoTerm: submitCall(),
    verifySubmitted: {
      kind: 'call',
      operation: 'getCspsApplication',
      args: { applicationNumber: 'application.applicationNumber' },
      result: 'verified',
      next: { ok: 'checkSubmitted', failed: 'submittedUnverified' },
    },
    checkSubmitted: {
      kind: 'branch',
      cases: [{ when: { slot: 'verified.status', equals: 'cancellation-accepted' }, next: 'doneSummary' }],
      otherwise: 'notAccepted',
    },
    doneSummary: {
      kind: 'say',
      text: 'csps.done.summary',
      tone: 'success',
      facts: [
        { label: 'csps.fact.application', slot: 'verified.applicationNumber' },
        { label: 'csps.fact.contract', slot: 'verified.contractNumber' },
        { label: 'csps.fact.status', slot: 'verified.statusLabel' },
        { label: 'csps.fact.effective', slot: 'verified.cancellation.effectiveDate', format: 'date' },
        { label: 'csps.fact.charge', slot: 'verified.cancellation.minimumTermCharge.amount', format: 'yen' },
      ],
      next: 'done',
    },
    done: { kind: 'end', text: 'csps.done', tone: 'success', outcome: 'completed' },
    notAccepted: { kind: 'say', text: 'csps.not-accepted', tone: 'warning', next: 'contactInfo' },
    submittedUnverified: {
      kind: 'end',
      text: 'csps.submitted-unverified',
      tone: 'warning',
      outcome: 'completed',
    },

    // Our draft is never left behind (invariant 10): declining the final confirmation, stopping (`onStop` below)
    // or a failed submit withdraws it, then checks the contract and says truthfully what happened.
    withdrawOwnDraft: {
      kind: 'call',
      operation: 'withdrawApplication',
      target: 'application',
      compensates: 'createDraft',
      args: { applicationNumber: 'application.applicationNumber' },
      result: 'discarded',
      next: { ok: 'verifyDiscarded', failed: 'draftNotWithdrawn' },
    },
    verifyDiscarded: {
      kind: 'call',
      operation: 'getCspsContract',
      args: { contractNumber: 'contract.contractNumber' },
      result: 'contractAfter',
      next: { ok: 'checkDiscarded', failed: 'discardedUnverified' },
    },
    checkDiscarded: {
      kind: 'branch',
      cases: [{ when: { slot: 'contractAfter.status', equals: 'service-started' }, next: 'discarded' }],
      otherwise: 'discardedUnverified',
    },
    discarded: { kind: 'end', text: 'csps.discarded', outcome: 'cancelled' },
    discardedUnverified: {
      kind: 'say',
      text: 'csps.discarded-unverified',
      tone: 'warning',
      next: 'draftContact',
    },
    draftNotWithdrawn: {
      kind: 'say',
      text: 'csps.draft-not-withdrawn',
      tone: 'warning',
      next: 'draftContact',
    },
    draftContact: { kind: 'say', text: 'csps.contact', factsFrom: 'cspsContacts', next: 'endDraftProblem' },
    endDraftProblem: { kind: 'end', outcome: 'failed' },

    // A call failed: say exactly what has (and has not) been changed so far.
    whatChanged: {
      kind: 'branch',
      cases: [
        { when: { guard: 'cspsOwnCancellationDraftOpen' }, next: 'withdrawOwnDraft' },
        { when: { slot: 'withdrawal', exists: true }, next: 'downAfterWithdrawal' },
      ],
      otherwise: 'downNothingChanged',
    },
    downAfterWithdrawal: {
      kind: 'end',
      text: 'csps.down.after-withdrawal',
      tone: 'warning',
      outcome: 'failed',
    },
    downNothingChanged: {
      kind: 'end',
      text: 'csps.down.nothing-changed',
      tone: 'warning',
      outcome: 'failed',
    },

    contactInfo: { kind: 'say', text: 'csps.contact', factsFrom: 'cspsContacts', next: 'endReferred' },
    endReferred: { kind: 'end', text: 'csps.end.referred', outcome: 'referred' },
    endNoChange: { kind: 'end', text: 'csps.end.no-change', outcome: 'cancelled' },
  },
  // やめる / 最初から / another procedure / idle expiry while our draft exists: withdraw it (invariant 10).
  onStop: [{ when: { guard: 'cspsOwnCancellationDraftOpen' }, next: 'withdrawOwnDraft' }],
};
