/**
 * Cloud-service portal, applications: eligibility refusals, the draft → submit lifecycle with exactly-once
 * submission, and draft withdrawal (own drafts only).
 */
import assert from 'node:assert/strict';
import { lastDayOf } from '../../../src/sandbox/rules/calendar.js';
import { assertOk, assertProblem, type ConformanceCase } from '../case.js';
import { at, listAt, newKey, stringAt } from '../target.js';
import { contract, portal, quote } from './csps-helpers.js';

export const cspsApplicationCases: ConformanceCase[] = [
  {
    name: 'NVS, already-cancelling and blocked contracts are refused with their own codes',
    async run(context) {
      const { nvs, accepted, changeDraft, partnerDraft } = context.fixtures.contracts;
      const as = portal(context);
      const refusals: [string, string][] = [
        [nvs, 'nvs-not-covered'],
        [accepted, 'already-cancelling'],
        [changeDraft, 'change-draft-exists'],
        [partnerDraft, 'partner-draft-exists'],
      ];
      for (const [number, code] of refusals) {
        assertProblem(
          await context.call('GET', `/csps/contracts/${number}/cancellation-quote`, { as }),
          409,
          code,
        );
        const created = await context.call('POST', `/csps/contracts/${number}/cancellation-applications`, {
          as,
          body: { reason: 'conformance' },
        });
        assertProblem(created, 409, code);
      }
      const blocked = await context.call('GET', `/csps/contracts/${changeDraft}/cancellation-quote`, { as });
      assert.match(String(at(blocked.body, 'applicationNumber')), /^R-\d{8}-\d{5,6}$/);
    },
  },
  {
    name: "a partner's draft cannot be withdrawn by the customer",
    async run(context) {
      const as = portal(context);
      const blocked = await context.call(
        'GET',
        `/csps/contracts/${context.fixtures.contracts.partnerDraft}/cancellation-quote`,
        { as },
      );
      const number = stringAt(blocked.body, 'applicationNumber');
      assert.equal(
        at(assertOk(await context.call('GET', `/csps/applications/${number}`, { as })), 'status'),
        'partner-draft',
      );
      assertProblem(
        await context.call('POST', `/csps/applications/${number}/withdraw`, { as }),
        409,
        'partner-draft-not-withdrawable',
      );
    },
  },
  {
    name: "withdrawing the customer's own change draft returns the contract to service-started",
    async run(context) {
      const as = portal(context);
      const contractNumber = context.fixtures.contracts.changeDraft;
      const blocked = await context.call('GET', `/csps/contracts/${contractNumber}/cancellation-quote`, {
        as,
      });
      const number = stringAt(blocked.body, 'applicationNumber');
      const withdrawn = assertOk(await context.call('POST', `/csps/applications/${number}/withdraw`, { as }));
      assert.equal(at(withdrawn, 'contractStatus'), 'service-started');
      assert.equal(at(await contract(context, contractNumber), 'status'), 'service-started');
      assertProblem(await context.call('GET', `/csps/applications/${number}`, { as }), 404, 'not-found');
      await quote(context, contractNumber);
    },
  },
  {
    name: 'the domain disposition is required for type-M and refused for other types',
    async run(context) {
      const as = portal(context);
      const { typeM, typeO } = context.fixtures.contracts;
      assertProblem(
        await context.call('POST', `/csps/contracts/${typeM}/cancellation-applications`, {
          as,
          body: { reason: 'x' },
        }),
        422,
        'domain-disposition-required',
      );
      assertProblem(
        await context.call('POST', `/csps/contracts/${typeO}/cancellation-applications`, {
          as,
          body: { reason: 'x', domainDisposition: 'abolish' },
        }),
        422,
        'domain-disposition-not-applicable',
      );
      assert.equal(
        at(await contract(context, typeM), 'status'),
        'service-started',
        'refusals change nothing',
      );
    },
  },
  {
    name: 'draft → submit: statuses, application number, exactly-once submission, recorded actor',
    async run(context) {
      const as = portal(context);
      const contractNumber = context.fixtures.contracts.typeM;
      const quoted = await quote(context, contractNumber);
      const createKey = newKey();
      const body = { reason: 'ドメインは他社に移す予定です', domainDisposition: 'transfer' };
      const path = `/csps/contracts/${contractNumber}/cancellation-applications`;
      const draft = assertOk(await context.call('POST', path, { as, key: createKey, body }), 201);
      const number = stringAt(draft, 'applicationNumber');
      assert.match(number, /^R-\d{8}-\d{6}$/);
      assert.equal(at(draft, 'status'), 'cancellation-draft');
      assert.equal(at(draft, 'appliedOn'), null);
      assert.equal(at(draft, 'cancellation.domainDisposition'), 'transfer');
      assert.equal(at(draft, 'performedBy.kind'), 'agent');
      assert.equal(at(draft, 'performedBy.customerId'), context.fixtures.customers.portal.customerId);
      assert.equal(at(await contract(context, contractNumber), 'status'), 'cancellation-draft');
      const replayed = await context.call('POST', path, { as, key: createKey, body });
      assert.deepEqual(replayed.body, draft, 'replaying the creation creates nothing new');
      assertProblem(
        await context.call('POST', path, {
          as,
          key: createKey,
          body: { ...body, domainDisposition: 'abolish' },
        }),
        422,
        'idempotency-key-reuse',
      );
      assertProblem(await context.call('POST', path, { as, body }), 409, 'cancellation-draft-exists');

      const submitKey = newKey();
      const submitted = assertOk(
        await context.call('POST', `/csps/applications/${number}/submit`, { as, key: submitKey }),
      );
      assert.equal(at(submitted, 'status'), 'cancellation-accepted');
      assert.equal(at(submitted, 'appliedOn'), at(quoted, 'appliedOn'));
      assert.equal(at(submitted, 'cancellation.effectiveDate'), at(quoted, 'effectiveDate'));
      assert.deepEqual(at(submitted, 'cancellation.minimumTermCharge'), at(quoted, 'minimumTermCharge'));
      const replay = await context.call('POST', `/csps/applications/${number}/submit`, {
        as,
        key: submitKey,
      });
      assert.deepEqual(replay.body, submitted);
      assertProblem(
        await context.call('POST', `/csps/applications/${number}/submit`, { as }),
        409,
        'already-cancelling',
      );
      assert.equal(at(await contract(context, contractNumber), 'status'), 'cancellation-accepted');
      const listed = listAt(
        assertOk(await context.call('GET', '/csps/applications', { as })),
        'applications',
      );
      const matching = listed.filter((item) => at(item, 'applicationNumber') === number);
      assert.equal(matching.length, 1);
      assert.equal(at(matching[0], 'status'), 'cancellation-accepted');
    },
  },
  {
    name: 'Therefore Online keeps the desired month through submission',
    async run(context) {
      const as = portal(context);
      const number = context.fixtures.contracts.therefore;
      const desired = String(listAt(await quote(context, number), 'therefore.selectableMonths')[2]);
      const draft = assertOk(
        await context.call('POST', `/csps/contracts/${number}/cancellation-applications`, {
          as,
          body: { reason: 'conformance', desiredMonth: desired },
        }),
        201,
      );
      assert.equal(at(draft, 'cancellation.desiredMonth'), desired);
      const submitted = assertOk(
        await context.call('POST', `/csps/applications/${stringAt(draft, 'applicationNumber')}/submit`, {
          as,
        }),
      );
      assert.equal(at(submitted, 'cancellation.effectiveDate'), lastDayOf(desired));
    },
  },
  {
    name: 'a cancellation draft can be withdrawn and the contract is back to service-started; a submitted one cannot',
    async run(context) {
      const as = portal(context);
      const number = context.fixtures.contracts.uniflow;
      const draft = assertOk(
        await context.call('POST', `/csps/contracts/${number}/cancellation-applications`, {
          as,
          body: { reason: 'x' },
        }),
        201,
      );
      const applicationNumber = stringAt(draft, 'applicationNumber');
      assertOk(await context.call('POST', `/csps/applications/${applicationNumber}/withdraw`, { as }));
      assert.equal(at(await contract(context, number), 'status'), 'service-started');
      const accepted = listAt(
        assertOk(await context.call('GET', '/csps/applications', { as })),
        'applications',
      ).find((item) => at(item, 'contractNumber') === context.fixtures.contracts.accepted);
      assertProblem(
        await context.call('POST', `/csps/applications/${stringAt(accepted, 'applicationNumber')}/withdraw`, {
          as,
        }),
        409,
        'application-not-withdrawable',
      );
    },
  },
];
