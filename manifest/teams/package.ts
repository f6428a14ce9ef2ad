/**
 * `npm run teams:package [-- --demo] [-- --out <file>]`: builds the Teams app package for upload in the Teams
 * admin center. Reads MicrosoftAppId, TEAMS_APP_ID (optional) and BOT_HOST from the environment (see
 * docs/install-slack-teams.md); `--demo` keeps the placeholders of missing values (not for upload).
 * Prints the path of the zip; exits 1 with the reasons when it cannot build one.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildTeamsPackage, TeamsPackageError } from './build.js';

export interface CliResult {
  code: 0 | 1;
  /** What the command prints (stdout when code 0, stderr otherwise). */
  output: string;
}

const USAGE = 'Usage: tsx manifest/teams/package.ts [--demo] [--out <file.zip>]';

/** The command without process side effects, for tests. */
export async function runPackageCli(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Promise<CliResult> {
  let demo = false;
  let outFile: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--demo') demo = true;
    else if (arg === '--out' && args[i + 1] !== undefined) outFile = resolve(args[++i] ?? '');
    else return { code: 1, output: `Unknown argument "${arg}".\n${USAGE}` };
  }
  try {
    const built = await buildTeamsPackage({ env, demo, ...(outFile ? { outFile } : {}) });
    const lines = [built.outFile];
    if (built.placeholdersLeft.length > 0)
      lines.push(`(demo package: placeholders ${built.placeholdersLeft.join(', ')} kept — not for upload)`);
    return { code: 0, output: lines.join('\n') };
  } catch (error) {
    if (error instanceof TeamsPackageError) return { code: 1, output: error.message };
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runPackageCli(process.argv.slice(2), process.env);
  (result.code === 0 ? console.log : console.error)(result.output);
  process.exitCode = result.code;
}
