/**
 * Named behaviour of the みえますねっと dialogs (options, facts, guards), referenced from the trees by name.
 * Every name starts with `miemasu` so the merged behaviour of all areas has no clashes.
 *
 * Slots read: `deviceList` (a `listMiemasuDevices` result) and `device` (one `Device`).
 */
import type { DialogBehaviour } from '../../src/engine/behaviour.js';
import type { Fact } from '../../src/engine/turn.js';
import { asDevice, devicesOf, licenceDaysLeft } from './devices.js';

export const miemasuSharedBehaviour: DialogBehaviour = {
  optionsFrom: {
    /** One option per device in `deviceList`; the chosen value is the whole device (for confirm texts). */
    miemasuDevices: ({ slots, text }) =>
      devicesOf(slots.deviceList).map((device) => ({
        id: device.deviceId,
        label: text.t('miemasu.device.option', device),
        value: { ...device },
        aliases: [device.name, device.domainName],
      })),
  },
  facts: {
    /** One row per device in `deviceList`: name → domain and licence expiry. */
    miemasuDeviceRows: ({ slots, text }): Fact[] =>
      devicesOf(slots.deviceList).map((device) => ({
        label: device.name,
        value: text.t('miemasu.device.row', device),
      })),
    /** The days of licence left on `device` (Japan calendar), which are not refunded on deletion. */
    miemasuLicenceLeft: ({ slots, text, now }): Fact[] => {
      const device = asDevice(slots.device);
      const days = device ? licenceDaysLeft(device.licenseExpiresOn, now) : undefined;
      if (days === undefined) return [];
      return [
        {
          label: text.t('miemasu.delete.fact.days-left'),
          value: text.t('miemasu.delete.fact.days-left.value', { days }),
        },
      ];
    },
  },
  guards: {
    /** `deviceList` holds at least one device. */
    miemasuHasDevices: ({ slots }) => devicesOf(slots.deviceList).length > 0,
    /** `deviceList` still shows `device` (checked after a deletion: the device must be gone). */
    miemasuDeviceStillListed: ({ slots }) => {
      const device = asDevice(slots.device);
      return device !== undefined && devicesOf(slots.deviceList).some((d) => d.deviceId === device.deviceId);
    },
  },
};
