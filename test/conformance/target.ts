/**
 * What the conformance suite needs to know about a backend: where it is, an agent key, the fixture records it
 * was provisioned with (the sandbox's demo data by default), and optionally how to read a one-time code.
 */
import { randomUUID } from 'node:crypto';
import { responseContract } from '../../src/backend/client/contract.js';
import { loadOperationCatalog, PROBLEM_TYPE_BASE } from '../../src/backend/operation-metadata.js';
import { DEMO_CUSTOMERS } from '../../src/sandbox/demo-data.js';

export interface FixtureCustomer {
  customerId: string;
  email: string;
}

/** Records a backend must hold, freshly provisioned, before the suite runs (it changes them). */
export interface ConformanceFixtures {
  agentKey: string;
  customers: {
    /** Annual pack with exactly two devices. */
    cameraTwo: FixtureCustomer;
    /** Annual pack with no devices. */
    cameraEmpty: FixtureCustomer;
    /** Monthly plan with at least one device. */
    cameraMonthly: FixtureCustomer;
    /** Owns every contract below except `otherCustomer`. */
    portal: FixtureCustomer;
    /** Another portal customer owning `otherCustomer`. */
    portalOther: FixtureCustomer;
  };
  devices: { cameraTwo: [string, string]; cameraMonthly: string };
  contracts: {
    typeO: string;
    /** HOME type-M inside its minimum term at the end of next month. */
    typeM: string;
    /** A 12-month HOME type past its minimum term. */
    pastMinimum: string;
    therefore: string;
    uniflow: string;
    /** 変更お申込作成中 because of the customer's own change draft. */
    changeDraft: string;
    /** 変更お申込作成中 because of a partner's draft. */
    partnerDraft: string;
    /** 解約お申込受付中. */
    accepted: string;
    nvs: string;
    otherCustomer: string;
  };
}

export interface ConformanceTarget {
  baseUrl: string;
  fixtures: ConformanceFixtures;
  /** The latest one-time code sent to `email`; without it the cases needing customer tokens are skipped. */
  readCode?: (email: string) => Promise<string | undefined>;
  /**
   * The support site's secret (and audience) the backend checks site assertions with; without it the cases that
   * sign assertions are skipped.
   */
  siteAssertions?: { secret: string; audience: string };
  /** The backend's clock, when it is not the real one (a sandbox with a fixed date); assertions are signed by it. */
  now?: () => Date;
}

export const SANDBOX_FIXTURES: ConformanceFixtures = {
  agentKey: 'sandbox-agent-key-sato',
  customers: DEMO_CUSTOMERS,
  devices: { cameraTwo: ['DEV-0001', 'DEV-0002'], cameraMonthly: 'DEV-0003' },
  contracts: {
    typeO: 'HMAO061322',
    typeM: 'HMMH061530',
    pastMinimum: 'HMUH022123',
    therefore: 'TFOL040112',
    uniflow: 'UFOL050233',
    changeDraft: 'HMAO021976',
    partnerDraft: 'HMAP022072',
    accepted: 'HMSL030455',
    nvs: 'NVSV010203',
    otherCustomer: 'HMCX040001',
  },
};

/** `agent`: the agent key alone, without On-Behalf-Of (agent-only operations such as findCustomer). */
export type Credential = { agentFor: string } | { agent: true } | { token: string } | { none: true };

export interface CallOptions {
  as: Credential;
  body?: unknown;
  /** Idempotency-Key; `'fresh'` (default for writes) makes a new one, `null` sends none. */
  key?: string | null;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  contentType: string;
  replayed: boolean;
  body: unknown;
  /** The target's own clock at the answer (its `Date` header, second resolution), when it sent one. */
  date: Date | undefined;
}

/** The value at a dotted path (`devices.0.name`) of a JSON value, or undefined. */
export function at(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** The list at `path`; throws when it is not a list, so a missing field fails loudly. */
export function listAt(value: unknown, path: string): unknown[] {
  const found = at(value, path);
  if (!Array.isArray(found)) throw new Error(`Expected a list at "${path}", got ${JSON.stringify(found)}.`);
  return found;
}

/** The string at `path`; throws otherwise. */
export function stringAt(value: unknown, path: string): string {
  const found = at(value, path);
  if (typeof found !== 'string')
    throw new Error(`Expected a string at "${path}", got ${JSON.stringify(found)}.`);
  return found;
}

export function newKey(): string {
  return `conformance-${randomUUID()}`;
}

/** Each contract operation as a method and a path pattern (`{id}` → one segment). */
const ROUTES = Object.entries(loadOperationCatalog()).map(([operationId, op]) => ({
  operationId,
  method: op.method,
  pattern: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));

/** The contract operation a request is, or undefined (a path outside the contract). */
export function operationFor(method: string, path: string): string | undefined {
  const pathname = new URL(path, 'http://x').pathname;
  return ROUTES.find((route) => route.method === method && route.pattern.test(pathname))?.operationId;
}

/**
 * Throws when an answer to a contract operation does not have the shape the contract declares for that status
 * (the bot believes nothing else, invariant 8): every case checks the shapes as well as the behaviour.
 */
export function assertContractShape(method: string, path: string, status: number, body: unknown): void {
  const operationId = operationFor(method, path);
  if (!operationId) return;
  const verdict = responseContract().check(operationId, status, body);
  if (!verdict.ok) throw new Error(`The answer does not match the contract: ${verdict.detail}.`);
}

/** A tiny HTTP helper bound to a target; every answer's shape is checked against the contract. */
export function client(target: ConformanceTarget) {
  return async function call(method: string, path: string, options: CallOptions): Promise<CallResult> {
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    if ('agentFor' in options.as) {
      headers.authorization = `Bearer ${target.fixtures.agentKey}`;
      headers['on-behalf-of'] = options.as.agentFor;
    } else if ('agent' in options.as) {
      headers.authorization = `Bearer ${target.fixtures.agentKey}`;
    } else if ('token' in options.as) {
      headers.authorization = `Bearer ${options.as.token}`;
    }
    const isWrite = method !== 'GET';
    const key = options.key === undefined ? (isWrite ? newKey() : null) : options.key;
    if (key !== null) headers['idempotency-key'] = key;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    Object.assign(headers, options.headers);
    const response = await fetch(new URL(path, target.baseUrl), {
      method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
    });
    const text = await response.text();
    const body = text ? (JSON.parse(text) as unknown) : undefined;
    assertContractShape(method, path, response.status, body);
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      replayed: response.headers.get('idempotency-replayed') === 'true',
      body,
      date: parseHttpDate(response.headers.get('date')),
    };
  };
}

export type Call = ReturnType<typeof client>;

function parseHttpDate(value: string | null): Date | undefined {
  if (!value) return undefined;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

/**
 * The target's notion of now, never this machine's: `target.now` when the target's clock is known (a sandbox with
 * a fixed date), otherwise the `Date` header of a fresh answer. Times in the target's bodies (expiries) are
 * compared with this, so a backend whose clock differs from the runner's is judged by its own clock.
 */
export async function targetNow(target: ConformanceTarget, call: Call): Promise<Date> {
  if (target.now) return target.now();
  const probe = await call('GET', '/miemasu/account', { as: { none: true } });
  if (!probe.date) throw new Error('The target sent no Date header; its clock cannot be read.');
  return probe.date;
}

export { PROBLEM_TYPE_BASE };
