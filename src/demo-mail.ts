/**
 * Demo mode only: the embedded sandbox "e-mails" one-time codes to nobody, so the person trying the demo reads
 * them in the server's log (`npm start`, every channel) or in the terminal (`npm run chat`). Outside demo mode
 * no code is ever written anywhere (see `demoMode`). The address is masked: the log is not a place for it.
 */
import { type Config, demoMode } from './config.js';
import type { OutboxMail } from './sandbox/api/route.js';

/** `camera-two@example.com` → `ca***@example.com`. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${address.slice(0, Math.min(2, at))}***${address.slice(at)}`;
}

/** The line shown for one sandbox mail, e.g. `demo: one-time code 123456 for ca***@example.com (valid until …)`. */
export function demoMailLine(mail: OutboxMail): string {
  return `demo: one-time code ${mail.code} for ${maskAddress(mail.to)} (sandbox mail; demo mode only)`;
}

/** A mail hook that writes each code with `write`, in demo mode; `undefined` (no hook at all) otherwise. */
export function demoMailHook(
  config: Config,
  write: (line: string) => void,
): ((mail: OutboxMail) => void) | undefined {
  if (!demoMode(config)) return undefined;
  return (mail) => write(demoMailLine(mail));
}
