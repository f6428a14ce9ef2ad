/**
 * Backend operations as the engine sees them: named, with safety metadata, run only by the runtime.
 *
 * The metadata mirrors the OpenAPI spec's `x-destructive` / `x-consequences`; the static checker reads it to
 * prove that every destructive call is preceded by a confirmation acknowledging each declared consequence.
 */
import type { Actor, Locale } from './turn.js';

export interface OperationMeta {
  destructive: boolean;
  /**
   * True when a success changes something in the backend even if it is not destructive (e.g. creating a draft):
   * "stop" then no longer claims that nothing changed.
   */
  mutates?: boolean | undefined;
  /**
   * True when sending the call changes nothing anywhere (a pure read, e.g. an HTTP GET), so sending it again is
   * harmless: the runtime then sends it without first storing it as the pending call (exactly-once concerns only
   * writes). Not the opposite of `mutates`: a call that sends an e-mail or uses up a one-time code changes nothing
   * of the customer's services (`mutates: false`) but is not read-only. Never together with `destructive` or
   * `mutates`. Default false: the pending call is stored before sending.
   */
  readOnly?: boolean | undefined;
  /** Consequence ids, e.g. `no-refund`, `license-forfeit`, `data-loss`, `minimum-term-charge`, `account-deletion`. */
  consequences: readonly string[];
}

/** Who failed, as a discriminated union the dialogs branch on. */
export type OperationOutcome =
  | { ok: true; data: unknown }
  /**
   * The backend understood and said no, with a stable problem code (e.g. `devices-remain`). `callerRejected`: the
   * refusal is about who is calling (expired sign-in, no permission), not about the request — when re-checking a
   * call whose outcome was unknown it says nothing about whether that call took effect.
   */
  | {
      ok: false;
      kind: 'refused';
      code: string;
      detail?: string | undefined;
      callerRejected?: boolean | undefined;
    }
  /**
   * Not reachable, timed out, or 5xx after retries: the outcome of a write is unknown. `offContract`: the backend
   * did answer, but not as its contract allows (invariant 8) — believed in no part.
   */
  | { ok: false; kind: 'unreachable'; detail?: string | undefined; offContract?: boolean | undefined }
  /**
   * Our side is wrong (invalid request, unexpected response): never retried. `offContract`: the answer was not
   * one the contract allows (e.g. not JSON at all).
   */
  | { ok: false; kind: 'bug'; detail?: string | undefined; offContract?: boolean | undefined };

export interface OperationContext {
  conversationKey: string;
  actor: Actor;
  locale: Locale;
  /** Present for every destructive call: derived from the conversation and the confirmation it follows. */
  idempotencyKey?: string | undefined;
  /** Credentials obtained during the conversation (e.g. a customer token), never logged. */
  credentials?: Readonly<Record<string, string>> | undefined;
}

export interface Operation extends OperationMeta {
  run(args: Readonly<Record<string, unknown>>, ctx: OperationContext): Promise<OperationOutcome>;
}

export type OperationRegistry = Readonly<Record<string, Operation>>;
export type OperationCatalog = Readonly<Record<string, OperationMeta>>;

/** Told of every call's outcome after it ran; must not throw (it runs inside the call). */
export type OperationObserver = (
  name: string,
  outcome: OperationOutcome,
  call: { args: Readonly<Record<string, unknown>>; ctx: OperationContext; operation: Operation },
) => void;

/** The registry with `observe` told of each call after it ran (fault logs, test recorders); outcomes unchanged. */
export function observeOperations(
  registry: OperationRegistry,
  observe: OperationObserver,
): OperationRegistry {
  return Object.fromEntries(
    Object.entries(registry).map(([name, operation]) => [
      name,
      {
        ...operation,
        async run(args, ctx) {
          const outcome = await operation.run(args, ctx);
          observe(name, outcome, { args, ctx, operation });
          return outcome;
        },
      } satisfies Operation,
    ]),
  );
}
