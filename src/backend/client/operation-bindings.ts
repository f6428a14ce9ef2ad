/**
 * How each contract operation (by `operationId`) is sent with the typed client: its HTTP method, the
 * arguments a dialog must supply (validated with zod, since dialog slots are untyped), and the typed call.
 * Metadata (destructive, consequences) is not here: it comes from the spec via the operation catalog.
 *
 * The one place `Idempotency-Key` is set: every write passes the key the registry gives it as the header
 * parameter the contract requires (the generated types make it mandatory, so a write binding without it does not
 * compile). The key is also what lets the resilient fetch retry a write (`retry-policy.ts`).
 */
import type { Client } from 'openapi-fetch';
import { z } from 'zod';
import type { paths } from '../generated/openapi.js';
import { IDEMPOTENCY_KEY_HEADER } from './headers.js';
import type { FetchResultLike } from './result.js';

export type BackendApi = Client<paths>;
export type BoundMethod = 'GET' | 'POST' | 'DELETE';

export interface OperationBinding {
  method: BoundMethod;
  /**
   * Validates `args` and sends the request. `idempotencyKey` is always present for writes (the registry makes
   * sure) and unused for reads. Returns `{ invalid }` without sending when the arguments do not fit.
   */
  send(
    api: BackendApi,
    args: Readonly<Record<string, unknown>>,
    idempotencyKey: string,
  ): Promise<FetchResultLike<unknown>> | { invalid: string };
}

function bind<S extends z.ZodType>(
  method: BoundMethod,
  schema: S,
  call: (api: BackendApi, args: z.infer<S>, idempotencyKey: string) => Promise<FetchResultLike<unknown>>,
): OperationBinding {
  return {
    method,
    send(api, args, idempotencyKey) {
      const parsed = schema.safeParse(args);
      // prettifyError names paths and rules, never the (possibly personal) values.
      if (!parsed.success) return { invalid: z.prettifyError(parsed.error) };
      return call(api, parsed.data, idempotencyKey);
    },
  };
}

const none = z.object({});
const id = z.string().min(1);
const month = z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/);
const byContract = z.object({ contractNumber: id });
const byApplication = z.object({ applicationNumber: id });
const key = (idempotencyKey: string) => ({ [IDEMPOTENCY_KEY_HEADER]: idempotencyKey });
/** Exactly one of the two ways an agent names a customer. */
const customerQuery = z.union([
  z.strictObject({ email: z.string().min(3).max(254) }),
  z.strictObject({ contractNumber: z.string().min(1).max(32) }),
]);

export const OPERATION_BINDINGS: Readonly<Record<string, OperationBinding>> = {
  startVerification: bind('POST', z.object({ email: z.string().min(3) }), (api, { email }, k) =>
    api.POST('/identity/verifications', { params: { header: key(k) }, body: { email } }),
  ),
  confirmVerification: bind('POST', z.object({ verificationId: id, code: z.string() }), (api, args, k) =>
    api.POST('/identity/verifications/{verificationId}/confirm', {
      params: { header: key(k), path: { verificationId: args.verificationId } },
      body: { code: args.code },
    }),
  ),
  exchangeSiteAssertion: bind('POST', z.object({ assertion: z.string().min(1).max(4096) }), (api, args, k) =>
    api.POST('/identity/site-sessions', { params: { header: key(k) }, body: { assertion: args.assertion } }),
  ),
  findCustomer: bind('GET', customerQuery, (api, query) => api.GET('/customers', { params: { query } })),
  getMiemasuAccount: bind('GET', none, (api) => api.GET('/miemasu/account')),
  listMiemasuDevices: bind('GET', none, (api) => api.GET('/miemasu/devices')),
  deleteMiemasuDevice: bind('DELETE', z.object({ deviceId: id }), (api, { deviceId }, k) =>
    api.DELETE('/miemasu/devices/{deviceId}', { params: { header: key(k), path: { deviceId } } }),
  ),
  withdrawAnnualPack: bind('POST', none, (api, _args, k) =>
    api.POST('/miemasu/withdrawal', { params: { header: key(k) }, body: {} }),
  ),
  listCspsContracts: bind('GET', none, (api) => api.GET('/csps/contracts')),
  getCspsContract: bind('GET', byContract, (api, { contractNumber }) =>
    api.GET('/csps/contracts/{contractNumber}', { params: { path: { contractNumber } } }),
  ),
  getCancellationQuote: bind(
    'GET',
    byContract.extend({ desiredMonth: month.optional() }),
    (api, { contractNumber, desiredMonth }) =>
      api.GET('/csps/contracts/{contractNumber}/cancellation-quote', {
        params: { path: { contractNumber }, query: desiredMonth ? { desiredMonth } : {} },
      }),
  ),
  createCancellationApplication: bind(
    'POST',
    byContract.extend({
      reason: z.string().min(1).max(1000),
      domainDisposition: z.enum(['transfer', 'abolish']).optional(),
      desiredMonth: month.optional(),
    }),
    (api, { contractNumber, ...body }, k) =>
      api.POST('/csps/contracts/{contractNumber}/cancellation-applications', {
        params: { header: key(k), path: { contractNumber } },
        body,
      }),
  ),
  listCspsApplications: bind('GET', none, (api) => api.GET('/csps/applications')),
  getCspsApplication: bind('GET', byApplication, (api, { applicationNumber }) =>
    api.GET('/csps/applications/{applicationNumber}', { params: { path: { applicationNumber } } }),
  ),
  submitCancellationApplication: bind('POST', byApplication, (api, { applicationNumber }, k) =>
    api.POST('/csps/applications/{applicationNumber}/submit', {
      params: { header: key(k), path: { applicationNumber } },
      body: {},
    }),
  ),
  withdrawApplication: bind('POST', byApplication, (api, { applicationNumber }, k) =>
    api.POST('/csps/applications/{applicationNumber}/withdraw', {
      params: { header: key(k), path: { applicationNumber } },
      body: {},
    }),
  ),
};
