import { SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/clock.js';
import { signSiteAssertion } from '../../src/identity/site-assertion.js';
import { createSandbox, type Sandbox } from '../../src/sandbox/server.js';

const NOW = '2026-11-23T10:00:00+09:00';
const SECRET = 'test-site-secret-0123456789-abcdefghijklmnop';
const AUDIENCE = 'helpdesk-bot';
const open: Sandbox[] = [];

afterEach(async () => {
  for (const sandbox of open.splice(0)) await sandbox.close();
});

async function start(
  options: { secret?: string; audience?: string } = { secret: SECRET, audience: AUDIENCE },
) {
  const clock = manualClock(NOW);
  const sandbox = await createSandbox({
    store: 'memory',
    clock,
    siteTokenSecret: options.secret,
    siteTokenAudience: options.audience,
  });
  open.push(sandbox);
  const { url } = await sandbox.listen(0, '127.0.0.1');
  const exchange = async (assertion: unknown, key = `k-${Math.random().toString(36).slice(2)}`) => {
    const response = await fetch(`${url}/identity/site-sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({ assertion }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return { sandbox, url, clock, exchange };
}

const sign = (
  claims: Partial<{ customerId: string; ttlSeconds: number; now: Date; audience: string }> = {},
) =>
  signSiteAssertion(SECRET, {
    customerId: 'CUS-1001',
    audience: AUDIENCE,
    now: new Date(NOW),
    ...claims,
  });

describe('exchangeSiteAssertion', () => {
  it('exchanges a valid assertion for a customer token that reads that customer only', async () => {
    const { url, exchange, sandbox } = await start();
    const assertion = await sign();
    const exchanged = await exchange(assertion);
    expect(exchanged.status).toBe(200);
    expect(exchanged.body.customerId).toBe('CUS-1001');
    expect(Date.parse(String(exchanged.body.expiresAt))).toBe(Date.parse(NOW) + 30 * 60_000);
    const devices = await fetch(`${url}/miemasu/devices`, {
      headers: { authorization: `Bearer ${String(exchanged.body.token)}` },
    });
    expect(((await devices.json()) as { devices: unknown[] }).devices).toHaveLength(2);
    // The assertion itself is never stored.
    expect(JSON.stringify(sandbox.snapshot())).not.toContain(assertion);
  });

  it('refuses expired, forged, wrong-audience, unknown-customer and unsigned assertions alike (401)', async () => {
    const { exchange } = await start();
    const forged = await signSiteAssertion('another-secret-0123456789-abcdefghijklmnop', {
      customerId: 'CUS-1001',
      audience: AUDIENCE,
      now: new Date(NOW),
    });
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(
      JSON.stringify({ sub: 'CUS-1001', exp: Date.parse(NOW) / 1000 + 600 }),
    ).toString('base64url')}.`;
    const noExpiry = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('CUS-1001')
      .setAudience(AUDIENCE)
      .sign(new TextEncoder().encode(SECRET));
    const cases = {
      expired: await sign({ now: new Date(Date.parse(NOW) - 3600_000), ttlSeconds: 600 }),
      forged,
      wrongAudience: await sign({ audience: 'someone-else' }),
      unknownCustomer: await sign({ customerId: 'CUS-9999' }),
      unsigned,
      noExpiry,
      garbage: 'not-a-jwt',
    };
    const bodies: string[] = [];
    for (const [name, assertion] of Object.entries(cases)) {
      const refused = await exchange(assertion);
      expect(refused.status, name).toBe(401);
      expect(refused.body.code, name).toBe('unauthenticated');
      bodies.push(JSON.stringify(refused.body));
    }
    // One answer for every failure: nothing tells which customers exist.
    expect(new Set(bodies).size).toBe(1);
  });

  it('refuses every assertion when the sandbox has no site secret', async () => {
    const { exchange } = await start({});
    const refused = await exchange(await sign());
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('unauthenticated');
  });

  it('refuses a malformed body as validation-failed', async () => {
    const { exchange } = await start();
    const refused = await exchange(42);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('validation-failed');
  });
});
