import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONSEQUENCE_IDS,
  loadOpenApiSpec,
  loadOperationCatalog,
  loadProblemCodes,
  OPENAPI_SPEC_PATH,
  PROBLEM_CODES,
} from '../../src/backend/operation-metadata.js';

const GENERATED_TYPES = new URL('../../src/backend/generated/openapi.d.ts', import.meta.url);

describe('the contract (openapi.yaml)', () => {
  const catalog = loadOperationCatalog();

  it('declares every operation the dialogs use, with stable operationIds', () => {
    expect(Object.keys(catalog).sort()).toEqual(
      [
        'confirmVerification',
        'createCancellationApplication',
        'deleteMiemasuDevice',
        'exchangeSiteAssertion',
        'findCustomer',
        'getCancellationQuote',
        'getCspsApplication',
        'getCspsContract',
        'getMiemasuAccount',
        'listCspsApplications',
        'listCspsContracts',
        'listMiemasuDevices',
        'startVerification',
        'submitCancellationApplication',
        'withdrawAnnualPack',
        'withdrawApplication',
      ].sort(),
    );
  });

  it('marks the destructive operations with their consequences', () => {
    const destructive = Object.fromEntries(
      Object.entries(catalog)
        .filter(([, meta]) => meta.destructive)
        .map(([id, meta]) => [id, meta.consequences]),
    );
    expect(destructive).toEqual({
      deleteMiemasuDevice: ['no-refund', 'license-forfeit', 'data-loss'],
      withdrawAnnualPack: ['account-deletion'],
      submitCancellationApplication: ['service-termination', 'minimum-term-charge'],
      withdrawApplication: ['draft-discarded'],
    });
    expect(catalog.createCancellationApplication?.destructive).toBe(false);
  });

  it('uses only documented consequence ids and problem codes', () => {
    for (const [id, meta] of Object.entries(catalog)) {
      for (const consequence of meta.consequences) expect(CONSEQUENCE_IDS, id).toContain(consequence);
      for (const refusal of meta.refusals) expect(PROBLEM_CODES, id).toContain(refusal);
    }
  });

  it('keeps the exported problem codes equal to the spec enum', () => {
    expect(loadProblemCodes()).toEqual([...PROBLEM_CODES]);
  });

  it('requires an Idempotency-Key on every state-changing operation and only there', () => {
    const spec = loadOpenApiSpec();
    for (const meta of Object.values(catalog)) {
      const paths = spec.paths as Record<string, Record<string, { parameters?: { $ref?: string }[] }>>;
      const parameters = paths[meta.path]?.[meta.method.toLowerCase()]?.parameters ?? [];
      const hasKey = parameters.some(
        (parameter) => parameter.$ref === '#/components/parameters/IdempotencyKey',
      );
      expect(hasKey, `${meta.method} ${meta.path}`).toBe(meta.method !== 'GET');
    }
  });

  it('has committed generated types that match the spec (run `npm run backend:types` when this fails)', () => {
    const directory = mkdtempSync(join(tmpdir(), 'openapi-types-'));
    try {
      const output = join(directory, 'openapi.d.ts');
      execFileSync(process.execPath, [openapiTypescriptCli(), OPENAPI_SPEC_PATH, '-o', output], {
        stdio: 'pipe',
      });
      expect(readFileSync(GENERATED_TYPES, 'utf8')).toBe(readFileSync(output, 'utf8'));
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

function openapiTypescriptCli(): string {
  return new URL('../../node_modules/openapi-typescript/bin/cli.js', import.meta.url).pathname;
}
