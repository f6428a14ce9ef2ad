/**
 * One behavioural check of the contract, framework-free so it runs from the CLI and from vitest alike.
 */
import assert from 'node:assert/strict';
import { type Call, type CallResult, type ConformanceTarget, PROBLEM_TYPE_BASE, stringAt } from './target.js';

export interface CaseContext {
  target: ConformanceTarget;
  call: Call;
  fixtures: ConformanceTarget['fixtures'];
  /** A customer token obtained through the verification flow (requires `target.readCode`). */
  customerToken(email: string): Promise<string>;
}

export interface ConformanceCase {
  name: string;
  /** Cases that need customer tokens are skipped when the target cannot read one-time codes. */
  needsCodes?: boolean;
  /** Cases that sign site assertions are skipped when the target's site secret is not known. */
  needsSiteSecret?: boolean;
  run(context: CaseContext): Promise<void>;
}

/** Asserts an RFC 9457 problem with the given status and code. */
export function assertProblem(result: CallResult, status: number, code: string): void {
  assert.equal(
    result.status,
    status,
    `expected ${status} ${code}, got ${result.status} ${JSON.stringify(result.body)}`,
  );
  assert.match(result.contentType, /^application\/problem\+json/);
  assert.equal(stringAt(result.body, 'code'), code);
  assert.equal(stringAt(result.body, 'type'), `${PROBLEM_TYPE_BASE}${code}`);
  assert.equal(typeof stringAt(result.body, 'title'), 'string');
}

/** Asserts a success status and returns the body. */
export function assertOk(result: CallResult, status = 200): unknown {
  assert.equal(
    result.status,
    status,
    `expected ${status}, got ${result.status} ${JSON.stringify(result.body)}`,
  );
  return result.body;
}
