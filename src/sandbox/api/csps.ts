/**
 * Cloud-service portal: contracts, applications, quote, cancellation draft, submission, draft withdrawal
 * (DOMAIN.md §2).
 */
import type { ApplicationRecord, ContractRecord } from '../model.js';
import { ProblemError } from '../problem.js';
import { createCancellationBody, emptyBody, parseOrRefuse, quoteQuery } from '../request-schemas.js';
import {
  blockingApplication,
  cancellationBlocker,
  formatApplicationNumber,
  requiresDomainDisposition,
  withdrawalOfApplicationBlocker,
} from '../rules/eligibility.js';
import { type Quote, quoteCancellation } from '../rules/quote.js';
import { applicationView, contractView, quoteView } from '../views.js';
import { actorOf, type HandlerContext, type Route, recordAudit } from './route.js';

const BLOCKER_DETAILS = {
  'nvs-not-covered': 'NVS cloud contracts (e.g. VisualStage) are cancelled by a separate procedure.',
  'already-cancelling': 'A cancellation of this contract has already been accepted (解約お申込受付中).',
  'cancellation-draft-exists': 'A cancellation draft (解約お申込作成中) exists; submit or withdraw it.',
  'change-draft-exists':
    'A change application (変更お申込作成中) is in progress; withdraw it first if it was a mistake.',
  'partner-draft-exists': "The partner's draft (パートナー作成中) blocks this contract; contact the partner.",
  'contract-not-active': 'Only a contract in サービス開始 can be cancelled.',
} as const;

function contractOf(context: HandlerContext, contractNumber: string | undefined): ContractRecord {
  const { customerId } = actorOf(context);
  const contract = context.state.contracts.find(
    (candidate) => candidate.contractNumber === contractNumber && candidate.customerId === customerId,
  );
  if (!contract) throw new ProblemError('not-found', 'No such contract for this customer.');
  return contract;
}

function applicationOf(context: HandlerContext): {
  application: ApplicationRecord;
  contract: ContractRecord;
} {
  const { customerId } = actorOf(context);
  const application = context.state.applications.find(
    (candidate) =>
      candidate.applicationNumber === context.params.applicationNumber && candidate.customerId === customerId,
  );
  if (!application) throw new ProblemError('not-found', 'No such application for this customer.');
  return { application, contract: contractOf(context, application.contractNumber) };
}

/** Refuses unless the contract may be cancelled, then quotes it for today. */
function eligibleQuote(context: HandlerContext, contract: ContractRecord, desiredMonth?: string): Quote {
  const blocker = cancellationBlocker(contract, context.state.applications);
  if (blocker) {
    const blocking = blockingApplication(contract, context.state.applications);
    throw new ProblemError(
      blocker,
      BLOCKER_DETAILS[blocker],
      blocking ? { applicationNumber: blocking.applicationNumber } : {},
    );
  }
  const result = quoteCancellation(contract, context.clock.today(), desiredMonth);
  if (!result.ok) throw new ProblemError(result.code, result.detail);
  return result.quote;
}

