/** What the turn pipeline itself says (receipt notices, the rate limit), ja and en. */
import type { Catalogs } from '../engine/text/catalog.js';

export const pipelineMessages: Catalogs = {
  ja: {
    'pipeline.receipt.recorded':
      'お手続きの控えを記録しました（控え番号: {id}）。表示した内容と確認いただいた項目を保存しています。お問い合わせの際は、この番号をお伝えください。',
    'pipeline.receipt.recorded-unknown':
      'お手続きの控えを記録しました（控え番号: {id}）。結果は確認中です。表示した内容と確認いただいた項目を保存しています。お問い合わせの際は、この番号をお伝えください。',
    'pipeline.rate-limited':
      '短い間に多くのメッセージが届きました。最後のメッセージは処理していません（何も変更していません）。{seconds}秒ほどおいてから、もう一度お送りください。',
  },
  en: {
    'pipeline.receipt.recorded':
      'A receipt has been recorded (receipt no. {id}). It keeps what was shown and what you acknowledged; please quote this number if you contact us.',
    'pipeline.receipt.recorded-unknown':
      'A receipt has been recorded (receipt no. {id}). The result is still being checked. It keeps what was shown and what you acknowledged; please quote this number if you contact us.',
    'pipeline.rate-limited':
      'Too many messages in a short time. Nothing was done with the last one; please send it again in {seconds} seconds.',
  },
};
