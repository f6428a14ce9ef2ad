/**
 * Every kind of Reply the real dialogs produce, for channel renderers to be checked against platform limits
 * (Slack Block Kit, Adaptive Cards, the web page): all procedure and walkthrough transcripts played on the full
 * procedure bundle in Japanese and in English, every FAQ evaluation question, help and handoff. Expectations of
 * the transcripts are not checked here (their own suites do that); only the replies are collected.
 */
import { procedureBundle } from '../../dialogs/index.js';
import type { DialogBundle } from '../../src/bot.js';
import type { Reply } from '../../src/engine/turn.js';
import { cspsBundle } from '../dialogs/csps/bundle.js';
import { transcripts as cspsTranscripts } from '../dialogs/csps/transcripts.js';
import { deleteTranscripts } from '../dialogs/miemasu/delete-transcripts.js';
import { miemasuTestBundle } from '../dialogs/miemasu/support.js';
import { withdrawTranscripts } from '../dialogs/miemasu/withdraw-transcripts.js';
import { walkthroughBundle } from '../dialogs/walkthrough/support.js';
import {
  contactAndStopTranscripts,
  cspsTranscripts as cspsWalkthroughs,
} from '../dialogs/walkthrough/transcripts-csps.js';
import { miemasuTranscripts as miemasuWalkthroughs } from '../dialogs/walkthrough/transcripts-miemasu.js';
import { EN_EVAL, JA_EVAL } from '../faq/eval-set.js';
import { createTestBot, type TestBot } from './bot-harness.js';
import type { Transcript, TranscriptStep } from './transcript.js';

/** Each transcript family with the bundle its script was written for. */
const FAMILIES: readonly { bundle: DialogBundle; transcripts: readonly Transcript[] }[] = [
  { bundle: cspsBundle, transcripts: cspsTranscripts },
  { bundle: miemasuTestBundle, transcripts: [...deleteTranscripts, ...withdrawTranscripts] },
  {
    bundle: walkthroughBundle,
    transcripts: [...cspsWalkthroughs, ...contactAndStopTranscripts, ...miemasuWalkthroughs],
  },
];

async function play(bot: TestBot, steps: readonly TranscriptStep[], into: Reply[][]): Promise<void> {
  for (const step of steps) {
    try {
      if ('user' in step) await bot.say(step.user);
      else if ('click' in step) await bot.click(step.click);
      else if ('tick' in step) await bot.tick(step.tick);
      else if ('type' in step) await bot.type(step.type);
      else await bot.verify(step.verify);
    } catch (error) {
      if (process.env.CORPUS_DEBUG) console.log('corpus stop:', step, String(error).slice(0, 200));
      // An English replay may diverge from a Japanese script (e.g. a typed phrase); keep what was shown so far.
      return;
    }
    into.push([...bot.last]);
  }
}

let cachedTurns: Promise<Reply[][]> | undefined;
let cached: Promise<Reply[]> | undefined;

/** The corpus, built once per test file (about a few seconds). Replies are de-duplicated by content. */
export function collectReplyCorpus(): Promise<Reply[]> {
  cached ??= collectTurnCorpus().then(distinctReplies);
  return cached;
}

/**
 * The same corpus as the replies of each turn, in order (not de-duplicated): for channels whose limits apply to
 * what one turn sends at once (LINE: five messages per reply).
 */
export function collectTurnCorpus(): Promise<Reply[][]> {
  cachedTurns ??= build();
  return cachedTurns;
}

async function build(): Promise<Reply[][]> {
  const replies: Reply[][] = [];
  for (const locale of ['ja', 'en'] as const) {
    for (const { bundle, transcripts } of FAMILIES)
      for (const transcript of transcripts) {
        const bot = await createTestBot({ ...bundle, ...(transcript.now ? { now: transcript.now } : {}) });
        try {
          const steps: TranscriptStep[] =
            locale === 'en' ? [{ user: 'English' }, ...transcript.steps] : [...transcript.steps];
          await play(bot, steps, replies);
        } finally {
          await bot.close();
        }
      }
  }
  const bot = await createTestBot(procedureBundle());
  try {
    for (const question of [...JA_EVAL, ...EN_EVAL]) {
      await bot.say(question.text);
      replies.push([...bot.last]);
      await bot.say('やめる');
    }
    for (const text of ['ヘルプ', 'オペレーター', 'English', 'help', 'operator']) {
      await bot.say(text);
      replies.push([...bot.last]);
    }
  } finally {
    await bot.close();
  }
  return replies;
}

function distinctReplies(turns: Reply[][]): Reply[] {
  const replies = turns.flat();
  const seen = new Set<string>();
  return replies.filter((reply) => {
    const key = JSON.stringify({ ...reply, stateVersion: 0 });
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