export const cspsRoutes: Route[] = [
  {
    method: 'GET',
    path: '/csps/contracts',
    operationId: 'listCspsContracts',
    auth: 'acting',
    write: false,
    handle(context) {
      const { customerId } = actorOf(context);
      const contracts = context.state.contracts.filter((contract) => contract.customerId === customerId);
      return { status: 200, body: { contracts: contracts.map(contractView) } };
    },
  },
  {
    method: 'GET',
    path: '/csps/contracts/{contractNumber}',
    operationId: 'getCspsContract',
    auth: 'acting',
    write: false,
    handle: (context) => ({
      status: 200,
      body: contractView(contractOf(context, context.params.contractNumber)),
    }),
  },
  {
    method: 'GET',
    path: '/csps/contracts/{contractNumber}/cancellation-quote',
    operationId: 'getCancellationQuote',
    auth: 'acting',
    write: false,
    handle(context) {
      const { desiredMonth } = parseOrRefuse(quoteQuery, Object.fromEntries(context.query), 'query');
      const contract = contractOf(context, context.params.contractNumber);
      return { status: 200, body: quoteView(contract, eligibleQuote(context, contract, desiredMonth)) };
    },
  },
  {
    method: 'POST',
    path: '/csps/contracts/{contractNumber}/cancellation-applications',
    operationId: 'createCancellationApplication',
    auth: 'acting',
    write: true,
    handle(context) {
      const body = parseOrRefuse(createCancellationBody, context.body, 'body');
      const contract = contractOf(context, context.params.contractNumber);
      const quote = eligibleQuote(context, contract, body.desiredMonth);
      const domainRequired = requiresDomainDisposition(contract.kind, contract.serviceType);
      if (domainRequired && !body.domainDisposition) {
        throw new ProblemError('domain-disposition-required', 'type-M / W / D: choose transfer or abolish.');
      }
      if (!domainRequired && body.domainDisposition) {
        throw new ProblemError(
          'domain-disposition-not-applicable',
          'Only HOME type-M / W / D have a domain here.',
        );
      }
      const createdOn = context.clock.today();
      const application: ApplicationRecord = {
        applicationNumber: formatApplicationNumber(createdOn, context.state.nextApplicationSequence++),
        contractNumber: contract.contractNumber,
        customerId: contract.customerId,
        status: 'cancellation-draft',
        appliedOn: null,
        createdBy: 'customer',
        cancellation: {
          reason: body.reason,
          domainDisposition: body.domainDisposition ?? null,
          desiredMonth: quote.therefore?.desiredMonth ?? null,
          effectiveDate: quote.effectiveDate,
        },
        createdAt: context.clock.now().toISOString(),
      };
      context.state.applications.push(application);
      contract.status = 'cancellation-draft';
      recordAudit(context, 'createCancellationApplication', application.applicationNumber);
      return { status: 201, body: applicationView(application, contract, actorOf(context)) };
    },
  },
  {
    method: 'GET',
    path: '/csps/applications',
    operationId: 'listCspsApplications',
    auth: 'acting',
    write: false,
    handle(context) {
      const { customerId } = actorOf(context);
      const applications = context.state.applications
        .filter((application) => application.customerId === customerId)
        .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
        .map((application) => applicationView(application, contractOf(context, application.contractNumber)));
      return { status: 200, body: { applications } };
    },
  },
  {
    method: 'GET',
    path: '/csps/applications/{applicationNumber}',
    operationId: 'getCspsApplication',
    auth: 'acting',
    write: false,
    handle(context) {
      const { application, contract } = applicationOf(context);
      return { status: 200, body: applicationView(application, contract) };
    },
  },
  {
    method: 'POST',
    path: '/csps/applications/{applicationNumber}/submit',
    operationId: 'submitCancellationApplication',
    auth: 'acting',
    write: true,
    handle(context) {
      parseOrRefuse(emptyBody, context.body ?? {}, 'body');
      const { application, contract } = applicationOf(context);
      if (application.status === 'cancellation-accepted') {
        throw new ProblemError('already-cancelling', 'This application has already been accepted.');
      }
      if (application.status !== 'cancellation-draft' || !application.cancellation) {
        throw new ProblemError(
          'application-not-submittable',
          'Only a cancellation draft (解約お申込作成中) can be submitted.',
        );
      }
      // Dates are those of the day of submission, not of the draft.
      const appliedOn = context.clock.today();
      const result = quoteCancellation(
        contract,
        appliedOn,
        application.cancellation.desiredMonth ?? undefined,
      );
      if (!result.ok) throw new ProblemError(result.code, result.detail);
      application.status = 'cancellation-accepted';
      application.appliedOn = appliedOn;
      application.cancellation.effectiveDate = result.quote.effectiveDate;
      contract.status = 'cancellation-accepted';
      recordAudit(context, 'submitCancellationApplication', application.applicationNumber);
      return { status: 200, body: applicationView(application, contract, actorOf(context)) };
    },
  },
  {
    method: 'POST',
    path: '/csps/applications/{applicationNumber}/withdraw',
    operationId: 'withdrawApplication',
    auth: 'acting',
    write: true,
    handle(context) {
      parseOrRefuse(emptyBody, context.body ?? {}, 'body');
      const { application, contract } = applicationOf(context);
      const blocker = withdrawalOfApplicationBlocker(application);
      if (blocker === 'partner-draft-not-withdrawable') {
        throw new ProblemError(blocker, 'Ask the partner (dealer) or the contact center to withdraw it.');
      }
      if (blocker) throw new ProblemError(blocker, 'Only a change or cancellation draft can be withdrawn.');
      context.state.applications = context.state.applications.filter(
        (candidate) => candidate !== application,
      );
      const stillBlocked = blockingApplication(contract, context.state.applications);
      contract.status = stillBlocked ? contract.status : 'service-started';
      recordAudit(context, 'withdrawApplication', application.applicationNumber);
      return {
        status: 200,
        body: {
          applicationNumber: application.applicationNumber,
          contractNumber: contract.contractNumber,
          contractStatus: contract.status,
          performedBy: { ...actorOf(context) },
        },
      };
    },
  },
];
