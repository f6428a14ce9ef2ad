/**
 * Whether an utterance is a question rather than an answer or a request. Only questions interrupt a flow to be
 * answered from the FAQ; statements are read as answers (or re-prompted).
 */
import { normalizeText } from './normalize.js';

const JA_QUESTION =
  /([?？]|ですか|ますか|でしょうか|のか|かな|教えて(ください)?|知りたい(です)?|とは|って何|ってなに)[。.!！]?$/;
const EN_QUESTION =
  /^(what|when|where|which|who|why|how|is|are|can|could|do|does|did|will|would|should|may)\b/i;

export function looksLikeQuestion(raw: string): boolean {
  const text = normalizeText(raw);
  return JA_QUESTION.test(text) || EN_QUESTION.test(text);
}
