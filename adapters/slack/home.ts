/**
 * The App Home tab: one button per entry point (each starts that dialog in the user's direct messages with the
 * bot), and for agents how to act for a customer. Japanese first, English below (Slack tells no locale here).
 */
import type { types } from '@slack/bolt';
import { ACTION_IDS, encodeButtonValue } from './actions.js';

/** The entry points offered on the Home tab, with their button captions. */
export const HOME_ENTRY_POINTS: readonly { dialogId: string; label: string; primary?: boolean }[] = [
  { dialogId: 'menu', label: 'メニュー / Menu', primary: true },
  { dialogId: 'miemasu-delete-device', label: 'カメラ機器の削除 / Delete a camera device' },
  { dialogId: 'miemasu-withdraw', label: '年間パックの退会 / Withdraw from the annual pack' },
  { dialogId: 'csps-cancel', label: 'ポータル契約の解約 / Cancel a portal contract' },
  { dialogId: 'walkthrough', label: '手順の確認（練習） / Walk through a procedure' },
];

function mrkdwn(text: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text };
}

export function homeView(options: { isAgent: boolean; command: string }): types.HomeView {
  const blocks: types.KnownBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: '解約・削除のお手続き / Cancellations and deletions' },
    },
    {
      type: 'section',
      text: mrkdwn(
        'ボタンを押すと、このアプリの「メッセージ」タブでご案内を始めます。途中でやめても、何も変更されません。\n' +
          'Press a button to start in this app’s Messages tab. Stopping half-way changes nothing.',
      ),
    },
    {
      type: 'actions',
      elements: HOME_ENTRY_POINTS.map((entry) => ({
        type: 'button',
        action_id: ACTION_IDS.start(entry.dialogId),
        text: { type: 'plain_text', text: entry.label },
        value: encodeButtonValue({ k: 's', d: entry.dialogId }),
        ...(entry.primary ? { style: 'primary' as const } : {}),
      })),
    },
  ];
  if (options.isAgent)
    blocks.push(
      { type: 'divider' },
      {
        type: 'section',
        text: mrkdwn(
          '*担当者の方へ / For agents*\n' +
            `お客様の代わりに手続きするときは \`${options.command} act <メールアドレスまたは契約番号>\` と入力してください。` +
            `お客様の本人確認を済ませてから始めます。終わったら \`${options.command} end\` で代理を終了します。\n` +
            `To act for a customer, type \`${options.command} act <e-mail or contract no.>\` once you have verified ` +
            `the customer’s identity; \`${options.command} end\` stops acting for them.`,
        ),
      },
    );
  return { type: 'home', blocks };
}
