/**
 * The contract's behavioural conformance suite: runs every case, in order, against one target. The cases change
 * the target's fixture records, so run it against freshly provisioned fixtures.
 */

import type { CaseContext, ConformanceCase } from './case.js';
import { agentCases } from './cases/agents.js';
import { authorizationCases } from './cases/authorization.js';
import { cspsApplicationCases } from './cases/csps-applications.js';
import { cspsQuoteCases } from './cases/csps-quotes.js';
import { identityCases } from './cases/identity.js';
import { miemasuCases } from './cases/miemasu.js';
import { protocolCases } from './cases/protocol.js';
import { siteSessionCases } from './cases/site-sessions.js';
import { type ConformanceTarget, client, stringAt } from './target.js';

/** In run order: authorization runs before the cases that delete the items it probes. */
export const CONFORMANCE_CASES: readonly ConformanceCase[] = [
  ...protocolCases,
  ...identityCases,
  ...siteSessionCases,
  ...agentCases,
  ...authorizationCases,
  ...miemasuCases,
  ...cspsQuoteCases,
  ...cspsApplicationCases,
];

export interface CaseResult {
  name: string;
  outcome: 'passed' | 'failed' | 'skipped';
  error?: string;
}

export function caseContext(target: ConformanceTarget): CaseContext {
  const call = client(target);
  return {
    target,
    call,
    fixtures: target.fixtures,
    async customerToken(email) {
      if (!target.readCode) throw new Error('This target cannot read one-time codes.');
      const started = await call('POST', '/identity/verifications', { as: { none: true }, body: { email } });
      const code = await target.readCode(email);
      if (!code) throw new Error(`No one-time code was sent to ${email}.`);
      const confirmed = await call(
        'POST',
        `/identity/verifications/${stringAt(started.body, 'verificationId')}/confirm`,
        { as: { none: true }, body: { code } },
      );
      return stringAt(confirmed.body, 'token');
    },
  };
}

export async function runConformance(
  target: ConformanceTarget,
  onResult: (result: CaseResult) => void = () => {},
): Promise<CaseResult[]> {
  const context = caseContext(target);
  const results: CaseResult[] = [];
  for (const testCase of CONFORMANCE_CASES) {
    let result: CaseResult;
    if (testCase.needsCodes && !target.readCode) {
      result = { name: testCase.name, outcome: 'skipped', error: 'needs a way to read one-time codes' };
    } else if (testCase.needsSiteSecret && !target.siteAssertions) {
      result = { name: testCase.name, outcome: 'skipped', error: "needs the support site's secret" };
    } else {
      try {
        await testCase.run(context);
        result = { name: testCase.name, outcome: 'passed' };
      } catch (error) {
        result = {
          name: testCase.name,
          outcome: 'failed',
          error: error instanceof Error ? error.message : String(error),
        };
      }
    }
    results.push(result);
    onResult(result);
  }
  return results;
}
