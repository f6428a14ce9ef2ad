/**
 * `npm run test:conformance -- [--base-url URL] [--fixtures fixtures.json] [--agent-key KEY]
 *   [--site-secret SECRET --site-audience AUDIENCE]`
 *
 * Without --base-url it starts its own in-memory sandbox. Against another backend, provision the fixture records
 * first (the sandbox's demo data, or your own ids in a JSON file shaped like SANDBOX_FIXTURES); cases needing
 * one-time codes are skipped there, and so are the site-assertion cases unless the support site's secret is given
 * (`--site-secret` or CONFORMANCE_SITE_SECRET). Exits 1 when any case fails.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startSandboxTarget } from './sandbox-target.js';
import { runConformance } from './suite.js';
import { type ConformanceFixtures, type ConformanceTarget, client, SANDBOX_FIXTURES } from './target.js';

/**
 * One line saying which clock the cases judge times by: the target's own (a fixed sandbox instant, or the target's
 * `Date` header) — never this machine's — and how far the two are apart.
 */
async function describeClocks(of: ConformanceTarget): Promise<string> {
  const machine = new Date();
  if (of.now) {
    return `clock: the sandbox runs at the fixed instant ${of.now().toISOString()} (BOT_NOW); times in its answers are checked against that, not this machine's ${machine.toISOString()}`;
  }
  const probe = await client(of)('GET', '/miemasu/account', { as: { none: true } });
  if (!probe.date) return 'clock: the target sent no Date header; cases that compare times will fail';
  const skewSeconds = Math.round((probe.date.getTime() - machine.getTime()) / 1000);
  return `clock: times in answers are checked against the target's Date header (${probe.date.toISOString()}); this machine says ${machine.toISOString()} (difference ${skewSeconds} s)`;
}

const { values } = parseArgs({
  options: {
    'base-url': { type: 'string' },
    fixtures: { type: 'string' },
    'agent-key': { type: 'string' },
    'site-secret': { type: 'string' },
    'site-audience': { type: 'string' },
  },
});

let target: ConformanceTarget;
let stop = async (): Promise<void> => {};
if (values['base-url']) {
  const fixtures: ConformanceFixtures = values.fixtures
    ? (JSON.parse(readFileSync(values.fixtures, 'utf8')) as ConformanceFixtures)
    : SANDBOX_FIXTURES;
  const siteSecret = values['site-secret'] ?? process.env.CONFORMANCE_SITE_SECRET;
  target = {
    baseUrl: values['base-url'],
    fixtures: {
      ...fixtures,
      agentKey: values['agent-key'] ?? process.env.CONFORMANCE_AGENT_KEY ?? fixtures.agentKey,
    },
    ...(siteSecret
      ? { siteAssertions: { secret: siteSecret, audience: values['site-audience'] ?? 'helpdesk-bot' } }
      : {}),
  };
} else {
  const started = await startSandboxTarget(process.env.BOT_NOW);
  target = started.target;
  stop = () => started.sandbox.close();
  console.log(`conformance: started an in-memory sandbox at ${target.baseUrl}`);
}

console.log(await describeClocks(target));

const marks = { passed: '✓', failed: '✗', skipped: '-' } as const;
const results = await runConformance(target, (result) => {
  console.log(`${marks[result.outcome]} ${result.name}${result.error ? `\n    ${result.error}` : ''}`);
});
await stop();
const count = (outcome: string) => results.filter((result) => result.outcome === outcome).length;
console.log(`\n${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`);
process.exitCode = count('failed') > 0 ? 1 : 0;
