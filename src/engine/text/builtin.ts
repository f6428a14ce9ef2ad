/** The engine's own messages (global commands, input problems, safety notices), ja and en. */
import type { Catalogs } from './catalog.js';

export const builtinMessages: Catalogs = {
  ja: {
    'engine.input.empty': 'メッセージが空のようです。もう一度入力してください。',
    'engine.input.too-long': 'メッセージが長すぎます（1000文字まで）。短くしてもう一度お送りください。',
    'engine.input.control-characters': '読み取れない文字が含まれています。もう一度入力してください。',
    'engine.stopped': '中止しました。何も変更していません。',
    'engine.stopped-after-commit':
      '中止しました。これ以降の操作は行いません（すでに完了したお手続きは取り消されません）。',
    'engine.stop-idle': '進行中のお手続きはありません。何も変更していません。',
    'engine.satisfaction.ask':
      'よろしければ、今回のご案内の満足度を 1（不満）〜5（満足）でお聞かせください。お答えいただかなくても問題ありません。',
    'engine.satisfaction.skip': '回答しない',
    'engine.faq.not-helpful': '解決しませんでした',
    'engine.faq.not-helpful-sorry': 'お役に立てず申し訳ございません。担当者がご案内します。',
    'engine.satisfaction.thanks': 'ご回答ありがとうございました。今後のご案内の改善に役立てます。',
    'engine.satisfaction.skipped': '承知しました。ご利用ありがとうございました。',
    'engine.stopping': '中止します。このお手続きで作成したものを取り消します。',
    'engine.expired-undoing':
      '前回のお手続きは時間が経ったため終了しました。そのお手続きで作成したものを取り消します。',
    'engine.back-unavailable': 'これ以上前には戻れません。',
    'engine.back-after-commit': 'すでに完了したお手続きより前には戻れません。',
    'engine.restarted': '最初からやり直します。何も変更していません。',
    'engine.switched': '進行中のお手続きを中止しました。何も変更していません。',
    'engine.ack.agent-hint':
      '（担当者の方へ）各項目をお客様にご説明し、ご同意をいただいた項目だけにチェックしてください。チェックは、お客様に説明し同意を得たことの記録として控えに保存されます。',
    'engine.unknown-entry': 'そのメニューは現在ご利用いただけません。',
    'engine.agent-only':
      'この機能は登録された担当者のみご利用いただけます。進行中のお手続きはそのまま続けられます。何も変更していません。',
    'engine.help':
      'いつでも次の言葉が使えます。「やめる」：中止（何も変更しません）／「戻る」：ひとつ前の質問へ／「最初から」：やり直し／「オペレーター」：担当者の連絡先／「English」：英語で案内 (English)／ご質問もそのままお送りください。',
    'engine.stale': 'その操作は以前の画面のものなので、実行していません。現在のご質問はこちらです。',
    'engine.expired':
      '前回のお手続きは時間が経ったため終了しました。何も変更していません。最初からご案内します。',
    'engine.tree-updated': 'お手続きの内容が更新されたため、最初からご案内します。何も変更していません。',
    'engine.tree-updated-after-commit':
      'お手続きの内容が更新されたため、最初からご案内します。すでに完了したお手続きはそのまま有効です。',
    'engine.expired-after-commit':
      '前回のお手続きは時間が経ったため終了しました。すでに完了したお手続きはそのまま有効で、それ以降は何も変更していません。',
    'engine.attempts-exhausted':
      'うまく受け取れませんでした。担当者におつなぎすることもできます。どうなさいますか？',
    'engine.choice.retry': 'もう一度入力する',
    'engine.choice.human': '担当者の連絡先を見る',
    'engine.choice.stop': '中止する',
    'engine.choice.confirm-cancel': 'やめる',
    'engine.choice.recheck': '結果を確認する',
    'engine.ack.hint': 'すべての項目をご確認のうえ、チェックを入れてください。',
    'engine.ack.missing': 'まだ確認されていない項目があります。すべての項目をご確認ください。',
    'engine.ack.none':
      'どの項目にもチェックが入っていませんでした。次の項目をすべてご確認のうえ、チェックを入れてから送信してください。',
    'engine.typed.prompt': '確認のため「{phrase}」と入力してください。',
    'engine.typed.mismatch':
      '入力が一致しませんでした。「{phrase}」と入力するか、「やめる」と入力してください。',
    'engine.final.hint': '「{confirm}」または「{cancel}」でお答えください。',
    'engine.desk-contacts': 'お問い合わせ先をご案内します。',
    'engine.continue-after-contacts': 'このままチャットでお手続きを続けることもできます。',
    'engine.outcome-unknown':
      '結果を確認できませんでした。二重に実行されないよう、同じ受付内容で確認を続けます。しばらくしてから「結果を確認する」を押してください。',
    'engine.outcome-recovered': '先ほどのお手続きの結果を確認できました。',
    'engine.answer-unusable': '申し訳ありません。ただいまこの内容を表示できません。',
    'engine.pending-in-flight': '処理中です。このままお待ちください。',
    'engine.pending-cannot-stop':
      '先ほどのお手続きの依頼はすでに送信しているため、ここで中止しても取り消されない可能性があります。二重に実行しないよう、同じ依頼として結果を確認します。',
    'engine.internal-error':
      '申し訳ありません。処理中に問題が発生しました。何も変更していません。担当者にもご相談いただけます。',
    'engine.error-after-send':
      '申し訳ありません。お手続きを送信した後に問題が発生し、結果をまだ確認できていません。同じお手続きが二重に行われることはありません。しばらくしてからもう一度メッセージをお送りください。結果を確認します。お急ぎの場合は「オペレーター」とお送りください。',
    'engine.safety-refusal': '確認が取れていないため、この操作は実行していません。何も変更していません。',
    'engine.busy': 'ただいま別の操作を処理しています。もう一度お送りください。',
    'engine.audit-unavailable':
      '申し訳ありません。ただいまお手続きの記録を保存できないため、先に進めることができません。何も変更していません。しばらくしてからもう一度お送りください。',
    'engine.language-switched': '日本語でご案内します。',
    'engine.language-followed': '日本語で書かれたので、日本語でご案内します（English: type "English"）。',
  },
  en: {
    'engine.input.empty': 'Your message seems to be empty. Please type it again.',
    'engine.input.too-long':
      'That message is too long (1,000 characters at most). Please shorten it and send it again.',
    'engine.input.control-characters':
      'Your message contains characters I cannot read. Please type it again.',
    'engine.stopped': 'Stopped. Nothing has been changed.',
    'engine.stopped-after-commit':
      'Stopped. Nothing further will be done (steps already completed are not undone).',
    'engine.stop-idle': 'There is no procedure in progress. Nothing has been changed.',
    'engine.satisfaction.ask':
      'If you like, please rate this help from 1 (poor) to 5 (excellent). Answering is optional.',
    'engine.satisfaction.skip': 'Skip',
    'engine.faq.not-helpful': "This didn't help",
    'engine.faq.not-helpful-sorry': 'Sorry that did not help. A person can help you.',
    'engine.satisfaction.thanks': 'Thank you for your answer. It helps us improve.',
    'engine.satisfaction.skipped': 'Understood. Thank you for using this service.',
    'engine.stopping': 'Stopping. What this procedure created is being withdrawn.',
    'engine.expired-undoing':
      'Your previous session timed out. What that procedure created is being withdrawn.',
    'engine.back-unavailable': 'You cannot go back any further.',
    'engine.back-after-commit': 'You cannot go back past a step that has already been completed.',
    'engine.restarted': 'Starting over. Nothing has been changed.',
    'engine.switched': 'The procedure in progress has been stopped. Nothing has been changed.',
    'engine.ack.agent-hint':
      '(For the agent) Explain each item to the customer and tick only those the customer agreed to. Each tick is kept in the receipt as your record that the customer was told and agreed.',
    'engine.unknown-entry': 'That option is not available.',
    'engine.agent-only':
      'This feature is only for registered support agents. Your procedure in progress can continue as it is. Nothing has been changed.',
    'engine.help':
      'You can say at any time: "stop" (nothing is changed), "back" (previous question), "start over", "operator" (contact details), "日本語" (continue in Japanese). You can also just ask a question.',
    'engine.stale':
      'That button belongs to an earlier message, so nothing was done. Here is the current question.',
    'engine.expired': 'Your previous session timed out. Nothing has been changed. Let us start again.',
    'engine.tree-updated-after-commit':
      'This procedure has been updated, so we will start again. Steps already completed remain in effect.',
    'engine.expired-after-commit':
      'Your previous session timed out. Steps already completed remain in effect; nothing else was changed.',
    'engine.tree-updated':
      'This procedure has been updated, so we will start again. Nothing has been changed.',
    'engine.attempts-exhausted':
      'I could not understand that. I can also give you the contact details of a person. What would you like to do?',
    'engine.choice.retry': 'Try again',
    'engine.choice.human': 'Contact a person',
    'engine.choice.stop': 'Stop',
    'engine.choice.confirm-cancel': 'Stop',
    'engine.choice.recheck': 'Check the result',
    'engine.ack.hint': 'Please read every item and tick it.',
    'engine.ack.missing': 'Some items are not acknowledged yet. Please check every item.',
    'engine.ack.none':
      'No item was ticked. Please read each of the following items, tick them all, and submit again.',
    'engine.typed.prompt': 'To confirm, please type "{phrase}".',
    'engine.typed.mismatch': 'That did not match. Please type "{phrase}", or "stop".',
    'engine.final.hint': 'Please answer "{confirm}" or "{cancel}".',
    'engine.desk-contacts': 'Here is how to reach a person.',
    'engine.continue-after-contacts': 'You can also continue here in the chat.',
    'engine.outcome-unknown':
      'I could not confirm the result. To avoid doing it twice, I will keep checking the same request. Please press "Check the result" in a moment.',
    'engine.outcome-recovered': 'I have now confirmed the result of your earlier request.',
    'engine.answer-unusable': 'Sorry, I cannot show this right now.',
    'engine.pending-in-flight': 'Still processing. Please wait; the result will appear here.',
    'engine.pending-cannot-stop':
      'Your previous request has already been sent, so stopping now may not undo it. To avoid doing it twice, I will check the result of that same request.',
    'engine.internal-error':
      'Sorry, something went wrong on our side. Nothing has been changed. You can also contact a person.',
    'engine.error-after-send':
      'Sorry, something went wrong after your request was sent, so its result is not confirmed yet. It will not be carried out twice. Please send another message in a while and we will check the result, or type "operator" to reach a person.',
    'engine.safety-refusal': 'This was not confirmed, so it was not carried out. Nothing has been changed.',
    'engine.busy': 'Another action is being processed. Please send your message again.',
    'engine.audit-unavailable':
      'Sorry, this step cannot be recorded right now, so I cannot go on. Nothing has been changed. Please send your message again in a while.',
    'engine.language-switched': 'I will continue in English.',
    'engine.language-followed':
      'You wrote in English, so I will continue in English (日本語:「日本語」と入力してください).',
  },
};
