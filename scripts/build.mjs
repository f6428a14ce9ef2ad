/**
 * `npm run build`: compiles the bot (src/, adapters/, dialogs/) to JavaScript under dist/ with
 * tsconfig.build.json, and copies the files the running bot reads beside its code: the web chat's static
 * files and the backend contract (the operation metadata is read from openapi.yaml at start).
 * Only the folders it writes are replaced; other files in dist/ (e.g. dist/teams-app.zip) are left alone.
 * Run it with devDependencies installed (TypeScript); the result needs only the production dependencies.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (path) => `${root}${path}`;

/** Copied as is: source path → path under dist/. */
const ASSETS = ['adapters/web/public', 'src/admin/public', 'src/backend/openapi.yaml'];

for (const folder of ['src', 'adapters', 'dialogs'])
  rmSync(at(`dist/${folder}`), { recursive: true, force: true });

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', at('tsconfig.build.json')], { stdio: 'inherit' });
if (compiled.status !== 0) {
  process.stderr.write('build: TypeScript reported errors; nothing more was done.\n');
  process.exit(compiled.status ?? 1);
}
for (const asset of ASSETS) cpSync(at(asset), at(`dist/${asset}`), { recursive: true });
process.stdout.write('build: dist/ is ready; run it with `npm run start:prod` (node dist/src/server.js).\n');
