/** Messages of agent mode (dialogs/common/agent-mode.ts). */
import type { Catalogs } from '../../src/engine/text/catalog.js';

export const agentMessages: Catalogs = {
  ja: {
    'agent.session.title': '代理対応の開始',
    'agent.end.title': '代理対応の終了',
    'agent.not-agent':
      'この機能は登録された担当者のみご利用いただけます。お客様ご自身のお手続きは、メニューからお進みください。何も変更していません。',
    'agent.session.query':
      '代理対応するお客様の、ご登録のメールアドレスまたは契約番号（例: HMMH061530）を入力してください。',
    'agent.session.query.reprompt':
      'メールアドレス（例: taro@example.com）か、契約番号（英字と数字、例: HMMH061530）を入力してください。',
    'agent.session.not-found':
      '該当するお客様が見つかりませんでした。メールアドレスまたは契約番号をご確認のうえ、もう一度入力してください。',
    'agent.session.no-key':
      '担当者用の接続キーが設定されていないか、受け付けられなかったため、お客様を検索できません。システム管理者にご連絡ください。何も変更していません。',
    'agent.session.intro':
      '次のお客様が見つかりました。お客様ご本人であることを（お電話での確認事項などで）確認してから、チェックを入れてください。',
    'agent.session.ack.identity': 'お客様ご本人であることを確認しました',
    'agent.session.final':
      '{customer.displayName} 様（{customer.customerId}）の代理対応を開始します。よろしいですか？',
    'agent.session.confirm-label': '代理対応を開始する',
    'agent.session.started':
      '{customer.displayName} 様（{customer.customerId}）の代理対応を開始しました。次のメッセージから、{customer.displayName} 様の代理としてお手続きいただけます。すべての操作は、担当者とお客様の両方とともに記録されます。終了するときは「代理終了」と送信してください（コマンドでは end）。',
    'agent.session.cancelled': '代理対応は開始していません。何も変更していません。',
    'agent.fact.name': 'お名前',
    'agent.fact.id': 'お客様番号',
    'agent.fact.email': 'ご登録のメールアドレス（一部伏せ字）',
    'agent.fact.miemasu': 'みえますねっと',
    'agent.fact.miemasu.annual-pack': '年間パック（登録機器 {deviceCount} 台）',
    'agent.fact.miemasu.monthly': '月額支払い（登録機器 {deviceCount} 台）',
    'agent.fact.contract': '契約 {contractNumber}',
    'agent.fact.contract.value': '{serviceName}（{statusText}）',
    'agent.fact.contracts.more': 'ほかの契約',
    'agent.fact.contracts.more.value': '{count} 件',
    'agent.fact.services': 'ご利用中のサービス',
    'agent.fact.services.none': 'ありません',
    'agent.status.service-started': 'サービス開始',
    'agent.status.change-draft': '変更お申込作成中',
    'agent.status.cancellation-draft': '解約お申込作成中',
    'agent.status.cancellation-accepted': '解約お申込受付中',
    'agent.end.done': '代理対応を終了しました。次のメッセージからは、担当者ご自身として応対します。',
    'agent.end.none': '代理対応中のお客様はいません。何も変更していません。',
  },
  en: {
    'agent.session.title': 'Start acting for a customer',
    'agent.end.title': 'Stop acting for a customer',
    'agent.not-agent':
      'This feature is only for registered support agents. For your own procedures, please use the menu. Nothing has been changed.',
    'agent.session.query':
      "Please enter the customer's registered e-mail address or a contract number (e.g. HMMH061530).",
    'agent.session.query.reprompt':
      'Please enter an e-mail address (e.g. taro@example.com) or a contract number (letters and digits, e.g. HMMH061530).',
    'agent.session.not-found':
      'No customer matches. Please check the e-mail address or contract number and enter it again.',
    'agent.session.no-key':
      'The agent key is not configured or was not accepted, so customers cannot be looked up. Please contact your system administrator. Nothing has been changed.',
    'agent.session.intro':
      'This customer was found. Please confirm that you are speaking with the customer (for example with your phone verification questions) before ticking the box.',
    'agent.session.ack.identity': "I have verified the customer's identity",
    'agent.session.final': 'Start acting for {customer.displayName} ({customer.customerId})?',
    'agent.session.confirm-label': 'Start acting for the customer',
    'agent.session.started':
      'You are now acting for {customer.displayName} ({customer.customerId}). From your next message on, you act on their behalf, and every action is recorded with both you and the customer. To stop, send "end acting" (or the command end).',
    'agent.session.cancelled': 'Acting for the customer was not started. Nothing has been changed.',
    'agent.fact.name': 'Name',
    'agent.fact.id': 'Customer no.',
    'agent.fact.email': 'Registered e-mail (partly hidden)',
    'agent.fact.miemasu': 'Miemasu-net',
    'agent.fact.miemasu.annual-pack': 'Annual pack ({deviceCount} registered devices)',
    'agent.fact.miemasu.monthly': 'Monthly plan ({deviceCount} registered devices)',
    'agent.fact.contract': 'Contract {contractNumber}',
    'agent.fact.contract.value': '{serviceName} ({statusText})',
    'agent.fact.contracts.more': 'Other contracts',
    'agent.fact.contracts.more.value': '{count} more',
    'agent.fact.services': 'Services',
    'agent.fact.services.none': 'None',
    'agent.status.service-started': 'service started',
    'agent.status.change-draft': 'change application in progress',
    'agent.status.cancellation-draft': 'cancellation draft',
    'agent.status.cancellation-accepted': 'cancellation accepted',
    'agent.end.done':
      'You have stopped acting for the customer. From your next message on, you speak as yourself.',
    'agent.end.none': 'You are not acting for any customer. Nothing has been changed.',
  },
};
