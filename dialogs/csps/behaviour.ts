/**
 * Named behaviour of the CSPS cancellation dialog (options, fact rows, guards), referenced from the tree data.
 * Every function reads slots only (backend bodies written by call nodes) and never throws on odd values.
 */

import type { Closure } from '../../src/calendar/index.js';
import type { BehaviourContext, DialogBehaviour, DynamicOption } from '../../src/engine/behaviour.js';
import { formatValue } from '../../src/engine/text/format.js';
import type { Fact } from '../../src/engine/turn.js';
import { contactFacts } from './contacts.js';
import {
  acceptedCancellation,
  blockingApplication,
  isAlreadyCancelling,
  withdrawableDraft,
} from './rules.js';
import {
  type ApplicationSlot,
  applicationIn,
  applicationsIn,
  type CancellationSlot,
  type ContractSlot,
  contractOf,
  contractsOf,
  quotedCancellationOf,
  thereforeOf,
} from './slots.js';

/** Common reasons offered as buttons; 「その他」 (free text) is a static option of the node. */
export const REASON_IDS = ['cost', 'switch', 'unused'] as const;

/** How a contract's service reads in a list: HOME types get the HOME prefix the portal shows as 種別. */
export function serviceLabel(contract: ContractSlot): string {
  return contract.kind === 'home' ? `HOME ${contract.serviceName}` : contract.serviceName;
}

/** A status in the conversation's language; the backend's Japanese label when the catalog has none. */
function statusText(ctx: BehaviourContext, status: string, label: string): string {
  const key = `csps.status.${status}`;
  return ctx.text.has(key) ? ctx.text.t(key) : label;
}

function contractOptions(ctx: BehaviourContext): DynamicOption[] {
  return contractsOf(ctx.slots).map(({ contract, raw }) => ({
    id: contract.contractNumber,
    label: ctx.text.t('csps.pick.option', {
      contractNumber: contract.contractNumber,
      service: serviceLabel(contract),
      status: statusText(ctx, contract.status, contract.statusLabel),
    }),
    value: raw,
    aliases: [contract.contractNumber],
  }));
}

function reasonOptions(ctx: BehaviourContext): DynamicOption[] {
  return REASON_IDS.map((id) => {
    const label = ctx.text.t(`csps.reason.${id}`);
    // The portal needs the reason as text: the chosen sentence is what is sent.
    return { id, label, value: label };
  });
}

/** `2027-01` → aliases a customer might type: `2027年1月`, `2027/1`, `1月`. */
function monthAliases(month: string): string[] {
  const [year = '', mm = ''] = month.split('-');
  const m = String(Number(mm));
  return [`${year}年${m}月`, `${year}/${m}`, `${m}月`];
}

function thereforeMonthOptions(ctx: BehaviourContext): DynamicOption[] {
  const schedule = thereforeOf(ctx.slots);
  if (!schedule) return [];
  return schedule.selectableMonths.map((month) => {
    const earliest = month === schedule.earliestMonth;
    return {
      id: month,
      label: ctx.text.t(earliest ? 'csps.month.option.earliest' : 'csps.month.option', { month }),
      value: month,
      style: earliest ? 'primary' : 'default',
      aliases: monthAliases(month),
    };
  });
}

function withdrawOption(ctx: BehaviourContext): DynamicOption[] {
  const draft = withdrawableDraft(ctx.slots);
  if (!draft) return [];
  return [
    {
      id: 'withdraw',
      label: ctx.text.t('csps.blocking.withdraw', draft.application),
      value: draft.raw,
      style: 'danger',
    },
  ];
}

function applicationRows(ctx: BehaviourContext, application: ApplicationSlot): Fact[] {
  const t = ctx.text;
  return [
    { label: t.t('csps.fact.application'), value: application.applicationNumber },
    {
      label: t.t('csps.fact.status'),
      value: statusText(ctx, application.status, application.statusLabel),
    },
  ];
}

function blockingFacts(ctx: BehaviourContext): Fact[] {
  const found = blockingApplication(ctx.slots);
  if (!found) return [];
  const { application } = found;
  const createdBy = ctx.text.t(application.createdBy === 'partner' ? 'csps.by.partner' : 'csps.by.customer');
  return [
    ...applicationRows(ctx, application),
    { label: ctx.text.t('csps.fact.created-by'), value: createdBy },
  ];
}

function acceptedFacts(ctx: BehaviourContext): Fact[] {
  const found = acceptedCancellation(ctx.slots);
  if (!found) return [];
  const { application } = found;
  const locale = ctx.text.locale;
  const rows = applicationRows(ctx, application);
  if (application.appliedOn) {
    rows.push({
      label: ctx.text.t('csps.fact.applied-on'),
      value: formatValue(application.appliedOn, 'date', locale),
    });
  }
  if (application.cancellation) {
    rows.push({
      label: ctx.text.t('csps.fact.effective'),
      value: formatValue(application.cancellation.effectiveDate, 'date', locale),
    });
  }
  return rows;
}

