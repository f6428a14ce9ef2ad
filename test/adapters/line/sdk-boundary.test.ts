/**
 * `@line/bot-sdk` is imported only inside adapters/line/ (the Messaging API client in api.ts, signature
 * validation in http.ts, message types in render.ts), so the LINE SDK can be replaced in one place and nothing
 * outside the adapter depends on LINE.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SCANNED = ['src', 'adapters', 'dialogs', 'test', 'bench', 'manifest'];
const SOURCE = /\.(?:[cm]?[jt]s|tsx?)$/;
const SDK_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']@line\/bot-sdk[^"']*["']/;
const SELF = relative(ROOT, import.meta.filename);

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

describe('LINE SDK boundary', () => {
  it('only adapters/line/ imports @line/bot-sdk', () => {
    const files = SCANNED.flatMap((dir) => sourceFiles(join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(100);
    const importers = files
      .filter((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .some((line) => SDK_IMPORT.test(line)),
      )
      .map((file) => relative(ROOT, file))
      .filter((file) => file !== SELF);
    expect(importers.length).toBeGreaterThan(0);
    expect(importers.filter((file) => !file.startsWith(`adapters${sep}line${sep}`))).toEqual([]);
  });
});
