/**
 * botbuilder (archived upstream) and its botframework-* packages are imported only inside adapters/teams/, so the
 * Teams SDK can be swapped in one place. Scans every source file of the repository for imports of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SCANNED = ['src', 'adapters', 'dialogs', 'test', 'bench', 'manifest', 'scripts'];
const ALLOWED = `adapters${sep}teams${sep}`;
/** The benchmark that compares our engine with botbuilder-dialogs (installed apart, never a dependency). */
const BENCH_COMPARISON = `bench${sep}botbuilder${sep}`;
/** This file quotes such imports as examples for the scanner's own check. */
const SELF = relative(ROOT, import.meta.filename);
const SOURCE = /\.(?:[cm]?[jt]s|tsx?)$/;
/** `from 'x'`, `import 'x'`, `import('x')`, `require('x')`, `export … from 'x'` of a Bot Framework package. */
const SDK_IMPORT =
  /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["'](?:botbuilder|botframework-)[^"']*["']/;

function sourceFiles(dir: string): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

function importers(files: string[]): string[] {
  return files
    .filter((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .some((line) => SDK_IMPORT.test(line)),
    )
    .map((file) => relative(ROOT, file));
}

describe('Teams SDK boundary', () => {
  it('only adapters/teams/ imports botbuilder or botframework packages', () => {
    const files = SCANNED.flatMap((dir) => sourceFiles(join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(100);
    const outside = importers(files).filter(
      (file) => !file.startsWith(ALLOWED) && !file.startsWith(BENCH_COMPARISON) && file !== SELF,
    );
    expect(outside).toEqual([]);
  });

  it('the scan finds such imports where they are (so it would see a stray one)', () => {
    const inside = importers(sourceFiles(join(ROOT, 'adapters', 'teams')));
    expect(inside).toContain(join('adapters', 'teams', 'channel.ts'));
    expect(SDK_IMPORT.test("import { TurnContext } from 'botbuilder-core';")).toBe(true);
    expect(SDK_IMPORT.test('const c = require("botframework-connector");')).toBe(true);
    expect(SDK_IMPORT.test("const m = await import('botbuilder');")).toBe(true);
    expect(SDK_IMPORT.test("import 'botbuilder';")).toBe(true);
    expect(SDK_IMPORT.test('// talks to the botbuilder CloudAdapter')).toBe(false);
  });
});
