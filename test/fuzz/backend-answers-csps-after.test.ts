/**
 * Fuzzing the backend side for the csps cancellation, invariant 8, the operations the other csps fuzz file leaves
 * out: the application list (`listCspsApplications`, read when a contract is held), the check after submitting
 * (`getCspsApplication` after `submitCancellationApplication`) and the withdrawal of a blocking draft
 * (`withdrawApplication`, then the contract re-read `getCspsContract`). Each is answered with generated
 * wrong-shape, truncated, hostile and slow answers carrying sentinel facts. Properties, per invalid answer:
 * - a polite answer without raw error text, and none of the sentinel facts in it (never shown as a fact);
 * - no write based on it (no csps POST after an invalid read);
 * - a write whose answer is invalid is "not confirmed; we will re-check" (the engine's outcome-unknown text),
 *   never "withdrawn", and never reached the backend;
 * - a read's invalid answer is told as "cannot show this now" (the engine's text), never "cannot connect";
 * - exactly one fault line, naming the operation, with a correlation id.
 * The dialog is driven by what is on screen (support/csps-screen.ts). Runs that change the sandbox (submit,
 * withdraw) have a rig of their own. Bounded in count and time; CI replays a fixed seed (run-property.ts).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Driver } from '../engine/harness.js';
import { ENGINE, type FaultRig, faultLines, politeProblems, startFaultRig } from '../faults/support.js';
import {
  type Answer,
  answersLike,
  application,
  checkOneFaultLine,
  checkToldCannotShow,
  contract,
  expectThat,
  faultOf,
  isValid,
  NOTHING_CHANGED,
  SENTINEL,
  sentinelsIn,
  withdrawal,
} from './support/csps-answers.js';
import { answerUntilFinal } from './support/csps-screen.js';
import { runProperty, scaled } from './support/run-property.js';

const PORTAL_CUSTOMER = 'portal@example.com';
/** The portal customer's type-O contract held by their own 変更お申込作成中 draft (demo data). */
const HELD_CONTRACT = 'HMAO021976';
const APPLICATION_LIST = { method: 'GET', path: /^\/csps\/applications$/ };
const APPLICATION = { method: 'GET', path: /^\/csps\/applications\/[^/]+$/ };
const HELD_CONTRACT_READ = { method: 'GET', path: new RegExp(`^/csps/contracts/${HELD_CONTRACT}$`) };
const WITHDRAW = { method: 'POST', path: /^\/csps\/applications\/[^/]+\/withdraw$/ };
/** Every csps write: a draft, a submission, a withdrawal. */
const CSPS_WRITES = { method: 'POST', path: /^\/csps\// };
const TIMEOUT_MS = 300;
/** csps.done: the check confirmed the cancellation was accepted. */
const ACCEPTANCE_CONFIRMED = 'になったことを確認しました';
/** csps.withdrawn: "withdrew it, and confirmed the contract is back to サービス開始". */
const WITHDRAWN = 'を取り消しました';
/** csps.down.after-withdrawal: the withdrawal is done, the cancellation not yet applied for. */
const WITHDRAWAL_DONE_NOTHING_ELSE = '取り消しは完了していますが';
/** A cancellation's preferences on screen: the type-M contract, a reason, keep the domain. */
const CANCEL_TYPE_M = ['HMMH061530', 'cost', 'transfer', 'proceed'];

/** A draft of the held contract that the contract allows on its own: believed, it would be offered for withdrawal. */
const SENTINEL_DRAFT = {
  applicationNumber: SENTINEL.applicationNumber,
  contractNumber: HELD_CONTRACT,
  kind: 'home',
  serviceName: 'HOME',
  status: 'change-draft',
  statusLabel: '変更お申込作成中',
  appliedOn: null,
  createdBy: 'customer',
  cancellation: null,
};
const listAnswers = answersLike(
  fc.oneof(
    fc.record(
      {
        applications: fc.oneof(
          fc.array(application(HELD_CONTRACT), { minLength: 1, maxLength: 3 }),
          fc.constant(null),
        ),
      },
      { requiredKeys: [] },
    ),
    // Nearly right: the sentinel draft beside a broken sibling, or with one field of the wrong type.
    fc.tuple(application(HELD_CONTRACT), fc.boolean()).map(([sibling, first]) => ({
      applications: first ? [SENTINEL_DRAFT, sibling] : [sibling, SENTINEL_DRAFT],
    })),
    fc
      .constantFrom<Record<string, unknown>>(
        { statusLabel: 42 },
        { kind: 'bogus' },
        { appliedOn: '2031-13-45' },
      )
      .map((broken) => ({ applications: [{ ...SENTINEL_DRAFT, ...broken }] })),
  ),
  `{"applications":[{"applicationNumber":"${SENTINEL.applicationNumber}","contractNumber":"${HELD_CONTRACT}"}]}`,
);
const applicationAnswers = answersLike(
  application(),
  `{"applicationNumber":"${SENTINEL.applicationNumber}","status":"cancellation-accepted","cancellation":{"effectiveDate":"${SENTINEL.date}"}}`,
);
const withdrawalAnswers = answersLike(
  withdrawal,
  `{"applicationNumber":"${SENTINEL.applicationNumber}","contractStatus":"service-started"}`,
);
const contractAnswers = answersLike(
  contract,
  `{"contractNumber":"${SENTINEL.contractNumber}","status":"service-started","monthlyFee":{"amount":${SENTINEL.amount}}}`,
);

const counters = {
  list: { invalid: 0, valid: 0 },
  check: { invalid: 0, valid: 0 },
  withdraw: { invalid: 0, valid: 0 },
  reread: { invalid: 0, valid: 0 },
};
let shared: FaultRig;
let users = 0;

beforeAll(async () => {
  shared = await startFaultRig({ timeoutMs: TIMEOUT_MS });
});
afterAll(async () => {
  await shared.close();
});

/** こんにちは → cancel a portal contract → e-mail → code: the contract list is on screen. */
async function signedIn(rig: FaultRig, key: string): Promise<Driver> {
  const user = rig.user(key);
  await user.say('こんにちは');
  await user.click('csps-cancel');
  await user.say(PORTAL_CUSTOMER);
  await user.say(rig.codeFor(PORTAL_CUSTOMER));
  return user;
}

/** Runs `check` on a rig of its own (the run changes the sandbox), closing it after. */
async function onOwnRig(check: (rig: FaultRig) => Promise<void>): Promise<void> {
  const rig = await startFaultRig({ timeoutMs: TIMEOUT_MS });
  try {
    await check(rig);
  } finally {
    await rig.close();
  }
}

/** The replies' text (facts, buttons, acknowledgements too): polite, no raw error text, no sentinel fact. */
function checkedText(replies: Parameters<typeof politeProblems>[0]): string {
  expectThat(politeProblems(replies).length === 0, `not a polite answer: ${politeProblems(replies)}`);
  const text = replies
    .map((r) =>
      [
        r.text,
        ...(r.facts ?? []).map((f) => f.value),
        ...(r.choices ?? []).map((c) => c.label),
        ...(r.acknowledgements ?? []).map((a) => a.label),
      ].join('\n'),
    )
    .join('\n');
  const shown = sentinelsIn(text);
  expectThat(shown.length === 0, `showed ${shown.join(', ')} from an invalid answer: ${text}`);
  return text;
}

/** The csps writes the backend received from index `from` of the exchanges on. */
const writesSince = (rig: FaultRig, from: number) =>
  rig.faults.exchanges
    .slice(from)
    .filter((e) => e.method === CSPS_WRITES.method && CSPS_WRITES.path.test(e.path));

describe('generated csps backend answers, after the quote', () => {
  it('the application list: no fact and no withdrawal from an invalid answer; one log line', async () => {
    await runProperty(
      'csps answers: application list',
      fc.asyncProperty(listAnswers, async (answer: Answer) => {
        const rig = shared;
        const user = await signedIn(rig, `fuzz:csps-apps-${++users}`);
        const faultsBefore = faultLines(rig.log).length;
        const from = rig.faults.exchanges.length;
        rig.faults.inject(APPLICATION_LIST, faultOf(answer, true, TIMEOUT_MS), 'slow' in answer ? 3 : 1);
        const replies = await user.click(HELD_CONTRACT);
        rig.faults.clear();
        if (isValid('listCspsApplications', 200, answer)) {
          counters.list.valid += 1;
          return;
        }
        counters.list.invalid += 1;
        const text = checkedText(replies);
        expectThat(
          !replies.some((r) => (r.choices ?? []).some((c) => c.style === 'danger')),
          'offered a withdrawal from an invalid answer',
        );
        expectThat(text.includes(NOTHING_CHANGED), `no "nothing has been changed": ${text}`);
        expectThat(writesSince(rig, from).length === 0, 'sent a csps write');
        checkToldCannotShow(text, answer);
        checkOneFaultLine(rig, faultsBefore, 'listCspsApplications');
      }),
      scaled({ numRuns: 12, timeLimitMs: 15_000 }),
      () => counters.list,
    );
  }, 60_000);

  it('the check after submitting: an invalid answer never confirms the acceptance; no write; one log line', async () => {
    await runProperty(
      'csps answers: check after submitting',
      fc.asyncProperty(applicationAnswers, (answer: Answer) =>
        onOwnRig(async (rig) => {
          const user = await signedIn(rig, `fuzz:csps-check-${++users}`);
          await answerUntilFinal(user, CANCEL_TYPE_M);
          const faultsBefore = faultLines(rig.log).length;
          rig.faults.inject(APPLICATION, faultOf(answer, true, TIMEOUT_MS), 'slow' in answer ? 3 : 1);
          const from = rig.faults.exchanges.length;
          const replies = await user.click('confirm');
          rig.faults.clear();
          if (isValid('getCspsApplication', 200, answer)) {
            counters.check.valid += 1;
            return;
          }
          counters.check.invalid += 1;
          const text = checkedText(replies);
          expectThat(!text.includes(ACCEPTANCE_CONFIRMED), `confirmed from an invalid answer: ${text}`);
          const writes = writesSince(rig, from);
          expectThat(
            writes.length === 1 && /\/submit$/.test(writes[0]?.path ?? ''),
            `writes besides the one submission: ${writes.map((w) => w.path).join(', ')}`,
          );
          checkToldCannotShow(text, answer);
          checkOneFaultLine(rig, faultsBefore, 'getCspsApplication');
        }),
      ),
      scaled({ numRuns: 8, timeLimitMs: 20_000 }),
      () => counters.check,
    );
  }, 60_000);

  it('withdrawing the blocking draft: an invalid answer is "not confirmed", never "withdrawn"; one log line', async () => {
    await runProperty(
      'csps answers: draft withdrawal',
      fc.asyncProperty(withdrawalAnswers, (answer: Answer) =>
        onOwnRig(async (rig) => {
          const user = await signedIn(rig, `fuzz:csps-withdraw-${++users}`);
          await user.click(HELD_CONTRACT);
          await answerUntilFinal(user, ['withdraw']);
          const faultsBefore = faultLines(rig.log).length;
          const from = rig.faults.exchanges.length;
          // Not forwarded (every attempt): the backend never sees it, so "withdrawn" would be a lie.
          rig.faults.inject(WITHDRAW, faultOf(answer, false, TIMEOUT_MS), 3);
          const replies = await user.click('confirm');
          rig.faults.clear();
          if (isValid('withdrawApplication', 200, answer)) {
            counters.withdraw.valid += 1;
            return;
          }
          counters.withdraw.invalid += 1;
          const text = checkedText(replies);
          expectThat(!text.includes(WITHDRAWN), `told an invalid answer as withdrawn: ${text}`);
          expectThat(text.includes(ENGINE.unknown), `not "not confirmed; we will re-check": ${text}`);
          const since = rig.faults.exchanges.slice(from);
          expectThat(
            since.every((e) => WITHDRAW.path.test(e.path) && !e.forwarded),
            `another call, or a withdrawal reached the backend: ${since.map((e) => e.path).join(', ')}`,
          );
          checkOneFaultLine(rig, faultsBefore, 'withdrawApplication');
        }),
      ),
      scaled({ numRuns: 8, timeLimitMs: 20_000 }),
      () => counters.withdraw,
    );
  }, 60_000);

  it('the contract re-read after the withdrawal: no fact and no write from an invalid answer; one log line', async () => {
    await runProperty(
      'csps answers: contract re-read after withdrawal',
      fc.asyncProperty(contractAnswers, (answer: Answer) =>
        onOwnRig(async (rig) => {
          const user = await signedIn(rig, `fuzz:csps-reread-${++users}`);
          await user.click(HELD_CONTRACT);
          await answerUntilFinal(user, ['withdraw']);
          const faultsBefore = faultLines(rig.log).length;
          rig.faults.inject(HELD_CONTRACT_READ, faultOf(answer, true, TIMEOUT_MS), 'slow' in answer ? 3 : 1);
          const from = rig.faults.exchanges.length;
          const replies = await user.click('confirm');
          rig.faults.clear();
          if (isValid('getCspsContract', 200, answer)) {
            counters.reread.valid += 1;
            return;
          }
          counters.reread.invalid += 1;
          const text = checkedText(replies);
          expectThat(
            !text.includes(WITHDRAWN),
            `confirmed the contract's status from an invalid answer: ${text}`,
          );
          expectThat(text.includes(WITHDRAWAL_DONE_NOTHING_ELSE), `not told what changed: ${text}`);
          const writes = writesSince(rig, from);
          expectThat(
            writes.length === 1 && WITHDRAW.path.test(writes[0]?.path ?? ''),
            `writes besides the one withdrawal: ${writes.map((w) => w.path).join(', ')}`,
          );
          checkToldCannotShow(text, answer);
          checkOneFaultLine(rig, faultsBefore, 'getCspsContract');
        }),
      ),
      scaled({ numRuns: 8, timeLimitMs: 20_000 }),
      () => counters.reread,
    );
  }, 60_000);
});
