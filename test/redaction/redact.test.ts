import { describe, expect, it } from 'vitest';
import { createLogger, isSecretField, REDACTED, redact, redactText } from '../../src/redaction/redact.js';

const EMAIL = 'taro.yamada@example.co.jp';
const TOKEN = 'tok_9f8e7d6c5b4a3210';

describe('redactText', () => {
  it('keeps the first character and the domain of an e-mail address', () => {
    expect(redactText(`from ${EMAIL}.`)).toBe('from t***@example.co.jp.');
  });

  it('masks Japanese and international phone numbers', () => {
    expect(redactText('TEL 03-6631-2540')).toBe('TEL [phone]');
    expect(redactText('携帯 090 1234 5678 / 0366312540')).toBe('携帯 [phone] / [phone]');
    expect(redactText('call +81-3-6631-2540')).toBe('call [phone]');
  });

  it('leaves contract numbers, application numbers, dates and short numbers alone', () => {
    const text = 'HMAO061322 R-20191015-238079 2026-11-23T10:00:00+09:00 order 0123 x 12345678';
    expect(redactText(text)).toBe(text);
  });

  it('masks bearer credentials, JWTs and Slack tokens in free text', () => {
    expect(redactText('Authorization: Bearer abc.def-ghi')).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(redactText('jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig')).toBe(`jwt ${REDACTED}`);
    expect(redactText('xoxb-1234-5678-abcdef')).toBe(REDACTED);
    expect(redactText('token xapp-1-A0123-4567-abcdef end')).toBe(`token ${REDACTED} end`);
  });

  it('masks the value of token=, password: and code= pairs but not an error code after a colon', () => {
    expect(redactText('GET /oauth?code=abc123&state=s1')).toBe(`GET /oauth?code=${REDACTED}&state=s1`);
    expect(redactText('access_token=tok_1, password: hunter2')).toBe(
      `access_token=${REDACTED}, password: ${REDACTED}`,
    );
    expect(redactText('status code: 503')).toBe('status code: 503');
  });

  it('masks the value of any name ending in key, token, secret, password or assertion, quoted or not', () => {
    const cases: [string, string][] = [
      ['agentKey=abc123', `agentKey=${REDACTED}`],
      ['AGENT_KEY: abc123', `AGENT_KEY: ${REDACTED}`],
      ['{"agentKey":"abc 123","n":1}', `{"agentKey":"${REDACTED}","n":1}`],
      [`{'customerToken': 'tok_1'}`, `{'customerToken': '${REDACTED}'}`],
      ['{\\"siteAssertion\\":\\"as-1\\"}', `{\\"siteAssertion\\":\\"${REDACTED}\\"}`],
      ['clientSecret="s e c"', `clientSecret="${REDACTED}"`],
      ['x-api-key: k1, next', `x-api-key: ${REDACTED}, next`],
    ];
    for (const [text, expected] of cases) expect(redactText(text), text).toBe(expected);
    // Names that merely contain a suffix, and pairs with nothing to mask, are left alone.
    for (const text of ['keyboard=qwerty', 'monkeys: 3', '"password": ""', 'key id 5'])
      expect(redactText(text), text).toBe(text);
  });

  it('stays linear on long runs of name and address characters (once over 40 s for this text)', () => {
    const text = 'a-'.repeat(100_000);
    const started = performance.now();
    expect(redactText(text)).toBe(text);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('masks configured secret values anywhere, the longest first, and ignores too-short ones', () => {
    const options = { secrets: ['s3cr3t-value', 's3cr3t-value-long', 'abc', undefined] };
    expect(redactText('x-s3cr3t-value-long-y and s3cr3t-value.', options)).toBe(
      `x-${REDACTED}-y and ${REDACTED}.`,
    );
    expect(redactText('abc stays', options)).toBe('abc stays');
    expect(redact({ note: ['in s3cr3t-value list'] }, options)).toEqual({ note: [`in ${REDACTED} list`] });
    expect(redactText('s3cr3t-value')).toBe('s3cr3t-value');
  });
});

describe('redact', () => {
  it('replaces secret fields at any depth and masks personal data in the rest', () => {
    const input = {
      token: TOKEN,
      nested: {
        apiKey: 'k',
        client_secret: 's',
        password: 'p',
        Authorization: 'Basic x',
        code: 'oauth-code',
      },
      list: [{ accessToken: 't' }, `mail ${EMAIL}`],
      contractNo: 'HMAO061322',
      count: 3,
    };
    expect(redact(input)).toEqual({
      token: REDACTED,
      nested: {
        apiKey: REDACTED,
        client_secret: REDACTED,
        password: REDACTED,
        Authorization: REDACTED,
        code: REDACTED,
      },
      list: [{ accessToken: REDACTED }, 'mail t***@example.co.jp'],
      contractNo: 'HMAO061322',
      count: 3,
    });
    expect(input.token).toBe(TOKEN);
  });

  it('copes with cycles and keeps errors readable without their secrets', () => {
    const cyclic: Record<string, unknown> = { name: 'a' };
    cyclic.self = cyclic;
    expect(redact(cyclic)).toEqual({ name: 'a', self: '[circular]' });

    const error = Object.assign(new Error(`no user ${EMAIL}`), { code: 'ECONNRESET', token: TOKEN });
    const copy = redact(error) as Error & { code: string; token: string };
    expect(copy).toBeInstanceOf(Error);
    expect(copy.message).toBe('no user t***@example.co.jp');
    expect(copy.code).toBe('ECONNRESET');
    expect(copy.token).toBe(REDACTED);
    expect(copy.stack).not.toContain(EMAIL);
  });

  it('names secret fields regardless of case and separators, but not look-alikes', () => {
    for (const name of [
      'token',
      'KEY',
      'refresh_token',
      'x-api-key',
      'clientSecret',
      'authorization',
      'code',
      'agentKey',
      'siteAssertion',
      'assertion',
      'credentials',
      'customerToken',
    ]) {
      expect(isSecretField(name), name).toBe(true);
    }
    for (const name of ['customerId', 'keyboard', 'status', 'email', 'conversationKey', 'idempotencyKey'])
      expect(isSecretField(name), name).toBe(false);
  });
});

describe('createLogger', () => {
  function capture(): { lines: string[]; destination: { write(line: string): void } } {
    const lines: string[] = [];
    return { lines, destination: { write: (line: string) => lines.push(line) } };
  }

  it('never writes an e-mail address, phone number or token, however they are passed', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ destination, level: 'debug' });
    logger.info({ token: TOKEN, customer: { email: EMAIL, password: 'pw' } }, `login by ${EMAIL}`);
    logger.warn('lookup %s with %s', EMAIL, TOKEN);
    logger.error(new Error(`failed for ${EMAIL} token=${TOKEN}`));
    logger
      .child({ user: EMAIL, authorization: `Bearer ${TOKEN}` })
      .debug({ phone: '090-1234-5678' }, 'child');
    logger.info({ req: { headers: { authorization: `Bearer ${TOKEN}`, cookie: 'sid=1' } } }, 'request');

    const output = lines.join('');
    expect(lines).toHaveLength(5);
    expect(output).not.toContain(EMAIL);
    expect(output).not.toContain('taro.yamada');
    expect(output).not.toContain('090-1234-5678');
    expect(output).not.toContain('sid=1');
    expect(output).toContain('t***@example.co.jp');
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      token: REDACTED,
      msg: 'login by t***@example.co.jp',
    });
  });

  it('still leaks nothing when the token sits in free text under a harmless field name', () => {
    const { lines, destination } = capture();
    createLogger({ destination }).info({ note: `Authorization: Bearer ${TOKEN}` }, 'x');
    expect(lines.join('')).not.toContain(TOKEN);
  });
});

describe('one-time codes echoed in bodies (outside probe, item 4)', () => {
  it.each([
    '{"code":"123456"}',
    '{"code": 123456}',
    "code: '123456'",
    '{\\"code\\":\\"123456\\"}',
    'HTTP 400 validation-failed: {"oneTimeCode":"123456"}',
  ])('masks the code in %s', (text) => {
    expect(redactText(text)).not.toContain('123456');
  });

  it('keeps problem codes, which are not secret', () => {
    expect(redactText('{"code":"devices-remain"}')).toBe('{"code":"devices-remain"}');
  });
});
