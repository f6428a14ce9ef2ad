/**
 * The shape of a FAQ knowledge-base entry, validated with zod when the entries are loaded.
 *
 * Every entry answers one question in both locales and cites the section of the source document it was
 * taken from, so an answer can always be traced back to what the procedure documents actually say.
 */
import { z } from 'zod';

/** The two source documents (see docs/DOMAIN): Panasonic みえますねっと and the Canon cloud service portal. */
export const FAQ_SOURCE_DOCS = ['miemasu', 'csps'] as const;
export type FaqSourceDoc = (typeof FAQ_SOURCE_DOCS)[number];

/**
 * The services the sources cover: みえますねっと (Panasonic, doc `miemasu`) and the three services of the Canon
 * cloud service portal guidebook (doc `csps`).
 */
export const FAQ_SERVICES = ['miemasu', 'home', 'therefore', 'uniflow'] as const;
export type FaqService = (typeof FAQ_SERVICES)[number];

const localizedEntrySchema = z.strictObject({
  /** The canonical question, phrased as the knowledge base states it (not as a customer would type it). */
  question: z.string().trim().min(1),
  /** A short answer (2–4 sentences); Japanese in polite です・ます form. */
  answer: z.string().trim().min(1),
  /** General vocabulary that describes the topic; never copies of evaluation phrasings. */
  keywords: z.array(z.string().trim().min(1)).optional(),
});

export const faqEntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'entry ids look like "miemasu.refund"'),
  source: z.strictObject({
    doc: z.enum(FAQ_SOURCE_DOCS),
    /** The section heading of the source, e.g. "お知らせ", "STEP1", "5. 「解約理由」を入力します", "<付録>". */
    section: z.string().trim().min(1),
  }),
  /**
   * The services this answer is true for; defaults to every service of its document. An answer true for only
   * some services is given only when the question (or the procedure in progress) names one of them.
   */
  services: z.array(z.enum(FAQ_SERVICES)).min(1).optional(),
  /**
   * Entries answering the same question for different services share a topic (e.g. `effective`: HOME/uniFLOW
   * vs Therefore). When the customer's service is unknown, the FAQ asks which one instead of picking.
   */
  topic: z
    .string()
    .regex(/^[a-z-]+$/)
    .optional(),
  ja: localizedEntrySchema,
  en: localizedEntrySchema,
});

export type FaqEntry = z.infer<typeof faqEntrySchema>;
export type FaqLocalizedEntry = FaqEntry['ja'];
/** The input type: what an entries module writes before validation. */
export type FaqEntryInput = z.input<typeof faqEntrySchema>;

/**
 * Validates raw entries and returns them typed. Throws an Error naming every invalid entry (by index and id)
 * and every duplicated id, so a broken knowledge base never loads.
 */
export function parseFaqEntries(raw: readonly unknown[]): FaqEntry[] {
  const problems: string[] = [];
  const entries: FaqEntry[] = [];
  raw.forEach((candidate, index) => {
    const parsed = faqEntrySchema.safeParse(candidate);
    if (parsed.success) {
      entries.push(parsed.data);
      return;
    }
    const id = describeId(candidate);
    const issues = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    problems.push(`entry #${index}${id}: ${issues.join('; ')}`);
  });
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.id)) problems.push(`duplicate entry id "${entry.id}"`);
    seen.add(entry.id);
  }
  if (problems.length > 0) {
    throw new Error(`Invalid FAQ entries:\n- ${problems.join('\n- ')}`);
  }
  return entries;
}

function describeId(candidate: unknown): string {
  if (typeof candidate === 'object' && candidate !== null && 'id' in candidate) {
    const id: unknown = candidate.id;
    if (typeof id === 'string') return ` ("${id}")`;
  }
  return '';
}
