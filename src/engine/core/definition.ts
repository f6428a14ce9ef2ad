/**
 * Everything the engine core needs besides the conversation: the checked dialogs, their content hashes, the
 * named behaviour, operation metadata, message catalogs and optional hooks. Built once at start.
 */
import { createHash } from 'node:crypto';
import { type DialogBehaviour, mergeBehaviour } from '../behaviour.js';
import { loadDialogs } from '../checker/index.js';
import type { DeskContactsProvider, QuestionAnswerer, Router } from '../hooks.js';
import type { OperationCatalog } from '../operations.js';
import { builtinMessages } from '../text/builtin.js';
import { type Catalogs, mergeCatalogs } from '../text/catalog.js';
import type { Dialog, DialogNode } from '../tree/schema.js';

export interface DefinitionInput {
  dialogs: readonly unknown[];
  rootDialog: string;
  /** Dialogs a `start` input may open (home-tab buttons, slash commands); the root dialog always may. */
  entryPoints?: readonly string[] | undefined;
  /**
   * How long a call being sent may still be in flight (no second send meanwhile): at least the operations'
   * worst case, every attempt and wait included. Default {@link DEFAULT_IN_FLIGHT_LEASE_MS}.
   */
  inFlightLeaseMs?: number | undefined;
  catalogs: Catalogs;
  operations: OperationCatalog;
  behaviour?: DialogBehaviour;
  faq?: QuestionAnswerer | undefined;
  router?: Router | undefined;
  /** The desk contacts shown for a handoff node or a "person" request (engine.desk-contacts when absent). */
  deskContacts?: DeskContactsProvider | undefined;
  /** Observability only (transcript coverage, debugging): told of every node entered. Must not throw. */
  trace?: ((dialogId: string, nodeId: string) => void) | undefined;
  /**
   * Ask the one optional satisfaction question (1–5, skippable) after a procedure that changed something
   * completed — at most once per conversation (`core/satisfaction.ts`). Default off.
   */
  satisfaction?: boolean | undefined;
}

export interface EngineDefinition {
  dialogs: ReadonlyMap<string, Dialog>;
  rootDialog: string;
  entryPoints: ReadonlySet<string>;
  inFlightLeaseMs: number;
  catalogs: Catalogs;
  operations: OperationCatalog;
  behaviour: Required<DialogBehaviour>;
  faq?: QuestionAnswerer | undefined;
  router?: Router | undefined;
  deskContacts?: DeskContactsProvider | undefined;
  trace?: ((dialogId: string, nodeId: string) => void) | undefined;
  dialogHash(dialogId: string): string | undefined;
  nodeHash(dialogId: string, nodeId: string): string | undefined;
  satisfaction: boolean;
}

export const DEFAULT_IN_FLIGHT_LEASE_MS = 60_000;

export function contentHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 16);
}

/** Checks the dialogs (throws `DialogLoadError` when any rule fails) and indexes them. */
export function defineEngine(input: DefinitionInput): EngineDefinition {
  const behaviour = mergeBehaviour(input.behaviour ?? {});
  const catalogs = mergeCatalogs(builtinMessages, input.catalogs);
  const dialogs = new Map(
    loadDialogs({ dialogs: input.dialogs, catalogs, operations: input.operations, behaviour }).map((d) => [
      d.id,
      d,
    ]),
  );
  if (!dialogs.has(input.rootDialog))
    throw new Error(`Root dialog "${input.rootDialog}" is not among the dialogs.`);
  for (const id of input.entryPoints ?? [])
    if (!dialogs.has(id)) throw new Error(`Entry point "${id}" is not among the dialogs.`);
  const dialogHashes = new Map([...dialogs].map(([id, d]) => [id, contentHash(d)]));
  const nodeHashes = new Map<string, string>();
  for (const [id, dialog] of dialogs) {
    for (const [nodeId, node] of Object.entries(dialog.nodes))
      nodeHashes.set(`${id}#${nodeId}`, contentHash(node));
  }
  return {
    dialogs,
    rootDialog: input.rootDialog,
    entryPoints: new Set([input.rootDialog, ...(input.entryPoints ?? [])]),
    inFlightLeaseMs: input.inFlightLeaseMs ?? DEFAULT_IN_FLIGHT_LEASE_MS,
    catalogs,
    operations: input.operations,
    behaviour,
    faq: input.faq,
    router: input.router,
    deskContacts: input.deskContacts,
    trace: input.trace,
    satisfaction: input.satisfaction === true,
    dialogHash: (id) => dialogHashes.get(id),
    nodeHash: (id, nodeId) => nodeHashes.get(`${id}#${nodeId}`),
  };
}

export function nodeOf(def: EngineDefinition, dialogId: string, nodeId: string): DialogNode | undefined {
  return def.dialogs.get(dialogId)?.nodes[nodeId];
}
