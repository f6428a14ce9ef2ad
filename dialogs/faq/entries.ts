/**
 * The FAQ knowledge base: what the two source procedures answer, in Japanese and English.
 *
 * Facts come only from the sources (/work/shared/seeds, summarised in DOMAIN.md); each entry cites the
 * section it was taken from. Where DOMAIN.md marks an interpretation (e.g. the Therefore Online 35-day rule,
 * the merged minimum-term cells, "weekdays" excluding public holidays), the answer follows that interpretation.
 * Keywords are general topic vocabulary only. The list is validated with zod when this module loads.
 */
import { type FaqEntry, parseFaqEntries } from '../../src/faq/schema.js';
import { CONTACT_FAQ_ENTRIES } from './contact.js';
import { CSPS_FLOW_FAQ_ENTRIES } from './csps-flow.js';
import { CSPS_TERMS_FAQ_ENTRIES } from './csps-terms.js';
import { MIEMASU_FAQ_ENTRIES } from './miemasu.js';

/** The validated knowledge base. Loading this module throws if any entry is malformed. */
export const FAQ_ENTRIES: readonly FaqEntry[] = parseFaqEntries([
  ...MIEMASU_FAQ_ENTRIES,
  ...CSPS_TERMS_FAQ_ENTRIES,
  ...CSPS_FLOW_FAQ_ENTRIES,
  ...CONTACT_FAQ_ENTRIES,
]);
