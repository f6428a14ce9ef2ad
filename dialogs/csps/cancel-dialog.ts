/**
 * `csps-cancel`: cancel a cloud-service portal contract (HOME / Therefore Online / uniFLOW Online), DOMAIN.md §2.
 *
 * Identify → pick the contract → by status: サービス開始 proceeds; the customer's own 変更お申込作成中 (or an old
 * 解約お申込作成中) draft can be withdrawn with its own confirmation, then the flow continues; a partner's draft or
 * anything else sends them to the partner / contact desk; 解約お申込受付中 says so with the application number;
 * NVS is a separate procedure. Then reason (+ domain for type-M/W/D, + month for Therefore Online) → the draft is
 * created right before the confirmation that shows the backend's quote → submit → verify 解約お申込受付中.
 *
 * Outcomes (`end.outcome`): `completed` (cancellation accepted), `cancelled` (stopped by the customer; the end
 * text says whether a draft remains), `referred` (sent to a desk, nothing changed), `failed`.
 * Every failure goes through `whatChanged`, which says honestly what has and has not been changed so far.
 */
import type { Dialog } from '../../src/engine/tree/schema.js';

const BLOCKED_BY_APPLICATION = {
  'already-cancelling': 'loadApplications',
  'cancellation-draft-exists': 'loadApplications',
  'change-draft-exists': 'loadApplications',
  'partner-draft-exists': 'loadApplications',
  'contract-not-active': 'loadApplications',
} as const;

export const cspsCancelDialog: Dialog = {
  id: 'csps-cancel',
  version: 1,
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
      otherwise: 'createDraft',
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
      next: { ok: 'createDraft', errors: BLOCKED_BY_APPLICATION, failed: 'whatChanged' },
    },

    // The draft (解約お申込作成中) exists only from here to the end of the confirmation.
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
      next: {
        ok: 'termRoute',
        errors: BLOCKED_BY_APPLICATION,
        unreachable: 'draftUncertain',
        failed: 'whatChanged',
      },
    },
    draftUncertain: { kind: 'end', text: 'csps.draft-uncertain', tone: 'warning', outcome: 'failed' },
    /** No minimum term (e.g. type-O): nothing to bill for it, so no ¥0 "remaining charge" to acknowledge. */
    termRoute: {
      kind: 'branch',
      cases: [
        {
          when: { slot: 'application.cancellation.minimumTerm.months', equals: 0 },
          next: 'confirmSubmitNoTerm',
        },
      ],
      otherwise: 'confirmSubmit',
    },
    confirmSubmit: {
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
        { consequence: 'minimum-term-charge', text: 'csps.submit.ack.charge' },
      ],
      final: 'csps.submit.final',
      confirmLabel: 'csps.submit.confirm',
      next: 'submit',
      cancel: 'draftLeft',
    },
    /**
     * The same confirmation where the contract has no minimum term: the backend's `minimum-term-charge`
     * consequence is acknowledged as what it is here — no lump-sum charge — rather than as a ¥0 estimate.
     */
    confirmSubmitNoTerm: {
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
        { consequence: 'minimum-term-charge', text: 'csps.submit.ack.no-term' },
      ],
      final: 'csps.submit.final',
      confirmLabel: 'csps.submit.confirm',
      next: 'submitNoTerm',
      cancel: 'draftLeft',
    },
    submit: {
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
    },
    /** The same call, from the no-minimum-term confirmation (each confirmation authorises its own call). */
    submitNoTerm: {
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
    },
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

    // The customer stopped at the confirmation, or submitting failed: the draft is still there.
    draftLeft: {
      kind: 'ask',
      slot: 'draftAction',
      prompt: 'csps.draft-left.prompt',
      reprompt: 'csps.draft-left.reprompt',
      tone: 'warning',
      facts: [
        { label: 'csps.fact.application', slot: 'application.applicationNumber' },
        { label: 'csps.fact.status', slot: 'application.statusLabel' },
      ],
      input: {
        type: 'choice',
        options: [
          { id: 'discard', label: 'csps.draft-left.discard', style: 'danger', next: 'confirmDiscard' },
          { id: 'keep', label: 'csps.draft-left.keep', next: 'keptCancellationDraft' },
        ],
      },
      next: 'keptCancellationDraft',
    },
    keptCancellationDraft: { kind: 'end', text: 'csps.draft-left.kept', outcome: 'cancelled' },
    confirmDiscard: {
      kind: 'confirm',
      target: 'application',
      intro: 'csps.discard.intro',
      facts: [
        { label: 'csps.fact.application', slot: 'application.applicationNumber' },
        { label: 'csps.fact.contract', slot: 'contract.contractNumber' },
      ],
      acknowledgements: [{ consequence: 'draft-discarded', text: 'csps.discard.ack' }],
      final: 'csps.discard.final',
      confirmLabel: 'csps.discard.confirm',
      next: 'discard',
      cancel: 'keptCancellationDraft',
    },
    discard: {
      kind: 'call',
      operation: 'withdrawApplication',
      target: 'application',
      args: { applicationNumber: 'application.applicationNumber' },
      result: 'discarded',
      next: { ok: 'verifyDiscarded', failed: 'whatChanged' },
    },
    verifyDiscarded: {
      kind: 'call',
      operation: 'getCspsContract',
      args: { contractNumber: 'contract.contractNumber' },
      result: 'contractAfter',
      next: { ok: 'discarded', failed: 'whatChanged' },
    },
    discarded: { kind: 'end', text: 'csps.discarded', outcome: 'cancelled' },

    // A call failed: say exactly what has (and has not) been changed so far.
    whatChanged: {
      kind: 'branch',
      cases: [
        { when: { slot: 'discarded', exists: true }, next: 'discardedUnverified' },
        { when: { slot: 'application', exists: true }, next: 'draftLeft' },
        { when: { slot: 'withdrawal', exists: true }, next: 'downAfterWithdrawal' },
      ],
      otherwise: 'downNothingChanged',
    },
    discardedUnverified: {
      kind: 'end',
      text: 'csps.discarded-unverified',
      tone: 'warning',
      outcome: 'cancelled',
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
};
