/**
 * The engine's sample as a bundle (`npm run chat -- --sample`): its operations are a fake in-process backend,
 * overriding the real backend's names, so it runs without any account.
 */
import type { DialogBundle } from '../../src/bot.js';
import {
  createFakeBackend,
  deleteDialog,
  menuDialog,
  sampleBehaviour,
  sampleCatalogs,
} from './sample-dialog.js';

export function sampleBundle(): DialogBundle {
  return {
    dialogs: [menuDialog, deleteDialog],
    rootDialog: 'menu',
    behaviour: sampleBehaviour,
    catalogs: sampleCatalogs,
    extraOperations: createFakeBackend().operations,
  };
}
