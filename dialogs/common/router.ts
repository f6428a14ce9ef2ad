/**
 * Routes a free-text request to the dialog it means, in Japanese or English. A request to act whose subject is
 * unclear (「解約したい」) goes to the menu, which asks; a question, or anything else, is left to the FAQ
 * (`undefined`), which answers or opens the menu when unsure. Agent mode (「代理対応」, "act for") and its end
 * (「代理終了」, "end acting") come first: the agent-mode dialogs themselves refuse anyone who is not an agent.
 */
import type { Router } from '../../src/engine/hooks.js';
import { normalizeLoose } from '../../src/engine/text/normalize.js';
import { looksLikeQuestion } from '../../src/engine/text/question.js';

/** The root dialog (dialogs/common/menu.ts). */
const MENU = 'menu';
const ACT =
  /(削除|解約|退会|やめ|止め|キャンセル|取り消|消し|消したい|delete|remove|cancel|terminate|withdraw|quit|leave|unsubscribe|close)/i;

const AGENT_END =
  /(代理終了|代理対応終了|代理対応を終了|代理を終了|代理対応をやめ|endacting|stopacting|endagentmode|exitagentmode)/i;
const AGENT_SESSION = /(代理対応|代理で|代理操作|actfor|actingfor|actonbehalf|agentmode)/i;

const WALKTHROUGH = /(自分で|やり方|手順を教え|操作方法|画面の操作|myself|stepbystep|walkmethrough|howdoi)/i;
/**
 * A monthly-payment plan: the walkthroughs cover the みえますねっと annual pack only, so a question naming a
 * monthly plan goes to the FAQ (which says so), never to the annual-pack steps.
 */
const MONTHLY = /(月額|月払|月々|毎月払|monthly)/i;

const RULES: { dialog: string; subject: RegExp; act?: RegExp }[] = [
  { dialog: 'miemasu-withdraw', subject: /(退会|withdraw|leavetheannual|closemyaccount)/i },
  {
    dialog: 'miemasu-delete-device',
    subject: /(カメラ|機器|デバイス|みえますねっと|camera|device|miemasu)/i,
    act: ACT,
  },
  {
    dialog: 'csps-cancel',
    subject:
      /(home|therefore|uniflow|ユニフロー|ホーム|契約|サービス|portal|ポータル|contract|type-?[a-z0-9]+)/i,
    act: ACT,
  },
];

export const requestRouter: Router = {
  route(text) {
    const raw = text.normalize('NFKC').trim();
    const loose = normalizeLoose(raw);
    if (AGENT_END.test(loose)) return 'agent-end';
    if (MONTHLY.test(loose) && looksLikeQuestion(raw)) return undefined;
    // Asking how to do it oneself is a request for the walkthrough, even phrased as a question.
    if (WALKTHROUGH.test(loose)) return 'walkthrough';
    if (looksLikeQuestion(raw)) return undefined;
    if (AGENT_SESSION.test(loose)) return 'agent-session';
    for (const rule of RULES) {
      if (rule.subject.test(loose) && (!rule.act || rule.act.test(loose))) return rule.dialog;
    }
    return ACT.test(loose) ? MENU : undefined;
  },
};
