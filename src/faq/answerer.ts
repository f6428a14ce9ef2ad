/**
 * The FAQ as the engine's question answerer: a confident answer with its source, a question back (which
 * service), "our guides do not cover this" with the right desk, a polite refusal for what is out of scope — or
 * nothing for a fragment or when unsure (the engine then re-asks or offers a person; it never guesses).
 */
import type { QuestionAnswerer } from '../engine/hooks.js';
import type { Locale } from '../engine/turn.js';
import { serviceOfDialog } from '../service-of-dialog.js';
import type { Faq } from './faq.js';
import { clarifyText, notCoveredText, outOfScopeText, sourceLine } from './messages.js';
import type { FaqEntry } from './schema.js';

const SOURCE_TITLES: Record<FaqEntry['source']['doc'], Record<Locale, string>> = {
  miemasu: {
    ja: 'みえますねっと 機器の削除（解約）／年間パックの退会 ガイド',
    en: 'Miemasu-net device deletion / annual pack withdrawal guide',
  },
  csps: {
    ja: 'クラウドサービスポータルサイト 解約申込ガイドブック ver.3.0',
    en: 'Cloud Service Portal cancellation guidebook ver.3.0',
  },
};

/** The entry's answer followed by where it comes from. */
export function formatFaqAnswer(entry: FaqEntry, locale: Locale): string {
  const source = `${SOURCE_TITLES[entry.source.doc][locale]}「${entry.source.section}」`;
  return `${entry[locale].answer}\n${sourceLine(source, locale)}`;
}

/** The source document a dialog is about (each service has one guide), if any. */
export function docOfDialog(dialogId: string | undefined): FaqEntry['source']['doc'] | undefined {
  return serviceOfDialog(dialogId);
}

export function createFaqAnswerer(faq: Faq): QuestionAnswerer {
  return {
    answer(text, locale, context) {
      const doc = docOfDialog(context?.dialogId);
      const result = faq.ask(text, locale, doc ? { doc } : undefined);
      switch (result.kind) {
        case 'answer':
          return {
            text: formatFaqAnswer(result.entry, locale),
            report: { outcome: 'answered', entry: result.entry.id },
          };
        case 'clarify':
          return { text: clarifyText(result.services, locale) };
        case 'not-covered':
          return { text: notCoveredText(result.desk, locale), report: { outcome: 'declined' } };
        case 'decline':
          return result.reason === 'out-of-scope'
            ? { text: outOfScopeText(locale), report: { outcome: 'declined' } }
            : undefined;
        case 'unsure':
          return undefined;
      }
    },
  };
}
