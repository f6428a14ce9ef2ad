/**
 * The contract's response shapes, checked (invariant 8: nothing the backend did not say).
 *
 * Compiled once per process from `src/backend/openapi.yaml` with ajv (JSON Schema 2020-12, the dialect of
 * OpenAPI 3.1): for every operation and declared status (or its `default`), one validator of the JSON body.
 * `check(operationId, status, body)` answers whether a response is one the contract allows; a response that is
 * not is an unknown outcome for the caller — never a fact, never the basis of a write.
 *
 * The verdict names the operation, the status and at most three schema paths with ajv's rule messages — never a
 * value from the body (which may hold personal data).
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { loadOpenApiSpec } from '../operation-metadata.js';

export type ContractVerdict = { ok: true } | { ok: false; detail: string };

export interface ResponseContract {
  /** Whether `body` is an answer the contract allows for this operation and status. */
  check(operationId: string, status: number, body: unknown): ContractVerdict;
  /** The operations the contract knows. */
  readonly operations: readonly string[];
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const CONTRACT_ID = 'urn:helpdesk:contract';
const MAX_REPORTED_ERRORS = 3;

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `#/components/schemas/X` → `urn:helpdesk:contract#/$defs/X`, everywhere in a schema. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (!isRecord(value)) return value;
  const out: Json = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] =
      key === '$ref' && typeof inner === 'string' && inner.startsWith('#/components/schemas/')
        ? `${CONTRACT_ID}#/$defs/${inner.slice('#/components/schemas/'.length)}`
        : rewriteRefs(inner);
  }
  return out;
}

/** Follows one `#/components/responses/X` reference of a response object. */
function resolveResponse(spec: Json, response: unknown): Json | undefined {
  if (!isRecord(response)) return undefined;
  const ref = response.$ref;
  if (typeof ref !== 'string') return response;
  const name = ref.replace('#/components/responses/', '');
  const responses = isRecord(spec.components) ? spec.components.responses : undefined;
  const found = isRecord(responses) ? responses[name] : undefined;
  return isRecord(found) ? found : undefined;
}

/** The JSON schema of a response object's body (`application/json` or `application/problem+json`). */
function bodySchema(response: Json): unknown {
  const content = isRecord(response.content) ? response.content : {};
  const media = content['application/json'] ?? content['application/problem+json'];
  return isRecord(media) ? media.schema : undefined;
}

/** Compiles every operation's response validators. Throws (a sentence) when the spec cannot be compiled. */
export function compileResponseContract(spec: Json = loadOpenApiSpec()): ResponseContract {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const components = isRecord(spec.components) ? spec.components : {};
  ajv.addSchema({ $id: CONTRACT_ID, $defs: rewriteRefs(components.schemas ?? {}) });

  /** operationId → status ("200", "default") → validator (`null`: declared without a body). */
  const validators = new Map<string, Map<string, ValidateFunction | null>>();
  const paths = isRecord(spec.paths) ? spec.paths : {};
  for (const item of Object.values(paths)) {
    if (!isRecord(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isRecord(operation) || typeof operation.operationId !== 'string') continue;
      const byStatus = new Map<string, ValidateFunction | null>();
      for (const [status, declared] of Object.entries(
        isRecord(operation.responses) ? operation.responses : {},
      )) {
        const response = resolveResponse(spec, declared);
        if (!response) throw new Error(`${operation.operationId} ${status}: unresolvable response.`);
        const schema = bodySchema(response);
        byStatus.set(status, schema === undefined ? null : ajv.compile(rewriteRefs(schema) as Json));
      }
      validators.set(operation.operationId, byStatus);
    }
  }

  return {
    operations: [...validators.keys()],
    check(operationId, status, body) {
      const byStatus = validators.get(operationId);
      if (!byStatus) return { ok: false, detail: `${operationId} is not an operation of the contract` };
      const declared = byStatus.get(String(status));
      const validate = declared !== undefined ? declared : byStatus.get('default');
      const where = `${operationId} HTTP ${status}`;
      if (validate === undefined)
        return { ok: false, detail: `${where} is not a status the contract declares` };
      if (validate === null) {
        return body === undefined || body === null || body === ''
          ? { ok: true }
          : { ok: false, detail: `${where} must have no body` };
      }
      if (validate(body)) return { ok: true };
      const errors = (validate.errors ?? [])
        .slice(0, MAX_REPORTED_ERRORS)
        .map((error) => `${error.instancePath || '(body)'} ${error.message ?? 'is invalid'}`);
      return { ok: false, detail: `${where}: ${errors.join('; ')}` };
    },
  };
}

let compiled: ResponseContract | undefined;

/** The contract of `src/backend/openapi.yaml`, compiled on first use and then shared by the process. */
export function responseContract(): ResponseContract {
  compiled ??= compileResponseContract();
  return compiled;
}
