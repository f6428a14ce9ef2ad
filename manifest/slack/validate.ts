/**
 * Offline validation of a Slack app manifest against Slack's published JSON Schema (the copy in `./schema/`).
 * Slack's own check (`apps.manifest.validate`) is an online call; this catches shape errors in CI without it.
 *
 * Contract: `validateSlackManifest(manifest)` returns one line per problem (`<json pointer> <message>`), or an
 * empty list when the manifest matches the schema. It never fetches anything: the `$ref` URLs of the top-level
 * schema are mapped to the local files.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/** The committed manifest. */
export const SLACK_MANIFEST_PATH = fileURLToPath(new URL('./manifest.json', import.meta.url));

/** The `$ref` URLs in `manifest.schema.json` and the local files they name. */
const VERSIONED_SCHEMAS = {
  'https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/manifest.schema.1.0.0.json':
    'manifest.schema.1.0.0.json',
  'https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/manifest.schema.2.0.0.json':
    'manifest.schema.2.0.0.json',
} as const;

// ajv-formats is CommonJS; under NodeNext its default export arrives as the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

function readSchema(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`./schema/${file}`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
}

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (compiled) return compiled;
  // Strict about unknown keywords, except two annotations Slack's schema carries (`regex` next to `pattern`,
  // `_note`); not strict about `required` inside `not` (the schema's way of saying "major_version absent").
  const ajv = new Ajv({
    allErrors: true,
    strictSchema: true,
    strictRequired: false,
    strictTypes: false,
    strictTuples: false,
    keywords: ['regex', '_note'],
  });
  addFormats(ajv);
  for (const [url, file] of Object.entries(VERSIONED_SCHEMAS)) ajv.addSchema(readSchema(file), url);
  compiled = ajv.compile(readSchema('manifest.schema.json'));
  return compiled;
}

/** Problems of `manifest` against Slack's manifest schema; empty when valid. */
export function validateSlackManifest(manifest: unknown): string[] {
  const validate = validator();
  if (validate(manifest)) return [];
  // The schema's `oneOf` reaches the v1 schema through several branches: the same problem is reported once.
  const lines = (validate.errors ?? []).map(
    (error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`,
  );
  return [...new Set(lines)];
}

/** The committed manifest, parsed. */
export function readSlackManifest(): unknown {
  return JSON.parse(readFileSync(SLACK_MANIFEST_PATH, 'utf8'));
}
