/**
 * The engine's sample dialogs on a fresh harness with a fresh fake backend, and the walk to the final
 * confirmation of deleting an item: shared by the engine tests.
 */
import {
  createFakeBackend,
  deleteDialog,
  menuDialog,
  sampleBehaviour,
  sampleCatalogs,
} from '../../dialogs/sample/sample-dialog.js';
import { createHarness, type Harness } from './harness.js';

export function setup(extra: Partial<Parameters<typeof createHarness>[0]> = {}) {
  const backend = createFakeBackend();
  const h = createHarness({
    dialogs: [menuDialog, deleteDialog],
    rootDialog: 'menu',
    catalogs: sampleCatalogs,
    behaviour: sampleBehaviour,
    operations: backend.operations,
    ...extra,
  });
  return { h, backend };
}

/** Walks to the final confirmation of deleting `item` (default CameraOA). */
export async function toFinal(h: Harness, item = 'CameraOA'): Promise<void> {
  await h.say('こんにちは');
  await h.click('delete');
  await h.say(item);
  await h.tick(['no-refund', 'data-loss']);
}
