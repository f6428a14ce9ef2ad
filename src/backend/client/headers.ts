/**
 * Header names the client sets. They match the OpenAPI spec (`src/backend/openapi.yaml`); change them here only.
 */
export const AUTHORIZATION_HEADER = 'Authorization';
/** Makes a state-changing call safe to repeat: the backend answers a repeated key with the first outcome. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** Names the customer an agent acts for. */
export const ON_BEHALF_OF_HEADER = 'On-Behalf-Of';
export const RETRY_AFTER_HEADER = 'Retry-After';

/** Methods that never change state: safe to retry without an idempotency key. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD']);

/** True when `method` may change state on the backend (anything but GET/HEAD). */
export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}
