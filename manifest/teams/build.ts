/**
 * Builds the Teams app package (`teams-app.zip`: manifest.json, icons, localization files) from the committed
 * template in this folder.
 *
 * The committed manifest holds obvious placeholders instead of `${{…}}` variables, so it stays a valid manifest:
 * - `00000000-0000-0000-0000-000000000001` → `TEAMS_APP_ID` (default: the bot's `MicrosoftAppId`)
 * - `00000000-0000-0000-0000-000000000002` → `MicrosoftAppId` (the Azure Bot's app id)
 * - `YOUR-HOST` → `BOT_HOST` (the bot's public host name, e.g. `helpdesk-bot.example.com`)
 *
 * Contract: `buildTeamsPackage` fills every placeholder from the environment, validates the result
 * (`validateTeamsApp`) and writes the zip; it throws a {@link TeamsPackageError} naming every missing or bad
 * variable or validation problem, and writes nothing then. With `demo`, missing variables keep their placeholders
 * (a package to look at, not to upload).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { type JsonObject, validateTeamsApp } from './validate.js';

export const TEAMS_DIR = fileURLToPath(new URL('.', import.meta.url));

export const PLACEHOLDERS = {
  appId: '00000000-0000-0000-0000-000000000001',
  botId: '00000000-0000-0000-0000-000000000002',
  host: 'YOUR-HOST',
} as const;

export type PackageValues = { [K in keyof typeof PLACEHOLDERS]: string };

export class TeamsPackageError extends Error {
  override name = 'TeamsPackageError';
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;
/** Zip entries carry this time, so the same input gives the same bytes. */
const ZIP_TIME = new Date('2020-01-01T00:00:00Z');

type Env = Readonly<Record<string, string | undefined>>;

/** The placeholder values from the environment; throws naming every missing or malformed variable. */
export function packageValues(env: Env, demo = false): PackageValues {
  const problems: string[] = [];
  const read = (name: string) => (env[name] ?? '').trim() || undefined;

  const botId = read('MicrosoftAppId');
  if (botId === undefined && !demo)
    problems.push(
      "MicrosoftAppId is not set: the Azure Bot's Microsoft App ID (a GUID). Or run with --demo.",
    );
  else if (botId !== undefined && !GUID.test(botId)) problems.push('MicrosoftAppId must be a GUID.');

  const appId = read('TEAMS_APP_ID') ?? botId;
  if (read('TEAMS_APP_ID') !== undefined && !GUID.test(appId ?? ''))
    problems.push('TEAMS_APP_ID must be a GUID.');

  let host = read('BOT_HOST');
  if (host !== undefined) host = host.replace(/^https?:\/\//i, '').replace(/[/:].*$/, '');
  if (host === undefined && !demo)
    problems.push('BOT_HOST is not set: the public host name of the bot, e.g. helpdesk-bot.example.com.');
  else if (host !== undefined && !HOST.test(host)) problems.push(`BOT_HOST "${host}" is not a host name.`);

  if (problems.length > 0)
    throw new TeamsPackageError(`Cannot build the Teams package:\n  ${problems.join('\n  ')}`);
  return {
    appId: appId ?? PLACEHOLDERS.appId,
    botId: botId ?? PLACEHOLDERS.botId,
    host: host ?? PLACEHOLDERS.host,
  };
}

/** `text` with every placeholder replaced by its value. */
export function fillPlaceholders(text: string, values: PackageValues): string {
  let filled = text;
  for (const key of Object.keys(PLACEHOLDERS) as (keyof typeof PLACEHOLDERS)[])
    filled = filled.replaceAll(PLACEHOLDERS[key], values[key]);
  return filled;
}

export interface TeamsPackage {
  outFile: string;
  /** Zip entry names, in zip order. */
  entries: string[];
  manifest: JsonObject;
  /** Placeholders still in the manifest (only in demo mode). */
  placeholdersLeft: string[];
}

/** The files the manifest names (icons, localization files), by name. */
function referencedFiles(manifest: JsonObject): string[] {
  const icons = Object.values((manifest.icons ?? {}) as Record<string, unknown>);
  const info = (manifest.localizationInfo ?? {}) as { additionalLanguages?: { file?: unknown }[] };
  const languages = (info.additionalLanguages ?? []).map((language) => language.file);
  return [...new Set([...icons, ...languages])].filter((name): name is string => typeof name === 'string');
}

export interface BuildOptions {
  env: Env;
  demo?: boolean;
  /** Default: `dist/teams-app.zip` under the current directory. */
  outFile?: string;
  /** The template folder; default: this folder. */
  sourceDir?: string;
}

export async function buildTeamsPackage(options: BuildOptions): Promise<TeamsPackage> {
  const { env, demo = false, sourceDir = TEAMS_DIR } = options;
  const outFile = options.outFile ?? join(process.cwd(), 'dist', 'teams-app.zip');
  const values = packageValues(env, demo);
  const manifestText = fillPlaceholders(readFileSync(join(sourceDir, 'manifest.json'), 'utf8'), values);
  const manifest = JSON.parse(manifestText) as JsonObject;

  const files = new Map<string, Uint8Array>();
  for (const name of referencedFiles(manifest)) {
    if (name.includes('/') || name.includes('\\') || name.startsWith('.'))
      throw new TeamsPackageError(
        `manifest.json names "${name}": package files must sit next to the manifest.`,
      );
    const bytes = readFileSync(join(sourceDir, name));
    files.set(
      name,
      name.endsWith('.json') ? Buffer.from(fillPlaceholders(bytes.toString('utf8'), values)) : bytes,
    );
  }

  const problems = await validateTeamsApp(manifest, files);
  if (problems.length > 0)
    throw new TeamsPackageError(`The Teams manifest is not valid:\n  ${problems.join('\n  ')}`);

  const placeholdersLeft = Object.values(PLACEHOLDERS).filter((token) => manifestText.includes(token));
  const entries = ['manifest.json', ...files.keys()];
  const zip = zipSync(
    Object.fromEntries([
      ['manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)],
      ...files.entries(),
    ]),
    { level: 9, mtime: ZIP_TIME },
  );
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, zip);
  return { outFile, entries, manifest, placeholdersLeft };
}
