/**
 * The one e-mail rule (item 5 of the outside probe): the contract's `components.schemas.EmailAddress`, read from
 * `src/backend/openapi.yaml`, is what the bot accepts before it calls the backend, what the sandbox accepts, and
 * what the response contract checks. ASCII only; dots anywhere in the local part (legacy Japanese mobile-carrier
 * addresses such as `taro..yamada@docomo.ne.jp`, `taro.@ezweb.ne.jp`); a top-level label of two letters or more.
 */
import { loadOpenApiSpec } from '../backend/operation-metadata.js';

function emailSchema(): { pattern: string; maxLength: number } {
  const components = loadOpenApiSpec().components as
    | { schemas?: Record<string, { pattern?: unknown; maxLength?: unknown }> }
    | undefined;
  const schema = components?.schemas?.EmailAddress;
  if (typeof schema?.pattern !== 'string' || typeof schema.maxLength !== 'number') {
    throw new Error('The contract (openapi.yaml) has no components.schemas.EmailAddress with a pattern.');
  }
  return { pattern: schema.pattern, maxLength: schema.maxLength };
}

const { pattern, maxLength } = emailSchema();

/** The contract's pattern. */
export const EMAIL_PATTERN = new RegExp(pattern);
export const EMAIL_MAX_LENGTH = maxLength;

/** Whether `text` is an e-mail address by the contract's rule. */
export function isEmailAddress(text: string): boolean {
  return text.length <= EMAIL_MAX_LENGTH && EMAIL_PATTERN.test(text);
}