/**
 * The terms of a cancellation: minimum term, remaining billings, the lump-sum estimate (labelled as an estimate
 * of standard prices), then what the customer entered (domain, desired month, reason).
 */
function termRows(ctx: BehaviourContext, cancellation: CancellationSlot | null | undefined): Fact[] {
  if (!cancellation) return [];
  const { t } = ctx.text;
  const locale = ctx.text.locale;
  const { minimumTerm, minimumTermCharge } = cancellation;
  const term =
    minimumTerm.months === 0
      ? t('csps.term.none')
      : t(minimumTerm.satisfied ? 'csps.term.met' : 'csps.term.not-met', minimumTerm);
  const rows: Fact[] = [{ label: t('csps.fact.minimum-term'), value: term }];
  // No minimum term: no remaining billings or charge to estimate (no "0 billings, ￥0" rows).
  if (minimumTerm.months > 0) {
    rows.push(
      { label: t('csps.fact.remaining'), value: t('csps.term.remaining', minimumTerm) },
      {
        label: t('csps.fact.charge'),
        value: `${formatValue(minimumTermCharge.amount, 'yen', locale)}${t('csps.charge.estimate-note')}`,
      },
    );
  }
  if (cancellation.domainDisposition) {
    rows.push({ label: t('csps.fact.domain'), value: t(`csps.domain.${cancellation.domainDisposition}`) });
  }
  if (cancellation.desiredMonth) {
    rows.push({
      label: t('csps.fact.desired-month'),
      value: formatValue(cancellation.desiredMonth, 'month', locale),
    });
  }
  rows.push({ label: t('csps.fact.reason'), value: cancellation.reason });
  return rows;
}

/** The terms of the draft being confirmed (`application.cancellation`, computed for this exact application). */
function termFacts(ctx: BehaviourContext): Fact[] {
  return termRows(ctx, applicationIn(ctx.slots, 'application')?.cancellation);
}

/** The same rows before any draft exists, from the backend's quote and what the customer entered (invariant 10). */
function quotedTermFacts(ctx: BehaviourContext): Fact[] {
  return termRows(ctx, quotedCancellationOf(ctx.slots));
}

/** The CSPS behaviour on the operator's closure calendar (the one the handoff uses too). */
export function createCspsBehaviour(closures: readonly Closure[] = []): DialogBehaviour {
  return {
    ...cspsBehaviour,
    facts: { ...cspsBehaviour.facts, cspsContacts: contactFacts(closures) },
  };
}

/** With no closures (weekends and public holidays only): for tests and tools. */
export const cspsBehaviour: DialogBehaviour = {
  optionsFrom: {
    cspsContracts: contractOptions,
    cspsReasons: reasonOptions,
    cspsThereforeMonths: thereforeMonthOptions,
    cspsWithdrawableDraft: withdrawOption,
  },
  facts: {
    cspsContacts: contactFacts([]),
    cspsBlockingApplication: blockingFacts,
    cspsAcceptedApplication: acceptedFacts,
    cspsTerms: termFacts,
    cspsQuotedTerms: quotedTermFacts,
  },
  guards: {
    cspsAlreadyCancelling: ({ slots }) => isAlreadyCancelling(slots),
    cspsOwnDraftBlocks: ({ slots }) => withdrawableDraft(slots) !== undefined,
    /** The bot created a cancellation draft in this conversation that is neither submitted nor withdrawn yet. */
    cspsOwnCancellationDraftOpen: ({ slots }) =>
      applicationIn(slots, 'application') !== undefined &&
      slots.submitted === undefined &&
      slots.discarded === undefined,
  },
  reconcilers: {
    /**
     * After an unknown outcome of `createDraft`: the draft this conversation asked for, in the re-read application
     * list. The sandbox's answer names no idempotency key, so it is matched by what was sent: the same contract, a
     * customer's cancellation draft (解約お申込作成中, not a partner's) with the same reason, domain handling and
     * desired month. The contract was サービス開始 with no draft when quoted just before, so another match would be
     * a draft made at the same moment with the same answers elsewhere (e.g. on the portal); treating it as ours
     * withdraws it on stop, which only undoes that same request.
     */
    cspsOwnNewDraft: (answer, { slots }) => {
      const contract = contractOf(slots);
      const want = (value: unknown) => (typeof value === 'string' ? value : null);
      const found = applicationsIn(answer).find(
        ({ application: a }) =>
          a.contractNumber === contract?.contractNumber &&
          a.status === 'cancellation-draft' &&
          a.createdBy === 'customer' &&
          a.cancellation?.reason === slots.reason &&
          a.cancellation?.domainDisposition === want(slots.domainDisposition) &&
          (slots.desiredMonth === undefined || slots.desiredMonth === null
            ? true
            : a.cancellation?.desiredMonth === slots.desiredMonth),
      );
      return found?.raw;
    },
  },
};
