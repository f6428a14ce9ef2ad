/**
 * A fresh in-memory sandbox as a conformance target, reading one-time codes from its outbox.
 */
import { randomBytes } from 'node:crypto';
import { manualClock } from '../../src/clock.js';
import { createSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { type ConformanceTarget, SANDBOX_FIXTURES } from './target.js';

/** The sandbox's clock for conformance runs: a fixed, ordinary weekday (override with BOT_NOW). */
export const CONFORMANCE_NOW = '2026-11-23T10:00:00+09:00';

export async function startSandboxTarget(now: string = CONFORMANCE_NOW): Promise<{
  target: ConformanceTarget;
  sandbox: Sandbox;
}> {
  const siteAssertions = { secret: randomBytes(32).toString('base64url'), audience: 'conformance' };
  const clock = manualClock(now);
  const sandbox = await createSandbox({
    store: 'memory',
    clock,
    siteTokenSecret: siteAssertions.secret,
    siteTokenAudience: siteAssertions.audience,
  });
  const { url } = await sandbox.listen(0, '127.0.0.1');
  const target: ConformanceTarget = {
    baseUrl: url,
    fixtures: SANDBOX_FIXTURES,
    readCode: async (email) => sandbox.outbox.filter((mail) => mail.to === email).at(-1)?.code,
    siteAssertions,
    now: () => clock.now(),
  };
  return { target, sandbox };
}
