/**
 * A procedure's name for the dashboard: its dialog's title in the page's language, from the dialogs' message
 * catalogs (`dialogs/`). A dialog id with no such title (a procedure since removed) has no name; the page then
 * shows the id.
 */
import type { Catalogs } from '../engine/text/catalog.js';
import type { Dialog } from '../engine/tree/schema.js';
import type { Locale } from '../engine/turn.js';

export type ProcedureNames = (dialogId: string, locale: Locale) => string | undefined;

export function procedureNames(
  dialogs: readonly Pick<Dialog, 'id' | 'title'>[],
  catalogs: Catalogs,
): ProcedureNames {
  const titles = new Map(dialogs.map((dialog) => [dialog.id, dialog.title]));
  return (dialogId, locale) => {
    const key = titles.get(dialogId);
    if (key === undefined) return undefined;
    const name = catalogs[locale]?.[key];
    return name === undefined || name === '' ? undefined : name;
  };
}

/** No names: every procedure shown by its id. */
export const NO_PROCEDURE_NAMES: ProcedureNames = () => undefined;
