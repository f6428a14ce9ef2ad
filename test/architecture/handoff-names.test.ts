/**
 * "Handoff" has one meaning: the act of passing a customer to a person, by any route (docs/architecture.md,
 * Glossary). Its neighbours have their own names: desk contacts, contacts shown, live desk, callback request.
 *
 * What is scanned: every `.ts` / `.js` / `.mjs` file under `src/`, `adapters/` and `dialogs/`.
 * What fails:
 * - a file or folder under `src/` or `adapters/` whose name contains "handoff" (any case), unless listed in
 *   {@link HANDOFF_FILES} (meaning 1 has no file of its own today);
 * - an identifier containing "handoff" (any case) that is not in {@link HANDOFF_IDENTIFIERS} (meaning 1, or a
 *   deployed spelling), e.g. `HandoffRecord`, `HandoffRegistry`, `createHandoffProvider` coming back;
 * - a member named like "handoff" on the types that used it for another meaning: `Reply` (now `contactsShown`),
 *   `ChannelContext` / `Bot` (now `liveDesk`), `DialogBundle` / `DefinitionInput` / `EngineDefinition` (now
 *   `deskContacts`). A bare `handoff` is allowed elsewhere (`what.handoff`, the node kind, the closure).
 * Strings and comments are not scanned: stored values (`__handoff-*`, namespace `handoff`) keep their spelling.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const HANDOFF = /handoff/i;

/** Files or folders (paths from the repository root) whose name may say handoff: meaning 1 only. */
const HANDOFF_FILES: readonly RegExp[] = [];

/** Identifiers that may contain "handoff": meaning 1, or a spelling operators already deploy. */
const HANDOFF_IDENTIFIERS: ReadonlySet<string> = new Set([
  'handoff', // the node kind, `what.handoff`, the closure, the metrics' `handoff(event)`, the web history field
  'handoffs', // the metric counter of handoffs
  'handoffNode', // the schema of the `handoff` node kind
  'HandoffEvent', // a handoff (live / request / claimed) as the audit log and metrics see it
  'onHandoff', // told of each HandoffEvent
  'reportHandoff', // tells onHandoff
  'handoffEntry', // the audit entry of a HandoffEvent
  'afterHandoff', // stored: a satisfaction entry that followed a handoff (live / request)
  'handoffRate', // analytics: handoffs per started conversation
  'handoffLive', // analytics: live handoffs
  'handoffRequest', // analytics: handoffs by callback request (audit value `request`)
  'endedHandoff', // analytics: dialogs that ended with the closure `handoff`
  'SLACK_HANDOFF_CHANNEL', // deployed environment variables of the live desk, kept
  'TEAMS_HANDOFF_CONVERSATION',
  'TEAMS_HANDOFF_SERVICE_URL',
]);

/** Types whose members once said handoff for another meaning: file → interface names. */
const RENAMED_MEMBERS: Record<string, readonly string[]> = {
  'src/engine/turn.ts': ['Reply'],
  'src/channels/channel.ts': ['ChannelContext'],
  'src/bot.ts': ['Bot', 'DialogBundle'],
  'src/engine/core/definition.ts': ['DefinitionInput', 'EngineDefinition'],
};

function walk(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules') return [];
    const path = `${dir}/${entry.name}`;
    return entry.isDirectory() ? [path, ...walk(path)] : [path];
  });
}

/** Paths whose own name (last segment) says handoff and are not allowed. */
function misnamedPaths(paths: readonly string[]): string[] {
  return paths.filter(
    (path) => HANDOFF.test(path.split('/').at(-1) ?? '') && !HANDOFF_FILES.some((re) => re.test(path)),
  );
}

/** Identifiers of one source text that say handoff and are not allowed. */
function misnamedIdentifiers(fileName: string, text: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && HANDOFF.test(node.text) && !HANDOFF_IDENTIFIERS.has(node.text))
      found.push(node.text);
    node.forEachChild(visit);
  };
  visit(ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false));
  return found;
}

/** Members named like handoff of the given interfaces in one source text (`Interface.member`). */
function handoffMembers(fileName: string, text: string, interfaces: readonly string[]): string[] {
  const found: string[] = [];
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  for (const statement of source.statements) {
    if (!ts.isInterfaceDeclaration(statement) || !interfaces.includes(statement.name.text)) continue;
    for (const member of statement.members) {
      const name = member.name && ts.isIdentifier(member.name) ? member.name.text : undefined;
      if (name && HANDOFF.test(name)) found.push(`${statement.name.text}.${name}`);
    }
  }
  return found;
}

const sourceFiles = ['src', 'adapters', 'dialogs']
  .flatMap(walk)
  .filter((path) => /\.(ts|js|mjs)$/.test(path) && !path.endsWith('.d.ts'));

describe('"handoff" names one thing', () => {
  it('no file or folder under src/ or adapters/ is named handoff other than for meaning 1', () => {
    expect(misnamedPaths([...walk('src'), ...walk('adapters')])).toEqual([]);
  });

  it('no identifier says handoff other than meaning 1 or a deployed spelling', () => {
    const offenders = sourceFiles.flatMap((path) =>
      misnamedIdentifiers(path, readFileSync(join(ROOT, path), 'utf8')).map((id) => `${path}: ${id}`),
    );
    expect([...new Set(offenders)]).toEqual([]);
  });

  it('Reply, ChannelContext, Bot and the engine definition have no member named handoff', () => {
    const offenders = Object.entries(RENAMED_MEMBERS).flatMap(([path, interfaces]) => {
      const text = readFileSync(join(ROOT, path), 'utf8');
      // A renamed interface that disappeared would make this pass vacuously: each must still be declared.
      for (const name of interfaces) expect(text, `${path} declares ${name}`).toMatch(`interface ${name} `);
      return handoffMembers(path, text, interfaces).map((member) => `${path}: ${member}`);
    });
    expect(offenders).toEqual([]);
  });

  it('catches planted examples (the checks can fail)', () => {
    expect(misnamedPaths(['src/handoff', 'adapters/slack/handoff-room.ts', 'src/live-desk/desk.ts'])).toEqual(
      ['src/handoff', 'adapters/slack/handoff-room.ts'],
    );
    expect(
      misnamedIdentifiers(
        'x.ts',
        'type A = HandoffRecord; const r = new HandoffRegistry(); f(what.handoff);',
      ),
    ).toEqual(['HandoffRecord', 'HandoffRegistry']);
    expect(
      handoffMembers('turn.ts', 'export interface Reply { text: string; handoff?: { dialogId?: string } }', [
        'Reply',
      ]),
    ).toEqual(['Reply.handoff']);
  });
});
