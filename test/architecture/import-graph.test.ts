/**
 * The import graph points one way: adapters → pipeline → engine. Nothing under src/engine or src/pipeline imports
 * from adapters/ or dialogs/ (the engine knows no platform and no procedure), and the engine core has no import
 * cycle (core/pending.ts ↔ core/step.ts was one).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Command-line tools kept beside the engine part they run (`npm run lint:dialogs`, `npm run dialogs:graph`): they
 * are composition roots that load the procedure dialogs, and nothing imports them (checked below).
 */
const TOOL_ROOTS = ['src/engine/checker/cli.ts', 'src/engine/graph/cli.ts'];

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Relative imports of a file, as repository paths (`.js` specifiers mapped to `.ts`). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+'(\.{1,2}\/[^']+)'/g)].map((m) =>
    relative(ROOT, resolve(ROOT, dirname(file), (m[1] ?? '').replace(/\.js$/, '.ts'))),
  );
}

describe('import graph', () => {
  it('has no arrow from src/engine or src/pipeline back up to adapters/ or dialogs/', () => {
    const layered = [...sources('src/engine'), ...sources('src/pipeline')];
    const arrows = layered
      .filter((file) => !TOOL_ROOTS.includes(file))
      .flatMap((file) =>
        importsOf(file)
          .filter((target) => target.startsWith('adapters/') || target.startsWith('dialogs/'))
          .map((target) => `${file} → ${target}`),
      );
    expect(arrows).toEqual([]);
    const intoTools = [...layered, ...sources('adapters'), ...sources('dialogs')].filter((file) =>
      importsOf(file).some((target) => TOOL_ROOTS.includes(target)),
    );
    expect(intoTools).toEqual([]);
  });

  it('has no import from the engine into the pipeline (the pipeline wraps the engine, not the reverse)', () => {
    const arrows = sources('src/engine').flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith('src/pipeline/'))
        .map((target) => `${file} → ${target}`),
    );
    expect(arrows).toEqual([]);
  });

  it('has no import cycle inside src/engine/core', () => {
    const files = sources('src/engine/core');
    const graph = new Map(files.map((file) => [file, importsOf(file).filter((t) => files.includes(t))]));
    const cycles: string[] = [];
    const visit = (file: string, path: string[]) => {
      if (path.includes(file)) {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
