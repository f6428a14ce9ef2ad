/**
 * `findCustomer`: an agent finds the customer they are about to act for, by registered e-mail or by portal
 * contract number. Agents only (the pipeline authenticates the agent key; a customer token is `forbidden`).
 */
import type { components } from '../../backend/generated/openapi.js';
import { CONTRACT_STATUS_LABELS, type Customer, type SandboxState } from '../model.js';
import { ProblemError } from '../problem.js';
import { findCustomerQuery, parseOrRefuse } from '../request-schemas.js';
import type { Route } from './route.js';

type CustomerSummary = components['schemas']['CustomerSummary'];

/** At most this many contracts are listed (the summary is for recognising the customer, not a contract list). */
export const SUMMARY_CONTRACT_LIMIT = 10;

/** `portal@example.com` → `po****@example.com`: enough to recognise, not enough to write to. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return '****';
  const local = email.slice(0, at);
  return `${local.slice(0, Math.min(2, Math.max(1, local.length - 1)))}****${email.slice(at)}`;
}

function findMatch(
  state: SandboxState,
  query: { email?: string; contractNumber?: string },
): Customer | undefined {
  if (query.email !== undefined) {
    const email = query.email.toLowerCase();
    return state.customers.find((customer) => customer.email.toLowerCase() === email);
  }
  const number = (query.contractNumber ?? '').toUpperCase();
  const contract = state.contracts.find((candidate) => candidate.contractNumber.toUpperCase() === number);
  return contract && state.customers.find((customer) => customer.customerId === contract.customerId);
}

export function customerSummary(state: SandboxState, customer: Customer): CustomerSummary {
  const account = state.miemasuAccounts.find((candidate) => candidate.customerId === customer.customerId);
  const contracts = state.contracts.filter((contract) => contract.customerId === customer.customerId);
  return {
    customerId: customer.customerId,
    displayName: customer.name,
    maskedEmail: maskEmail(customer.email),
    miemasu: account
      ? {
          plan: account.plan,
          deviceCount: state.devices.filter((device) => device.customerId === customer.customerId).length,
        }
      : null,
    contracts: contracts.slice(0, SUMMARY_CONTRACT_LIMIT).map((contract) => ({
      contractNumber: contract.contractNumber,
      serviceName: contract.serviceName,
      status: contract.status,
      statusLabel: CONTRACT_STATUS_LABELS[contract.status],
    })),
    contractCount: contracts.length,
  };
}

export const customerRoutes: Route[] = [
  {
    method: 'GET',
    path: '/customers',
    operationId: 'findCustomer',
    auth: 'agent',
    write: false,
    handle(context) {
      const query = parseOrRefuse(findCustomerQuery, Object.fromEntries(context.query), 'query');
      const customer = findMatch(context.state, query);
      if (!customer)
        throw new ProblemError('customer-not-found', 'No customer matches that e-mail or contract.');
      return { status: 200, body: customerSummary(context.state, customer) };
    },
  },
];
