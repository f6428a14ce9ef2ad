/**
 * Records → the contract's response shapes (see openapi.yaml). Derived numbers (minimum term, charge) are
 * recomputed from the rules, so a view never disagrees with a quote.
 */
import type { components } from '../backend/generated/openapi.js';
import {
  type ActorRecord,
  APPLICATION_STATUS_LABELS,
  type ApplicationRecord,
  CONTRACT_STATUS_LABELS,
  type ContractRecord,
  type DeviceRecord,
} from './model.js';
import { minimumTermCharge, minimumTermMonths, minimumTermStatus } from './rules/minimum-term.js';
import type { Quote } from './rules/quote.js';

type Schemas = components['schemas'];

export function money(amount: number): Schemas['Money'] {
  return { amount, currency: 'JPY', isEstimate: true };
}

export function contractView(contract: ContractRecord): Schemas['Contract'] {
  return {
    contractNumber: contract.contractNumber,
    kind: contract.kind,
    serviceName: contract.serviceName,
    serviceType: contract.serviceType,
    startDate: contract.startDate,
    status: contract.status,
    statusLabel: CONTRACT_STATUS_LABELS[contract.status],
    monthlyFee: money(contract.monthlyFeeYen),
  };
}

export function deviceView(device: DeviceRecord): Schemas['Device'] {
  return {
    deviceId: device.deviceId,
    name: device.name,
    domainName: device.domainName,
    licenseExpiresOn: device.licenseExpiresOn,
  };
}

export function actorView(actor: ActorRecord): Schemas['Actor'] {
  return { kind: actor.kind, id: actor.id, customerId: actor.customerId };
}

export function applicationView(
  application: ApplicationRecord,
  contract: ContractRecord,
  performedBy?: ActorRecord,
): Schemas['Application'] {
  let cancellation: Schemas['CancellationDetails'] | null = null;
  if (application.cancellation) {
    const { reason, domainDisposition, desiredMonth, effectiveDate } = application.cancellation;
    const minimumTerm = minimumTermStatus(
      minimumTermMonths(contract.kind, contract.serviceType),
      contract.startDate,
      effectiveDate,
    );
    cancellation = {
      reason,
      domainDisposition,
      desiredMonth,
      effectiveDate,
      minimumTerm,
      minimumTermCharge: money(minimumTermCharge(minimumTerm.billingsRemaining, contract.monthlyFeeYen)),
    };
  }
  return {
    applicationNumber: application.applicationNumber,
    contractNumber: application.contractNumber,
    kind: contract.kind,
    serviceName: contract.serviceName,
    status: application.status,
    statusLabel: APPLICATION_STATUS_LABELS[application.status],
    appliedOn: application.appliedOn,
    createdBy: application.createdBy,
    cancellation,
    ...(performedBy ? { performedBy: actorView(performedBy) } : {}),
  };
}

export function quoteView(contract: ContractRecord, quote: Quote): Schemas['CancellationQuote'] {
  return {
    contractNumber: contract.contractNumber,
    kind: contract.kind,
    serviceType: contract.serviceType,
    appliedOn: quote.appliedOn,
    effectiveDate: quote.effectiveDate,
    minimumTerm: quote.minimumTerm,
    minimumTermCharge: money(quote.chargeYen),
    domainDispositionRequired: quote.domainDispositionRequired,
    therefore: quote.therefore,
  };
}
