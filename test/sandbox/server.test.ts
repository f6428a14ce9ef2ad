import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/clock.js';
import { createSandbox, type Sandbox } from '../../src/sandbox/server.js';

const NOW = '2026-11-23T10:00:00+09:00';
const AGENT = 'sandbox-agent-key-sato';
const open: Sandbox[] = [];
const directories: string[] = [];

afterEach(async () => {
  for (const sandbox of open.splice(0)) await sandbox.close();
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

async function start(options: Partial<Parameters<typeof createSandbox>[0]> = {}) {
  const clock = manualClock(NOW);
  const sandbox = await createSandbox({ store: 'memory', clock, ...options });
  open.push(sandbox);
  const { url } = await sandbox.listen(0, '127.0.0.1');
  const call = async (
    method: string,
    path: string,
    init: { customer?: string; key?: string; body?: unknown } = {},
  ) => {
    const headers: Record<string, string> = {};
    if (init.customer)
      Object.assign(headers, { authorization: `Bearer ${AGENT}`, 'on-behalf-of': init.customer });
    if (method !== 'GET') headers['idempotency-key'] = init.key ?? `k-${Math.random().toString(36).slice(2)}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${url}${path}`, {
      method,
      headers,
      body: init.body === undefined ? null : JSON.stringify(init.body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return { sandbox, clock, call, url };
}

describe('sandbox server', () => {
  it('keeps its state and idempotency records in SQLite across a restart', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'sandbox-'));
    directories.push(directory);
    const store = { sqlitePath: join(directory, 'state.sqlite') };
    const first = await start({ store });
    const deleted = await first.call('DELETE', '/miemasu/devices/DEV-0001', {
      customer: 'CUS-1001',
      key: 'restart-key-1',
    });
    expect(deleted.status).toBe(200);
    await first.sandbox.close();
    open.splice(open.indexOf(first.sandbox), 1);

    const second = await start({ store });
    const devices = await second.call('GET', '/miemasu/devices', { customer: 'CUS-1001' });
    expect((devices.body.devices as { deviceId: string }[]).map((device) => device.deviceId)).toEqual([
      'DEV-0002',
    ]);
    const replay = await second.call('DELETE', '/miemasu/devices/DEV-0001', {
      customer: 'CUS-1001',
      key: 'restart-key-1',
    });
    expect(replay).toEqual(deleted);
  });

  it('mails a code only to a registered address and never returns it', async () => {
    const { sandbox, call } = await start();
    const known = await call('POST', '/identity/verifications', { body: { email: 'Portal@Example.com' } });
    await call('POST', '/identity/verifications', { body: { email: 'stranger@example.com' } });
    expect(sandbox.outbox.map((mail) => mail.to)).toEqual(['portal@example.com']);
    expect(JSON.stringify(known.body)).not.toContain(sandbox.outbox[0]?.code);
    expect(JSON.stringify(sandbox.snapshot())).not.toContain(`"${sandbox.outbox[0]?.code}"`);
  });

  it('records the agent and the customer of every write', async () => {
    const { sandbox, call } = await start();
    await call('DELETE', '/miemasu/devices/DEV-0002', { customer: 'CUS-1001' });
    expect(sandbox.snapshot().audit).toEqual([
      {
        at: new Date(NOW).toISOString(),
        operationId: 'deleteMiemasuDevice',
        actor: { kind: 'agent', id: 'AG-001', customerId: 'CUS-1001' },
        target: 'DEV-0002',
      },
    ]);
  });

  it('recomputes dates at submission and refuses a Therefore month whose deadline passed meanwhile', async () => {
    const { clock, call } = await start();
    const draft = await call('POST', '/csps/contracts/TFOL040112/cancellation-applications', {
      customer: 'CUS-2001',
      body: { reason: 'test', desiredMonth: '2027-01' },
    });
    expect(draft.status).toBe(201);
    clock.set('2026-11-28T10:00:00+09:00'); // one day after January's deadline (2026-11-27)
    const late = await call('POST', `/csps/applications/${String(draft.body.applicationNumber)}/submit`, {
      customer: 'CUS-2001',
    });
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('desired-month-not-selectable');

    const home = await call('POST', '/csps/contracts/HMAO061322/cancellation-applications', {
      customer: 'CUS-2001',
      body: { reason: 'test' },
    });
    expect((home.body.cancellation as { effectiveDate: string }).effectiveDate).toBe('2026-12-31');
    clock.set('2026-12-01T09:00:00+09:00');
    const submitted = await call('POST', `/csps/applications/${String(home.body.applicationNumber)}/submit`, {
      customer: 'CUS-2001',
    });
    expect(submitted.body.appliedOn).toBe('2026-12-01');
    expect((submitted.body.cancellation as { effectiveDate: string }).effectiveDate).toBe('2027-01-31');
  });

  it('numbers applications R-YYYYMMDD-NNNNNN with the Japan date of creation', async () => {
    const { call } = await start();
    const draft = await call('POST', '/csps/contracts/HMUH022123/cancellation-applications', {
      customer: 'CUS-2001',
      body: { reason: 'test' },
    });
    expect(draft.body.applicationNumber).toMatch(/^R-20261123-\d{6}$/);
  });

  it('answers unknown paths and malformed JSON with problems', async () => {
    const { call, url } = await start();
    expect((await call('GET', '/nowhere')).body.code).toBe('not-found');
    const response = await fetch(`${url}/identity/verifications`, {
      method: 'POST',
      headers: { 'idempotency-key': 'malformed-json-1', 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
