/**
 * Idempotency-Key handling (see openapi.yaml): keys are scoped to the caller; the same key with the same request
 * replays the stored response; with a different request it is refused. Only 2xx responses are stored.
 */
import { sha256 } from './auth.js';
import type { ActorRecord, IdempotencyRecord, SandboxState } from './model.js';
import { ProblemError } from './problem.js';

export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{8,255}$/;

/** The scope a key lives in: the acting principal and the customer acted for, or `anonymous`. */
export function idempotencyScope(actor: ActorRecord | undefined): string {
  return actor ? `${actor.kind}:${actor.id}>${actor.customerId}` : 'anonymous';
}

/** A stable JSON rendering with sorted keys, so `{a,b}` and `{b,a}` are the same body. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function requestFingerprint(method: string, path: string, body: unknown): string {
  return sha256(`${method} ${path}\n${canonicalJson(body ?? {})}`);
}

/** Validates the header value; throws `idempotency-key-required` when missing or malformed. */
export function requireIdempotencyKey(header: string | undefined): string {
  if (!header)
    throw new ProblemError('idempotency-key-required', 'Send an Idempotency-Key header (8–255 characters).');
  if (!IDEMPOTENCY_KEY_PATTERN.test(header)) {
    throw new ProblemError(
      'idempotency-key-required',
      'The Idempotency-Key must be 8–255 visible ASCII characters.',
    );
  }
  return header;
}

/**
 * The stored response to replay for this key, or undefined when the key is new. Throws `idempotency-key-reuse`
 * when the key was used for a different request.
 */
export function storedResponse(
  state: SandboxState,
  recordKey: string,
  fingerprint: string,
): IdempotencyRecord | undefined {
  const record = state.idempotency[recordKey];
  if (!record) return undefined;
  if (record.fingerprint !== fingerprint) {
    throw new ProblemError(
      'idempotency-key-reuse',
      'This Idempotency-Key was already used for a different request.',
    );
  }
  return record;
}
