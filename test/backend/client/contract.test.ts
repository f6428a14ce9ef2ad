/**
 * The contract's response shapes (invariant 8): compiled from openapi.yaml, checked per operation and status, and
 * used by the conformance suite on the backend under test.
 */
import { describe, expect, it } from 'vitest';
import { compileResponseContract } from '../../../src/backend/client/contract.js';
import { loadOperationCatalog } from '../../../src/backend/operation-metadata.js';
import { assertContractShape, operationFor } from '../../conformance/target.js';

const contract = compileResponseContract();
const problem = (code: string, status: number) => ({
  type: `https://errors.helpdesk.example/${code}`,
  title: code,
  status,
  code,
});

describe('the response contract', () => {
  it('knows every operation of the spec', () => {
    expect([...contract.operations].sort()).toEqual(Object.keys(loadOperationCatalog()).sort());
  });

  it.each([
    ['listMiemasuDevices', 200, { unexpected: '' }, /devices/],
    ['listMiemasuDevices', 200, { devices: [{ deviceId: 'D', name: 'n' }] }, /domainName/],
    [
      'listMiemasuDevices',
      200,
      { devices: [{ deviceId: 'D', name: 'n', domainName: 'd', licenseExpiresOn: '2026-13' }] },
      /licenseExpiresOn/,
    ],
    ['confirmVerification', 200, { customerId: 'C', expiresAt: '2026-11-23T00:00:00Z' }, /token/],
    ['getCancellationQuote', 200, 'a string', /must be object/],
    ['withdrawAnnualPack', 409, { code: 'devices-remain' }, /type/],
    ['withdrawAnnualPack', 409, problem('made-up', 409), /code/],
  ])('refuses %s %i %j', (operationId, status, body, why) => {
    const verdict = contract.check(operationId, status, body);
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.detail).toMatch(why);
    expect(!verdict.ok && verdict.detail).toContain(`${operationId} HTTP ${status}`);
  });

  it('accepts what the contract allows, extra members included', () => {
    expect(contract.check('listMiemasuDevices', 200, { devices: [], next: null })).toEqual({ ok: true });
    expect(
      contract.check('withdrawAnnualPack', 409, { ...problem('devices-remain', 409), remainingDevices: 2 }),
    ).toEqual({ ok: true });
  });

  it('never quotes a value from the body in its verdict', () => {
    const verdict = contract.check('listMiemasuDevices', 200, {
      devices: [{ deviceId: 'taro@example.com', name: 123456, domainName: 'd', licenseExpiresOn: 'x' }],
    });
    expect(JSON.stringify(verdict)).not.toMatch(/taro|123456/);
  });

  it('an unknown operation is never allowed', () => {
    expect(contract.check('deleteEverything', 200, {}).ok).toBe(false);
  });
});

describe('the conformance suite checks shapes too', () => {
  it('maps requests to operations', () => {
    expect(operationFor('GET', '/miemasu/devices')).toBe('listMiemasuDevices');
    expect(operationFor('DELETE', '/miemasu/devices/DEV-1')).toBe('deleteMiemasuDevice');
    expect(operationFor('GET', '/csps/contracts/X/cancellation-quote?desiredMonth=2026-12')).toBe(
      'getCancellationQuote',
    );
    expect(operationFor('GET', '/nowhere')).toBeUndefined();
  });

  it('fails a case whose answer is off-contract', () => {
    expect(() => assertContractShape('GET', '/miemasu/devices', 200, { unexpected: '' })).toThrow(
      /does not match the contract: listMiemasuDevices HTTP 200/,
    );
    expect(() => assertContractShape('GET', '/miemasu/devices', 200, { devices: [] })).not.toThrow();
  });
});
