/**
 * The みえますねっと device as the dialogs see it (the backend's `Device`), read defensively from untyped slots,
 * and the licence arithmetic shown before a deletion.
 */
import { tokyoDate } from '../../src/clock.js';

/** A registered device (`Device` in src/backend/openapi.yaml). */
export interface MiemasuDevice {
  deviceId: string;
  name: string;
  domainName: string;
  /** `YYYY-MM-DD`, a Japan calendar date. */
  licenseExpiresOn: string;
}

const DAY_MS = 24 * 3600_000;

/** The value as a device, or `undefined` when it does not have the device's fields. */
export function asDevice(value: unknown): MiemasuDevice | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const { deviceId, name, domainName, licenseExpiresOn } = value as Record<string, unknown>;
  if (typeof deviceId !== 'string' || typeof name !== 'string') return undefined;
  if (typeof domainName !== 'string' || typeof licenseExpiresOn !== 'string') return undefined;
  return { deviceId, name, domainName, licenseExpiresOn };
}

/** The devices of a `listMiemasuDevices` result (`{ devices: [...] }`); empty for anything else. */
export function devicesOf(list: unknown): MiemasuDevice[] {
  if (list === null || typeof list !== 'object') return [];
  const devices = (list as { devices?: unknown }).devices;
  if (!Array.isArray(devices)) return [];
  return devices.flatMap((item) => {
    const device = asDevice(item);
    return device ? [device] : [];
  });
}

function calendarDay(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

/**
 * Whole days of licence left after today (Japan time) up to and including the expiry date: a licence expiring
 * tomorrow has 1 day left, one expiring today or earlier has 0. `undefined` when the expiry is not a date.
 */
export function licenceDaysLeft(expiresOn: string, now: Date): number | undefined {
  const expiry = calendarDay(expiresOn);
  const today = calendarDay(tokyoDate(now));
  if (expiry === undefined || today === undefined) return undefined;
  return Math.max(0, expiry - today);
}
