/**
 * Typed reads of the CSPS dialog's slots. Slots hold backend JSON bodies (see src/backend/openapi.yaml), which the
 * engine stores untyped; these readers narrow them with zod and return `undefined` for anything unexpected, so a
 * behaviour function never throws on a surprising value.
 */
import { z } from 'zod';
import type { Slots } from '../../src/engine/state.js';

const contractSchema = z.object({
  contractNumber: z.string(),
  kind: z.string(),
  serviceName: z.string(),
  status: z.string(),
  statusLabel: z.string(),
});
export type ContractSlot = z.infer<typeof contractSchema>;

const minimumTermSchema = z.object({
  months: z.number(),
  billingsCounted: z.number(),
  billingsRemaining: z.number(),
  satisfied: z.boolean(),
});

const cancellationSchema = z.object({
  reason: z.string(),
  domainDisposition: z.string().nullable(),
  effectiveDate: z.string(),
  desiredMonth: z.string().nullable(),
  minimumTerm: minimumTermSchema,
  minimumTermCharge: z.object({ amount: z.number(), isEstimate: z.boolean() }),
});
export type CancellationSlot = z.infer<typeof cancellationSchema>;

const applicationSchema = z.object({
  applicationNumber: z.string(),
  contractNumber: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  appliedOn: z.string().nullable(),
  createdBy: z.string(),
  cancellation: cancellationSchema.nullable(),
});
export type ApplicationSlot = z.infer<typeof applicationSchema>;

const thereforeSchema = z.object({
  earliestMonth: z.string(),
  selectableMonths: z.array(z.string()),
  desiredMonth: z.string(),
  deadline: z.string(),
});
export type ThereforeSlot = z.infer<typeof thereforeSchema>;

/** The chosen contract (`contract`), or undefined when none is chosen (e.g. 「一覧にない」). */
export function contractOf(slots: Readonly<Slots>): ContractSlot | undefined {
  const parsed = contractSchema.safeParse(slots.contract);
  return parsed.success ? parsed.data : undefined;
}

/** The customer's contracts from `listCspsContracts` (`contractList.contracts`), with their raw JSON. */
export function contractsOf(slots: Readonly<Slots>): { contract: ContractSlot; raw: Slots[string] }[] {
  const list = slots.contractList;
  const raw = list && typeof list === 'object' && !Array.isArray(list) ? list.contracts : undefined;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    const parsed = contractSchema.safeParse(item);
    return parsed.success ? [{ contract: parsed.data, raw: item }] : [];
  });
}

/** The customer's applications from `listCspsApplications` (`applicationList.applications`), newest first. */
export function applicationsOf(
  slots: Readonly<Slots>,
): { application: ApplicationSlot; raw: Slots[string] }[] {
  return applicationsIn(slots.applicationList);
}

/** The applications of a `listCspsApplications` answer (`{ applications: [...] }`), with their raw JSON. */
export function applicationsIn(list: unknown): { application: ApplicationSlot; raw: Slots[string] }[] {
  const raw =
    list && typeof list === 'object' && !Array.isArray(list)
      ? (list as { applications?: unknown }).applications
      : undefined;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    const parsed = applicationSchema.safeParse(item);
    return parsed.success ? [{ application: parsed.data, raw: item as Slots[string] }] : [];
  });
}

/** An application slot (`application`, `verified`, …) by name. */
export function applicationIn(slots: Readonly<Slots>, name: string): ApplicationSlot | undefined {
  const parsed = applicationSchema.safeParse(slots[name]);
  return parsed.success ? parsed.data : undefined;
}

/** The Therefore Online schedule of the current quote (`quote.therefore`), if any. */
export function thereforeOf(slots: Readonly<Slots>): ThereforeSlot | undefined {
  const quote = slots.quote;
  const raw = quote && typeof quote === 'object' && !Array.isArray(quote) ? quote.therefore : undefined;
  const parsed = thereforeSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

const quoteSchema = z.object({
  effectiveDate: z.string(),
  minimumTerm: minimumTermSchema,
  minimumTermCharge: z.object({ amount: z.number(), isEstimate: z.boolean() }),
});

/**
 * What the cancellation would be, before any draft exists: the backend's quote (`quote`, for the chosen desired
 * month) with what the customer entered (`reason`, `domainDisposition`, `desiredMonth`), in the shape of an
 * application's `cancellation`, so the disclosure before the draft and the final confirmation show the same rows.
 */
export function quotedCancellationOf(slots: Readonly<Slots>): CancellationSlot | undefined {
  const quote = quoteSchema.safeParse(slots.quote);
  if (!quote.success) return undefined;
  const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
  return {
    ...quote.data,
    reason: text(slots.reason) ?? '',
    domainDisposition: text(slots.domainDisposition),
    desiredMonth: thereforeOf(slots) ? text(slots.desiredMonth) : null,
  };
}
