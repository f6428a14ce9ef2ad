import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/clock.js';
import { maskEmail } from '../../src/sandbox/api/customers.js';
import { createSandbox, type Sandbox } from '../../src/sandbox/server.js';

const NOW = '2026-11-23T10:00:00+09:00';
const AGENT = 'sandbox-agent-key-sato';
const open: Sandbox[] = [];

afterEach(async () => {
  for (const sandbox of open.splice(0)) await sandbox.close();
});

async function start() {
  const sandbox = await createSandbox({ store: 'memory', clock: manualClock(NOW) });
  open.push(sandbox);
  const { url } = await sandbox.listen(0, '127.0.0.1');
  const find = async (
    query: string,
    headers: Record<string, string> = { authorization: `Bearer ${AGENT}` },
  ) => {
    const response = await fetch(`${url}/customers?${query}`, { headers });
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      body: (await response.json()) as Record<string, unknown>,
    };
  };
  return { sandbox, url, find };
}

/** A customer token through the one-time-code flow. */
async function customerToken(url: string, sandbox: Sandbox, email: string): Promise<string> {
  const post = async (path: string, body: unknown) =>
    (await (
      await fetch(`${url}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': `k-${Math.random().toString(36).slice(2)}`,
        },
        body: JSON.stringify(body),
      })
    ).json()) as Record<string, string>;
  const started = await post('/identity/verifications', { email });
  const code = sandbox.outbox.at(-1)?.code;
  const confirmed = await post(`/identity/verifications/${started.verificationId}/confirm`, { code });
  return String(confirmed.token);
}

describe('findCustomer (agents only)', () => {
  it('finds a customer by e-mail (any case) with an agent key and no On-Behalf-Of', async () => {
    const { find } = await start();
    const found = await find('email=Portal%40Example.com');
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({
      customerId: 'CUS-2001',
      displayName: 'ポータル 太郎',
      maskedEmail: 'po****@example.com',
      miemasu: null,
      contractCount: 9,
    });
    const contracts = found.body.contracts as {
      contractNumber: string;
      status: string;
      statusLabel: string;
    }[];
    expect(contracts.map((c) => c.contractNumber)).toContain('HMMH061530');
    expect(contracts.find((c) => c.contractNumber === 'HMSL030455')).toMatchObject({
      status: 'cancellation-accepted',
      statusLabel: '解約お申込受付中',
    });
    // Never the full address.
    expect(JSON.stringify(found.body)).not.toContain('portal@example.com');
  });

  it('finds the owner of a contract number, and shows the camera plan with its device count', async () => {
    const { find } = await start();
    const owner = await find('contractNumber=hmcx040001');
    expect(owner.status).toBe(200);
    expect(owner.body.customerId).toBe('CUS-2002');
    const camera = await find('email=camera-two%40example.com');
    expect(camera.body).toMatchObject({
      customerId: 'CUS-1001',
      miemasu: { plan: 'annual-pack', deviceCount: 2 },
      contracts: [],
      contractCount: 0,
    });
  });

  it('ignores On-Behalf-Of (an agent already acting for someone may look up another customer)', async () => {
    const { find } = await start();
    const found = await find('email=portal%40example.com', {
      authorization: `Bearer ${AGENT}`,
      'on-behalf-of': 'CUS-1001',
    });
    expect(found.body.customerId).toBe('CUS-2001');
  });

  it('answers 404 customer-not-found when nothing matches', async () => {
    const { find } = await start();
    for (const query of ['email=nobody%40example.com', 'contractNumber=XXXX000000']) {
      const missing = await find(query);
      expect(missing.status).toBe(404);
      expect(missing.type).toMatch(/^application\/problem\+json/);
      expect(missing.body.code).toBe('customer-not-found');
    }
  });

  it('needs exactly one of email or contractNumber', async () => {
    const { find } = await start();
    for (const query of [
      '',
      'email=portal%40example.com&contractNumber=HMMH061530',
      'email=not-an-email',
      'name=x',
    ]) {
      const refused = await find(query);
      expect(refused.status, query).toBe(400);
      expect(refused.body.code, query).toBe('validation-failed');
    }
  });

  it('refuses a customer token (forbidden), no credential and an unknown key (unauthenticated)', async () => {
    const { sandbox, url, find } = await start();
    const token = await customerToken(url, sandbox, 'camera-two@example.com');
    const asCustomer = await find('email=portal%40example.com', { authorization: `Bearer ${token}` });
    expect(asCustomer.status).toBe(403);
    expect(asCustomer.body.code).toBe('forbidden');
    expect(JSON.stringify(asCustomer.body)).not.toContain('CUS-2001');
    expect((await find('email=portal%40example.com', {})).body.code).toBe('unauthenticated');
    const unknown = await find('email=portal%40example.com', { authorization: 'Bearer not-a-key' });
    expect(unknown.status).toBe(401);
  });

  it('masks e-mail addresses, keeping at most two characters of the local part', () => {
    expect(maskEmail('portal@example.com')).toBe('po****@example.com');
    expect(maskEmail('ab@example.com')).toBe('a****@example.com');
    expect(maskEmail('a@example.com')).toBe('a****@example.com');
  });
});
