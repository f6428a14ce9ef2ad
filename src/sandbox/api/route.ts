/**
 * What an API handler receives and returns. Handlers work on a copy of the state: a thrown ProblemError
 * discards every change; a returned result (even a problem, e.g. a counted wrong code) is committed.
 */
import type { Clock } from '../../clock.js';
import type { ActorRecord, AgentRecord, SandboxState } from '../model.js';

export interface OutboxMail {
  to: string;
  subject: string;
  body: string;
  /** The one-time code, for tests reading the outbox (never returned by the API). */
  code: string;
  verificationId: string;
  sentAt: string;
}

export interface HandlerContext {
  state: SandboxState;
  clock: Clock;
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  body: unknown;
  /** Set for `acting` routes. */
  actor: ActorRecord | undefined;
  /** Set for `agent` routes: the agent whose key was sent. */
  agent: AgentRecord | undefined;
  /** How site assertions are checked; undefined when the sandbox was given no site secret. */
  siteAssertions: SiteAssertionCheck | undefined;
  /** Mail is delivered only once the state change is saved. */
  sendMail(mail: OutboxMail): void;
}

export interface HandlerResult {
  status: number;
  body: unknown;
}

/** The support site's shared secret (HS256) and, when set, the audience its assertions must name. */
export interface SiteAssertionCheck {
  secret: Uint8Array;
  audience?: string | undefined;
}

/**
 * Who may call a route: anyone (`none`), a customer token or an agent with `On-Behalf-Of` (`acting`), or an agent
 * key alone (`agent`).
 */
export type RouteAuth = 'none' | 'acting' | 'agent';

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  /** OpenAPI path template, e.g. `/miemasu/devices/{deviceId}`. */
  path: string;
  operationId: string;
  auth: RouteAuth;
  /** State-changing: requires an Idempotency-Key. */
  write: boolean;
  handle(context: HandlerContext): HandlerResult | Promise<HandlerResult>;
}

/** The actor of an `acting` route (the pipeline guarantees it). */
export function actorOf(context: HandlerContext): ActorRecord {
  if (!context.actor) throw new Error(`Route needs authentication but has no actor.`);
  return context.actor;
}

export function recordAudit(context: HandlerContext, operationId: string, target: string): void {
  context.state.audit.push({
    at: context.clock.now().toISOString(),
    operationId,
    actor: actorOf(context),
    target,
  });
}
