/**
 * Helpers shared by the cloud-service portal cases.
 */
import { assertOk, type CaseContext } from '../case.js';

export const portal = (context: CaseContext) => ({ agentFor: context.fixtures.customers.portal.customerId });

export async function quote(context: CaseContext, contractNumber: string, query = ''): Promise<unknown> {
  return assertOk(
    await context.call('GET', `/csps/contracts/${contractNumber}/cancellation-quote${query}`, {
      as: portal(context),
    }),
  );
}

export async function contract(context: CaseContext, contractNumber: string): Promise<unknown> {
  return assertOk(await context.call('GET', `/csps/contracts/${contractNumber}`, { as: portal(context) }));
}
