/**
 * Reads an answer to an `ask` node from a turn input. Pure: returns the slot value and chosen option, or why
 * the input is not an answer.
 */
import type { DynamicOption } from '../behaviour.js';
import type { Json } from '../state.js';
import {
  normalizeIdentifier,
  normalizeLoose,
  normalizeText,
  parseOptionNumber,
  parseYesNo,
} from '../text/normalize.js';
import type { NodeOf } from '../tree/schema.js';
import type { TurnInput } from '../turn.js';

export type ParsedAnswer = { ok: true; value: Json; optionId?: string } | { ok: false };

const NOT_AN_ANSWER: ParsedAnswer = { ok: false };

export function pickOption(options: DynamicOption[], input: TurnInput): DynamicOption | undefined {
  if (input.kind === 'choice') return options.find((o) => o.id === input.choiceId);
  if (input.kind !== 'text') return undefined;
  const number = parseOptionNumber(input.text);
  if (number !== undefined) return options[number - 1];
  const loose = normalizeLoose(input.text);
  const ident = normalizeIdentifier(input.text);
  const exact = options.find(
    (o) =>
      normalizeLoose(o.id) === loose ||
      normalizeLoose(o.label) === loose ||
      (o.aliases ?? []).some((a) => normalizeIdentifier(a) === ident),
  );
  if (exact) return exact;
  const yesNo = parseYesNo(input.text);
  if (yesNo !== undefined) return options.find((o) => o.id === (yesNo ? 'yes' : 'no'));
  // Part of one label typed (「利用しなくなった」), or one whole label inside a longer sentence
  // (「サービスを利用しなくなったため解約します」): taken only when exactly one option fits.
  const partOfLabel = options.filter((o) => loose.length >= 2 && normalizeLoose(o.label).includes(loose));
  if (partOfLabel.length === 1) return partOfLabel[0];
  const labelInText = options.filter(
    (o) => normalizeLoose(o.label).length >= 4 && loose.includes(normalizeLoose(o.label)),
  );
  return labelInText.length === 1 ? labelInText[0] : undefined;
}

/** `YYYY-MM-DD`, `YYYY/M/D`, `YYYY年M月D日` (any width) → a valid calendar date string. */
export function parseDate(raw: string): string | undefined {
  const match = /^(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?$/.exec(normalizeText(raw).replace(/\s/g, ''));
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function parseNumber(
  raw: string,
  spec: { min?: number; max?: number; integer?: boolean },
): number | undefined {
  const text = normalizeText(raw)
    .replace(/[,，]/g, '')
    .replace(/(円|個|台|件|ヶ月|か月|回)$/, '');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return undefined;
  const value = Number(text);
  if (spec.integer && !Number.isInteger(value)) return undefined;
  if (spec.min !== undefined && value < spec.min) return undefined;
  if (spec.max !== undefined && value > spec.max) return undefined;
  return value;
}

/** Parses everything except validator-checked and choice input, which need the engine's context. */
export function parseFreeAnswer(node: NodeOf<'ask'>, input: TurnInput): ParsedAnswer {
  if (input.kind !== 'text') return NOT_AN_ANSWER;
  switch (node.input.type) {
    case 'text': {
      const value =
        node.input.normalize === 'identifier' ? normalizeIdentifier(input.text) : normalizeText(input.text);
      if (value.length === 0 || value.length > (node.input.maxLength ?? 500)) return NOT_AN_ANSWER;
      return { ok: true, value };
    }
    case 'date': {
      const value = parseDate(input.text);
      return value ? { ok: true, value } : NOT_AN_ANSWER;
    }
    case 'number': {
      const value = parseNumber(input.text, node.input);
      return value === undefined ? NOT_AN_ANSWER : { ok: true, value };
    }
    case 'choice':
      return NOT_AN_ANSWER;
  }
}
