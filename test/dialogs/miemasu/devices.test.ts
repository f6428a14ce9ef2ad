import { describe, expect, it } from 'vitest';
import { asDevice, devicesOf, licenceDaysLeft } from '../../../dialogs/miemasu/devices.js';
import { miemasuBehaviour } from '../../../dialogs/miemasu/index.js';
import { miemasuMessages } from '../../../dialogs/miemasu/messages.js';
import type { BehaviourContext } from '../../../src/engine/behaviour.js';
import type { Slots } from '../../../src/engine/state.js';
import { createTranslator } from '../../../src/engine/text/catalog.js';

const cameraOA = {
  deviceId: 'DEV-0001',
  name: 'CameraOA',
  domainName: 'cameraoa.miemasu.example',
  licenseExpiresOn: '2027-06-30',
};
const cameraOB = {
  ...cameraOA,
  deviceId: 'DEV-0002',
  name: 'CameraOB',
  domainName: 'cameraob.miemasu.example',
};

function context(slots: Slots, now = new Date('2026-11-23T01:00:00Z')): BehaviourContext {
  return {
    slots,
    now,
    text: createTranslator(miemasuMessages, 'ja'),
    actor: { kind: 'customer', id: 'c-1' },
    credentials: [],
  };
}

describe('licenceDaysLeft', () => {
  it('counts whole days after today in Japan up to the expiry date', () => {
    expect(licenceDaysLeft('2027-06-30', new Date('2026-11-23T10:00:00+09:00'))).toBe(219);
    expect(licenceDaysLeft('2026-11-24', new Date('2026-11-23T23:59:00+09:00'))).toBe(1);
  });

  it('uses the Japan date: 15:00 UTC is already the next day', () => {
    expect(licenceDaysLeft('2026-11-24', new Date('2026-11-23T15:00:00Z'))).toBe(0);
    expect(licenceDaysLeft('2026-11-24', new Date('2026-11-23T14:59:59Z'))).toBe(1);
  });

  it('is 0 on and after the expiry day, and undefined for a value that is not a date', () => {
    expect(licenceDaysLeft('2026-11-23', new Date('2026-11-23T10:00:00+09:00'))).toBe(0);
    expect(licenceDaysLeft('2025-01-01', new Date('2026-11-23T10:00:00+09:00'))).toBe(0);
    expect(licenceDaysLeft('next year', new Date('2026-11-23T10:00:00+09:00'))).toBeUndefined();
  });
});

describe('device slots', () => {
  it('reads devices defensively', () => {
    expect(asDevice(cameraOA)).toEqual(cameraOA);
    expect(asDevice({ ...cameraOA, name: 3 })).toBeUndefined();
    expect(asDevice('CameraOA')).toBeUndefined();
    expect(devicesOf({ devices: [cameraOA, null, { deviceId: 'x' }, cameraOB] })).toEqual([
      cameraOA,
      cameraOB,
    ]);
    expect(devicesOf(null)).toEqual([]);
    expect(devicesOf({ devices: 'none' })).toEqual([]);
  });
});

describe('miemasu behaviour', () => {
  const behaviour = miemasuBehaviour;
  it('offers each listed device with its name, domain and licence expiry, keeping the whole device as value', () => {
    const options = behaviour.optionsFrom?.miemasuDevices?.(
      context({ deviceList: { devices: [cameraOA, cameraOB] } }),
    );
    expect(options?.map((o) => o.id)).toEqual(['DEV-0001', 'DEV-0002']);
    expect(options?.[0]?.label).toBe('CameraOA（cameraoa.miemasu.example／有効期限 2027年6月30日(水)）');
    expect(options?.[0]?.value).toEqual(cameraOA);
    expect(options?.[0]?.aliases).toContain('CameraOA');
  });

  it('states the days left on the chosen device, and nothing when there is no device', () => {
    expect(behaviour.facts?.miemasuLicenceLeft?.(context({ device: cameraOA }))).toEqual([
      { label: 'ライセンスの残り期間', value: 'あと219日（払い戻しはありません）' },
    ]);
    expect(behaviour.facts?.miemasuLicenceLeft?.(context({}))).toEqual([]);
  });

  it('knows whether devices remain and whether a deleted device is still listed', () => {
    const hasDevices = behaviour.guards?.miemasuHasDevices;
    const stillListed = behaviour.guards?.miemasuDeviceStillListed;
    expect(hasDevices?.(context({ deviceList: { devices: [cameraOB] } }))).toBe(true);
    expect(hasDevices?.(context({ deviceList: { devices: [] } }))).toBe(false);
    expect(hasDevices?.(context({ deviceList: null }))).toBe(false);
    expect(stillListed?.(context({ device: cameraOA, deviceList: { devices: [cameraOA, cameraOB] } }))).toBe(
      true,
    );
    expect(stillListed?.(context({ device: cameraOA, deviceList: { devices: [cameraOB] } }))).toBe(false);
  });
});
