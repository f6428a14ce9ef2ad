import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/clock.js';
import { createSandbox } from '../../src/sandbox/server.js';

const dir = mkdtempSync(join(tmpdir(), 'sandbox-shared-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('two sandbox processes on one SQLite file (npm start and npm run chat side by side)', () => {
  it('each sees the changes the other made', async () => {
    const clock = manualClock('2026-11-23T10:00:00+09:00');
    const sqlitePath = join(dir, 'sandbox.sqlite');
    const a = await createSandbox({ store: { sqlitePath }, clock });
    const b = await createSandbox({ store: { sqlitePath }, clock });
    const [urlA, urlB] = [(await a.listen(0, '127.0.0.1')).url, (await b.listen(0, '127.0.0.1')).url];
    const headers = { authorization: 'Bearer sandbox-agent-key-sato', 'on-behalf-of': 'CUS-1001' };
    try {
      const deleted = await fetch(`${urlA}/miemasu/devices/DEV-0001`, {
        method: 'DELETE',
        headers: { ...headers, 'idempotency-key': 'shared-file-test-key-1' },
      });
      expect(deleted.status).toBe(200);
      const listed = (await (await fetch(`${urlB}/miemasu/devices`, { headers })).json()) as {
        devices: { deviceId: string }[];
      };
      expect(listed.devices.map((d) => d.deviceId)).toEqual(['DEV-0002']);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
