/**
 * Safety metadata of the backend contract, read from `openapi.yaml` (the single source): which operations are
 * destructive, which consequences the customer must acknowledge before each, which business refusals each may
 * answer with, and the full list of problem codes.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const OPENAPI_SPEC_PATH = fileURLToPath(new URL('./openapi.yaml', import.meta.url));

/** The base of every problem `type`: `${PROBLEM_TYPE_BASE}<code>`. */
export const PROBLEM_TYPE_BASE = 'https://errors.helpdesk.example/';

export interface OperationSafety {
  destructive: boolean;
  /**
   * Whether a success changes something in the backend: every method but GET (the contract's reads are GETs).
   * The quote-before-write rule (engine/checker/disclosure.ts) counts these as writes.
   */
  mutates: boolean;
  /** Consequence ids (`x-consequences`) to acknowledge before calling. */
  consequences: string[];
  /** Business problem codes (`x-refusals`) besides the generic ones. */
  refusals: string[];
  method: string;
  path: string;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown, where: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new Error(`${where} must be a list of strings.`);
  }
  return value;
}

let cachedSpec: Record<string, unknown> | undefined;

/** The parsed spec (cached per process). */
export function loadOpenApiSpec(path: string = OPENAPI_SPEC_PATH): Record<string, unknown> {
  if (path === OPENAPI_SPEC_PATH && cachedSpec) return cachedSpec;
  const parsed: unknown = parse(readFileSync(path, 'utf8'));
  if (!isRecord(parsed)) throw new Error(`${path} is not an OpenAPI document.`);
  if (path === OPENAPI_SPEC_PATH) cachedSpec = parsed;
  return parsed;
}

/** Every operation of the contract by operationId. Throws when an operation lacks an operationId. */
export function loadOperationCatalog(path: string = OPENAPI_SPEC_PATH): Record<string, OperationSafety> {
  const spec = loadOpenApiSpec(path);
  const paths = isRecord(spec.paths) ? spec.paths : {};
  const catalog: Record<string, OperationSafety> = {};
  for (const [route, item] of Object.entries(paths)) {
    if (!isRecord(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isRecord(operation)) continue;
      const where = `${method.toUpperCase()} ${route}`;
      if (typeof operation.operationId !== 'string') throw new Error(`${where} has no operationId.`);
      catalog[operation.operationId] = {
        destructive: operation['x-destructive'] === true,
        mutates: method !== 'get',
        consequences: stringList(operation['x-consequences'], `${where} x-consequences`),
        refusals: stringList(operation['x-refusals'], `${where} x-refusals`),
        method: method.toUpperCase(),
        path: route,
      };
    }
  }
  return catalog;
}

/** The stable problem codes, in spec order (`components.schemas.ProblemCode.enum`). */
export function loadProblemCodes(path: string = OPENAPI_SPEC_PATH): string[] {
  const spec = loadOpenApiSpec(path);
  const components = isRecord(spec.components) ? spec.components : {};
  const schemas = isRecord(components.schemas) ? components.schemas : {};
  const problemCode = schemas.ProblemCode;
  if (!isRecord(problemCode)) throw new Error('The spec has no components.schemas.ProblemCode.');
  return stringList(problemCode.enum, 'ProblemCode.enum');
}

/**
 * The problem codes as a compile-time list (kept equal to the spec's enum by test/backend/spec.test.ts), for code
 * that wants a type without reading the file.
 */
export const PROBLEM_CODES = [
  'unauthenticated',
  'forbidden',
  'on-behalf-of-required',
  'validation-failed',
  'idempotency-key-required',
  'idempotency-key-reuse',
  'not-found',
  'verification-failed',
  'verification-locked',
  'monthly-plan-not-covered',
  'devices-remain',
  'nvs-not-covered',
  'contract-not-active',
  'change-draft-exists',
  'partner-draft-exists',
  'cancellation-draft-exists',
  'already-cancelling',
  'domain-disposition-required',
  'domain-disposition-not-applicable',
  'desired-month-not-applicable',
  'desired-month-not-selectable',
  'application-not-submittable',
  'application-not-withdrawable',
  'partner-draft-not-withdrawable',
  'customer-not-found',
  'internal-error',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** Consequence ids the contract may declare (documented in the spec's description). */
export const CONSEQUENCE_IDS = [
  'no-refund',
  'license-forfeit',
  'data-loss',
  'account-deletion',
  'service-termination',
  'minimum-term-charge',
  'draft-discarded',
] as const;
export type ConsequenceId = (typeof CONSEQUENCE_IDS)[number];
