/**
 * `npm run dialogs:graph`: writes one Mermaid document per dialog to docs/dialogs/ (and removes stale ones).
 * `--check` writes nothing and exits 1 when the committed documents are out of date.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { botOperationCatalog, procedureBundle } from '../../../dialogs/index.js';
import { dialogDocument } from './mermaid.js';

export const DIAGRAM_DIR = join(import.meta.dirname, '../../../docs/dialogs');

/** file name → expected content, for every registered dialog. */
export function expectedDiagrams(): Map<string, string> {
  const operations = botOperationCatalog();
  return new Map(procedureBundle().dialogs.map((d) => [`${d.id}.md`, dialogDocument(d, operations)]));
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const expected = expectedDiagrams();
  await mkdir(DIAGRAM_DIR, { recursive: true });
  const present = (await readdir(DIAGRAM_DIR)).filter((f) => f.endsWith('.md'));
  const stale: string[] = present.filter((f) => !expected.has(f));
  for (const [file, content] of expected) {
    const current = await readFile(join(DIAGRAM_DIR, file), 'utf8').catch(() => undefined);
    if (current !== content) stale.push(file);
  }
  if (check) {
    if (stale.length > 0) {
      process.stderr.write(`Out of date in docs/dialogs: ${stale.join(', ')}. Run npm run dialogs:graph.\n`);
      process.exitCode = 1;
    }
    return;
  }
  for (const file of present.filter((f) => !expected.has(f))) await rm(join(DIAGRAM_DIR, file));
  for (const [file, content] of expected) await writeFile(join(DIAGRAM_DIR, file), content);
  process.stdout.write(`Wrote ${expected.size} diagrams to docs/dialogs/.\n`);
}

if (process.argv[1]?.endsWith('cli.ts')) await main();
