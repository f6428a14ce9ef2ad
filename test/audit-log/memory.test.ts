import { describe, expect, it } from 'vitest';
import { createMemoryAuditLog } from '../../src/audit-log/memory.js';
import { runAuditLogConformance } from './conformance.js';
import { sampleEntry } from './support.js';

runAuditLogConformance('memory', { fresh: async () => createMemoryAuditLog() });

describe('memory audit log', () => {
  it('keeps copies: changing an appended or returned object changes nothing stored', async () => {
    const log = createMemoryAuditLog();
    const entry = sampleEntry();
    await log.append([entry]);
    entry.what.operation = 'changed';
    const [read] = await log.query({ limit: 1 });
    if (read) read.customerId = 'CUS-6666';
    expect(await log.query({ limit: 1 })).toEqual([sampleEntry()]);
  });
});
