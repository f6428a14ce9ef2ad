/**
 * Adapts the typed client to the engine's operation registry: each contract operation becomes an engine
 * {@link Operation} with the spec's safety metadata and a `run` that never throws.
 *
 * Safety invariant: a destructive operation refuses to run without the caller's idempotency key (a `bug`
 * outcome, nothing is sent), so a destructive effect can never be sent twice under different keys.
 * A non-destructive write without a key gets a fresh random key, which makes its own retries safe.
 *
 * Every answer is checked against the contract (`contract.ts`, invariant 8): one that does not match is an unknown
 * outcome (`unreachable`), whose detail names the operation, the status and the schema paths that failed.
 */
import { randomUUID } from 'node:crypto';
import type {
  Operation,
  OperationContext,
  OperationMeta,
  OperationOutcome,
  OperationRegistry,
} from '../../engine/operations.js';
import { type ResponseContract, responseContract } from './contract.js';
import type { BackendClient } from './create-backend-client.js';
import { isStateChanging } from './headers.js';
import { OPERATION_BINDINGS, type OperationBinding } from './operation-bindings.js';
import { type BackendResult, outcomeFromError, settle, settleChecked, toOperationOutcome } from './result.js';

/** The catalog the registry is built from; `loadOperationCatalog()` (operation-metadata.ts) returns one. */
export type RoutedOperationCatalog = Readonly<
  Record<string, OperationMeta & { method?: string | undefined }>
>;

/**
 * Told of every call that reached the transport: the operation, the HTTP status (`undefined`: no answer) and how
 * it ended — `off-contract` for an answer the contract does not allow (invariant 8). For metrics; must not throw.
 */
export type BackendCallObserver = (
  operationId: string,
  status: number | undefined,
  outcome: 'ok' | 'refused' | 'unreachable' | 'off-contract' | 'bug',
) => void;

function observed(result: BackendResult<unknown>, operationId: string, observe?: BackendCallObserver) {
  if (!observe) return result;
  try {
    if (result.ok) observe(operationId, result.status, 'ok');
    else {
      const { error } = result;
      const outcome =
        error.kind === 'unreachable' && error.reason === 'contract-mismatch' ? 'off-contract' : error.kind;
      observe(operationId, error.status, outcome);
    }
  } catch {
    // Metrics never change a call's outcome.
  }
  return result;
}

/**
 * Builds one engine operation per catalog entry; `observe` is told of each call's status and outcome.
 * @throws when the catalog names an operation this client cannot send, or its method disagrees with the
 *   binding's (the spec and the client have drifted apart).
 */
export function createOperationRegistry(
  backend: BackendClient,
  catalog: RoutedOperationCatalog,
  bindings: Readonly<Record<string, OperationBinding>> = OPERATION_BINDINGS,
  contract: ResponseContract = responseContract(),
  observe?: BackendCallObserver,
): OperationRegistry {
  const registry: Record<string, Operation> = {};
  for (const [operationId, meta] of Object.entries(catalog)) {
    const binding = bindings[operationId];
    if (!binding) {
      throw new Error(
        `The catalog's operation "${operationId}" has no client binding; bound operations are: ${Object.keys(bindings).join(', ')}.`,
      );
    }
    if (meta.method && meta.method.toUpperCase() !== binding.method) {
      throw new Error(
        `Operation "${operationId}" is ${meta.method.toUpperCase()} in the spec but bound as ${binding.method}.`,
      );
    }
    registry[operationId] = {
      destructive: meta.destructive,
      consequences: [...meta.consequences],
      mutates: binding.method !== 'GET',
      // A GET changes nothing: the runtime need not store it as pending before sending (a conflict re-sends it).
      readOnly: binding.method === 'GET',
      run: (args, ctx) => runOperation(backend, operationId, meta, binding, contract, args, ctx, observe),
    };
  }
  return registry;
}

async function runOperation(
  backend: BackendClient,
  operationId: string,
  meta: OperationMeta,
  binding: OperationBinding,
  contract: ResponseContract,
  args: Readonly<Record<string, unknown>>,
  ctx: OperationContext,
  observe?: BackendCallObserver,
): Promise<OperationOutcome> {
  const write = isStateChanging(binding.method);
  if (meta.destructive && !ctx.idempotencyKey) {
    return outcomeFromError({
      kind: 'bug',
      reason: 'missing-idempotency-key',
      detail: `destructive operation "${operationId}" was run without an idempotency key; nothing was sent`,
    });
  }
  const idempotencyKey = write ? (ctx.idempotencyKey ?? randomUUID()) : undefined;
  const api = backend.with({ actor: ctx.actor, credentials: ctx.credentials });
  try {
    const sent = binding.send(api, args, idempotencyKey ?? '');
    if ('invalid' in sent) {
      return outcomeFromError({
        kind: 'bug',
        reason: 'invalid-arguments',
        detail: `arguments of "${operationId}" do not fit: ${sent.invalid}`,
      });
    }
    const check = (status: number, body: unknown) => contract.check(operationId, status, body);
    return toOperationOutcome(
      observed(await settleChecked(binding.method, sent, check), operationId, observe),
    );
  } catch (thrown) {
    // A binding that throws synchronously (e.g. openapi-fetch rejecting a path) is our bug, not the backend's.
    const result = await settle(binding.method, Promise.reject(thrown));
    return toOperationOutcome(observed(result, operationId, observe));
  }
}
