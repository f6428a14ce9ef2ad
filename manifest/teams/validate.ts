/**
 * Validation of a Teams app package before it is zipped: the manifest against Microsoft's JSON Schema for its
 * `manifestVersion` (through `@microsoft/app-manifest`, with the schema files the package ships — never fetched),
 * plus what the schema cannot see: the icons (PNG size; the outline only white and transparent) and the
 * localization files (schema, keys that name something in the manifest, every translatable string translated).
 *
 * Contract: `validateTeamsApp(manifest, files)` returns one sentence per problem, empty when the package is good.
 * `files` are the other files of the package by name, exactly as they will be zipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type AppManifest, AppManifestUtils } from '@microsoft/app-manifest';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { decodePng } from './png.js';

export type JsonObject = Record<string, unknown>;

/** Where `@microsoft/app-manifest` keeps the Teams schemas (`v1.22/MicrosoftTeams.schema.json`, …). */
const SCHEMA_ROOT = join(
  dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest')),
  'json-schemas',
  'teams',
);

const SCHEMA_URL = 'https://developer.microsoft.com/json-schemas/teams';

/** The icon sizes Teams requires. */
const ICON_SIZES = { color: 192, outline: 32 } as const;

function loadSchema(version: string, file: string): JsonObject | undefined {
  const path = join(SCHEMA_ROOT, `v${version}`, file);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as JsonObject) : undefined;
}

// ajv-formats is CommonJS; under NodeNext its default export arrives as the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/**
 * Problems of a localization file. Not through `AppManifestUtils`: its Ajv compiles patterns as Unicode regular
 * expressions, and one pattern of Microsoft's localization schema (`activities.activityTypes[…]`) is not a valid
 * Unicode regular expression. Plain Ajv without the `u` flag reads that schema (a draft-04 schema whose keywords
 * here mean the same in Ajv's default draft).
 */
function localizationSchemaProblems(document: JsonObject, version: string, label: string): string[] {
  const file = 'MicrosoftTeams.Localization.schema.json';
  const schema = loadSchema(version, file);
  if (!schema) return [`${label}: no schema ${file} for manifest version ${version}`];
  const { $schema: _draft04, ...rest } = schema;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateSchema: false });
  addFormats(ajv);
  const validate = ajv.compile(rest);
  if (validate(document)) return [];
  return (validate.errors ?? []).map(
    (e) => `${label}: ${e.instancePath || '/'} ${e.message ?? 'is invalid'}`,
  );
}

/** Schema problems of a manifest against the schema of its `manifestVersion`, by `@microsoft/app-manifest`. */
async function manifestSchemaProblems(document: JsonObject, version: string) {
  const label = 'manifest.json';
  const schema = loadSchema(version, 'MicrosoftTeams.schema.json');
  if (!schema) return [`${label}: no schema for manifest version ${version} in @microsoft/app-manifest`];
  // The library types its parameters as its manifest union; the schema check is what decides validity here.
  const problems = await AppManifestUtils.validateAgainstSchema(
    document as unknown as AppManifest,
    schema as unknown as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1],
  );
  return problems.map((problem) => `${label}: ${problem.trim()}`);
}

/** The value at a localization key such as `bots[0].commandLists[1].commands[0].description`. */
function valueAt(manifest: JsonObject, key: string): unknown {
  let value: unknown = manifest;
  for (const token of key.match(/[^.[\]]+/g) ?? []) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[token];
  }
  return value;
}

/** The manifest's strings a translation must cover (command titles are typed commands: never translated). */
export function translatableKeys(manifest: JsonObject): string[] {
  const keys = ['name.short', 'name.full', 'description.short', 'description.full'].filter(
    (key) => typeof valueAt(manifest, key) === 'string',
  );
  const lists = valueAt(manifest, 'bots[0].commandLists');
  if (Array.isArray(lists))
    lists.forEach((list: { commands?: unknown[] }, i) => {
      list.commands?.forEach((_, j) => {
        keys.push(`bots[0].commandLists[${i}].commands[${j}].description`);
      });
    });
  return keys;
}

async function localizationProblems(manifest: JsonObject, version: string, name: string, bytes?: Uint8Array) {
  if (!bytes) return [`${name}: named in localizationInfo but not in the package`];
  let strings: JsonObject;
  try {
    strings = JSON.parse(Buffer.from(bytes).toString('utf8')) as JsonObject;
  } catch (error) {
    return [`${name}: not JSON (${(error as Error).message})`];
  }
  const problems = localizationSchemaProblems(strings, version, name);
  for (const key of Object.keys(strings)) {
    if (key === '$schema' || key === 'localizationKeys') continue;
    if (typeof valueAt(manifest, key) !== 'string')
      problems.push(`${name}: "${key}" names nothing in the manifest`);
  }
  for (const key of translatableKeys(manifest))
    if (!(key in strings)) problems.push(`${name}: no translation for "${key}"`);
  return problems;
}

function iconProblems(kind: keyof typeof ICON_SIZES, name: unknown, bytes?: Uint8Array): string[] {
  if (typeof name !== 'string' || !bytes) return [`icons.${kind}: ${String(name)} is not in the package`];
  try {
    const { width, height, pixels } = decodePng(bytes);
    const size = ICON_SIZES[kind];
    if (width !== size || height !== size)
      return [`${name}: ${width}×${height}, Teams requires ${size}×${size}`];
    if (kind === 'outline')
      for (let i = 0; i < pixels.length; i += 4)
        if (pixels[i + 3] !== 0 && (pixels[i] !== 255 || pixels[i + 1] !== 255 || pixels[i + 2] !== 255))
          return [`${name}: the outline icon must be white on transparent (pixel ${i / 4} is not)`];
    return [];
  } catch (error) {
    return [`${name}: ${(error as Error).message}`];
  }
}

/** Every problem of the manifest and the files it names; empty when the package is good. */
export async function validateTeamsApp(manifest: JsonObject, files: ReadonlyMap<string, Uint8Array>) {
  const version = manifest.manifestVersion;
  if (typeof version !== 'string') return ['manifest.json: manifestVersion is missing'];
  const problems: string[] = [];
  const expectedSchema = `${SCHEMA_URL}/v${version}/MicrosoftTeams.schema.json`;
  if (manifest.$schema !== expectedSchema)
    problems.push(`manifest.json: $schema should be ${expectedSchema} for manifestVersion ${version}`);
  problems.push(...(await manifestSchemaProblems(manifest, version)));

  const icons = (manifest.icons ?? {}) as Record<string, unknown>;
  for (const kind of ['color', 'outline'] as const) {
    const name = icons[kind];
    problems.push(...iconProblems(kind, name, typeof name === 'string' ? files.get(name) : undefined));
  }

  const info = (manifest.localizationInfo ?? {}) as { additionalLanguages?: { file?: unknown }[] };
  for (const { file } of info.additionalLanguages ?? [])
    if (typeof file === 'string')
      problems.push(...(await localizationProblems(manifest, version, file, files.get(file))));
  return problems;
}
