/**
 * Reads what the sandbox has done from its SQLite file (the sandbox re-reads the file on every request, so a
 * second reader is safe): the devices it still has and the audit trail of its writes. This is the ground truth
 * the reliability tests count effects in, independent of what the bot said.
 */
import type { SandboxState } from '../../../src/sandbox/model.js';
import { openStore } from '../../../src/sandbox/store.js';

export async function readSandboxState(sqlitePath: string): Promise<SandboxState> {
  const store = await openStore({ sqlitePath });
  try {
    const state = await store.load();
    if (!state) throw new Error(`The sandbox has saved no state in ${sqlitePath}`);
    return state;
  } finally {
    await store.close();
  }
}

/** How many times the sandbox performed `operationId` on `target` (its audit trail has one entry per effect). */
export function effects(state: SandboxState, operationId: string, target: string): number {
  return state.audit.filter((entry) => entry.operationId === operationId && entry.target === target).length;
}

export function deviceIds(state: SandboxState, customerId: string): string[] {
  return state.devices.filter((d) => d.customerId === customerId).map((d) => d.deviceId);
}
