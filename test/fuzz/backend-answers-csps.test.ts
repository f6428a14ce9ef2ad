/**
 * Fuzzing the backend side for the cloud-service portal (csps) cancellation, invariant 8: the backend answers the
 * operations `csps-cancel` uses — the contract list, the cancellation quote, and creating the cancellation draft —
 * with generated wrong-shape, truncated, hostile and slow answers that carry sentinel facts (a contract number, an
 * amount, a date, an application number) found nowhere in the sandbox's data. Properties, per invalid answer: a
 * polite answer without raw error text; none of the sentinel facts in the reply; no following write (no POST to
 * /csps/…); exactly one fault line. For the draft creation (a write): an invalid answer is never told as "created".
 * Bounded in count and time; CI replays a fixed seed (run-property.ts).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type FaultRig, faultLines, politeProblems, startFaultRig } from '../faults/support.js';
import {
  type Answer,
  answersLike,
  application,
  checkOneFaultLine,
  checkToldCannotShow,
  contract,
  expectThat,
  faultOf,
  hostileString,
  isValid,
  NOTHING_CHANGED,
  quote,
  SENTINEL,
  sentinelsIn,
} from './support/csps-answers.js';
import { runProperty, scaled } from './support/run-property.js';

const PORTAL_CUSTOMER = 'portal@example.com';
const CONTRACT_LIST = { method: 'GET', path: /^\/csps\/contracts$/ };
const QUOTE = { method: 'GET', path: /^\/csps\/contracts\/HMMH061530\/cancellation-quote$/ };
const CREATE_DRAFT = { method: 'POST', path: /^\/csps\/contracts\/HMMH061530\/cancellation-applications$/ };
/** Every csps write: a draft, a submission, a withdrawal. */
const CSPS_WRITES = { method: 'POST', path: /^\/csps\// };
const SUBMIT = { method: 'POST', path: /^\/csps\/applications\/[^/]+\/submit$/ };
const ACCEPTED = '解約のお申込を承りました';
const TIMEOUT_MS = 300;
const DRAFT_CREATED = 'として作成しました';

const listAnswers = answersLike(
  fc.record(
    {
      contracts: fc.oneof(
        fc.array(contract, { minLength: 1, maxLength: 3 }),
        hostileString,
        fc.constant(null),
      ),
    },
    { requiredKeys: [] },
  ),
  `{"contracts":[{"contractNumber":"${SENTINEL.contractNumber}","monthlyFee":{"amount":${SENTINEL.amount}}}]}`,
);
const quoteAnswers = answersLike(
  quote,
  `{"contractNumber":"${SENTINEL.contractNumber}","effectiveDate":"${SENTINEL.date}","minimumTermCharge":{"amount":${SENTINEL.amount}}}`,
);
const draftAnswers = answersLike(
  application(),
  `{"applicationNumber":"${SENTINEL.applicationNumber}","cancellation":{"effectiveDate":"${SENTINEL.date}"}}`,
);

let rig: FaultRig;
let users = 0;
const counters = {
  list: { invalid: 0, valid: 0 },
  quote: { invalid: 0, valid: 0 },
  draft: { invalid: 0, valid: 0 },
  submit: { invalid: 0, valid: 0 },
};

beforeAll(async () => {
  rig = await startFaultRig({ timeoutMs: TIMEOUT_MS });
});
afterAll(async () => {
  await rig.close();
});

/** The read properties: "cannot show this now" (unless no answer came), polite, no sentinel fact, no csps write, one fault line for `operation` more than `faultsBefore`. */
function checkInvalidRead(
  text: string,
  writesBefore: number,
  faultsBefore: number,
  answer: Answer,
  operation: string,
): void {
  checkToldCannotShow(text, answer);
  const shown = sentinelsIn(text);
  expectThat(shown.length === 0, `showed ${shown.join(', ')} from an invalid answer: ${text}`);
  expectThat(text.includes(NOTHING_CHANGED), `no "nothing has been changed": ${text}`);
  expectThat(rig.faults.matching(CSPS_WRITES).length === writesBefore, 'sent a csps write');
  checkOneFaultLine(rig, faultsBefore, operation);
}

/** こんにちは → cancel a portal contract → e-mail: the bot now waits for the one-time code. */
async function toCode(key: string) {
  const user = rig.user(key);
  await user.say('こんにちは');
  await user.click('csps-cancel');
  await user.say(PORTAL_CUSTOMER);
  return user;
}

describe('generated csps backend answers', () => {
  it('the contract list: no fact and no write from an invalid answer; one log line', async () => {
    await runProperty(
      'csps answers: contract list',
      fc.asyncProperty(listAnswers, async (answer) => {
        const user = await toCode(`fuzz:csps-list-${++users}`);
        const faultsBefore = faultLines(rig.log).length;
        const writesBefore = rig.faults.matching(CSPS_WRITES).length;
        rig.faults.clear();
        rig.faults.inject(CONTRACT_LIST, faultOf(answer, true, TIMEOUT_MS), 'slow' in answer ? 3 : 1);
        const replies = await user.say(rig.codeFor(PORTAL_CUSTOMER));
        rig.faults.clear();
        const text = replies.map((r) => r.text).join('\n');
        expectThat(politeProblems(replies).length === 0, `not a polite answer: ${politeProblems(replies)}`);
        if (isValid('listCspsContracts', 200, answer)) {
          counters.list.valid += 1;
          return;
        }
        counters.list.invalid += 1;
        expectThat(
          !replies.some((r) => (r.choices ?? []).some((c) => c.id === SENTINEL.contractNumber)),
          'offered a contract from an invalid answer',
        );
        checkInvalidRead(text, writesBefore, faultsBefore, answer, 'listCspsContracts');
      }),
      scaled({ numRuns: 10, timeLimitMs: 15_000 }),
      () => counters.list,
    );
  }, 60_000);

  it('the cancellation quote: no fact and no draft from an invalid answer; one log line', async () => {
    await runProperty(
      'csps answers: cancellation quote',
      fc.asyncProperty(quoteAnswers, async (answer) => {
        const user = await toCode(`fuzz:csps-quote-${++users}`);
        await user.say(rig.codeFor(PORTAL_CUSTOMER));
        const faultsBefore = faultLines(rig.log).length;
        const writesBefore = rig.faults.matching(CSPS_WRITES).length;
        rig.faults.clear();
        rig.faults.inject(QUOTE, faultOf(answer, true, TIMEOUT_MS), 'slow' in answer ? 3 : 1);
        const replies = await user.click('HMMH061530');
        rig.faults.clear();
        const text = replies.map((r) => r.text).join('\n');
        expectThat(politeProblems(replies).length === 0, `not a polite answer: ${politeProblems(replies)}`);
        if (isValid('getCancellationQuote', 200, answer)) {
          counters.quote.valid += 1;
          return;
        }
        counters.quote.invalid += 1;
        checkInvalidRead(text, writesBefore, faultsBefore, answer, 'getCancellationQuote');
      }),
      scaled({ numRuns: 10, timeLimitMs: 15_000 }),
      () => counters.quote,
    );
  }, 60_000);

  it('creating the cancellation draft: an invalid answer is never told as "created", nothing submitted', async () => {
    await runProperty(
      'csps answers: cancellation draft',
      fc.asyncProperty(draftAnswers, async (answer) => {
        const user = await toCode(`fuzz:csps-draft-${++users}`);
        await user.say(rig.codeFor(PORTAL_CUSTOMER));
        await user.click('HMMH061530');
        await user.click('cost');
        await user.click('transfer');
        // The terms are shown before the draft (invariant 10); going on creates it.
        const faultsBefore = faultLines(rig.log).length;
        const writesBefore = rig.faults.matching(CSPS_WRITES).length;
        rig.faults.clear();
        // Not forwarded (every attempt): the backend never sees the request, so any "created" would be a lie.
        rig.faults.inject(CREATE_DRAFT, faultOf(answer, false, TIMEOUT_MS, 201), 3);
        const replies = await user.click('proceed');
        rig.faults.clear();
        const text = replies.map((r) => r.text).join('\n');
        expectThat(politeProblems(replies).length === 0, `not a polite answer: ${politeProblems(replies)}`);
        if (isValid('createCancellationApplication', 201, answer)) {
          counters.draft.valid += 1;
          return;
        }
        counters.draft.invalid += 1;
        expectThat(!text.includes(DRAFT_CREATED), `told an invalid answer as "created": ${text}`);
        const shown = sentinelsIn(text);
        expectThat(shown.length === 0, `showed ${shown.join(', ')} from an invalid answer: ${text}`);
        const writes = rig.faults.matching(CSPS_WRITES).slice(writesBefore);
        expectThat(
          writes.every((w) => CREATE_DRAFT.path.test(w.path) && !w.forwarded),
          `another write, or a draft reached the backend: ${writes.map((w) => w.path).join(', ')}`,
        );
        checkOneFaultLine(rig, faultsBefore, 'createCancellationApplication');
      }),
      scaled({ numRuns: 10, timeLimitMs: 15_000 }),
      () => counters.draft,
    );
  }, 60_000);

  // The submission changes the sandbox (a draft is left, and a later turn may re-check it), so each run has a
  // rig of its own.
  it('submitting the cancellation: an invalid answer is never told as accepted; one log line', async () => {
    await runProperty(
      'csps answers: submission',
      fc.asyncProperty(draftAnswers, async (answer) => {
        const own = await startFaultRig({ timeoutMs: TIMEOUT_MS });
        try {
          const user = own.user(`fuzz:csps-submit-${++users}`);
          await user.say('こんにちは');
          await user.click('csps-cancel');
          await user.say(PORTAL_CUSTOMER);
          await user.say(own.codeFor(PORTAL_CUSTOMER));
          await user.click('HMMH061530');
          await user.click('cost');
          await user.click('transfer');
          await user.click('proceed'); // the draft is created once the terms were shown
          await user.tick(['service-termination', 'minimum-term-charge']);
          expectThat(user.lastText().includes('よろしいですか'), `no final confirmation: ${user.lastText()}`);
          const faultsBefore = faultLines(own.log).length;
          // Not forwarded (every attempt): the backend never sees it, so "accepted" would be a lie.
          own.faults.inject(SUBMIT, faultOf(answer, false, TIMEOUT_MS), 3);
          const replies = await user.click('confirm');
          own.faults.clear();
          const text = replies.map((r) => r.text).join('\n');
          expectThat(politeProblems(replies).length === 0, `not a polite answer: ${politeProblems(replies)}`);
          if (isValid('submitCancellationApplication', 200, answer)) {
            counters.submit.valid += 1;
            return;
          }
          counters.submit.invalid += 1;
          expectThat(!text.includes(ACCEPTED), `told an invalid answer as accepted: ${text}`);
          const shown = sentinelsIn(text);
          expectThat(shown.length === 0, `showed ${shown.join(', ')} from an invalid answer: ${text}`);
          expectThat(
            own.faults.matching(SUBMIT).every((w) => !w.forwarded),
            'a submission reached the backend',
          );
          checkOneFaultLine(own, faultsBefore, 'submitCancellationApplication');
        } finally {
          await own.close();
        }
      }),
      scaled({ numRuns: 8, timeLimitMs: 20_000 }),
      () => counters.submit,
    );
  }, 60_000);
});
