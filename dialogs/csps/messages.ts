/**
 * Messages of the CSPS cancellation dialog (`csps.*`). Japanese first, polite です・ます; English second.
 * Every end says whether anything was changed; amounts are always called estimates of standard prices.
 */
import type { Catalogs } from '../../src/engine/text/catalog.js';

const ja = {
  'csps.title': 'クラウドサービスの解約お申込',
  'csps.not-verified': 'ご本人確認ができなかったため、解約のお手続きを進められません。何も変更していません。',
  'csps.no-contracts':
    'このメールアドレスでご契約を確認できませんでした。別のメールアドレスでご契約の可能性もあります。何も変更していません。',
  'csps.pick.prompt':
    'クラウドサービスポータルサイトのご契約一覧です。解約するご契約をお選びください（契約番号の入力でも選べます）。',
  'csps.pick.reprompt': '一覧の番号か、契約番号（例: HMAO061322）でお選びください。',
  'csps.pick.option': '{contractNumber}｜{service}（{status}）',
  'csps.pick.not-listed': '一覧にない',
  'csps.not-listed':
    '一覧にないご契約は、このチャットではお手続きできません。お手数ですが、お問い合わせ窓口にご相談ください。',
  'csps.nvs':
    'NVS クラウド（VisualStage など）の解約は、このお手続きとは別の手順です（解約申込ガイドブック ver.2.0 で NVS の解約手順は分離されています）。このチャットではお手続きできません。ガイドブックには NVS のお問い合わせ先の記載がないため、ガイドブックに記載のお問い合わせ先をご案内します（NVS を受け付けているかどうかは、ガイドブックからはわかりません）。',
  'csps.already':
    'このご契約は、すでに解約のお申込を受け付けています（解約お申込受付中）。新たなお手続きは必要ありません。',
  'csps.blocked-other':
    'このご契約には、パートナー（販売店）が作成中のお申込などがあるため、いまは解約のお申込ができません。ガイドブックの取消の手順は「変更お申込作成中」のお申込だけを対象としているため、このお申込はお客様ご自身では取り消せないものと当方では解釈しています（ガイドブックに明記はありません）。作成したパートナー、または下記のお問い合わせ先にご相談ください。',
  'csps.blocking.prompt':
    'このご契約には作成中のお申込があるため、このままでは解約のお申込ができません。誤って作成したものであれば、取り消してから解約のお手続きに進めます。取り消しますか？',
  'csps.blocking.reprompt': '「取り消す」か「取り消さない」でお答えください。',
  'csps.blocking.withdraw': 'お申込番号 {applicationNumber} を取り消す',
  'csps.blocking.keep': '取り消さない（ここで終了）',
  'csps.blocking.kept':
    'お申込は取り消さずに終了します。何も変更していません。あらためて解約される場合は、作成中のお申込を完了または取り消してからお手続きください。',
  'csps.withdraw.intro':
    'お申込番号「{blockingDraft.applicationNumber}」（{blockingDraft.statusLabel}）を取り消します。',
  'csps.withdraw.ack': 'このお申込と、そこに入力した内容は削除され、元に戻せないことを確認しました。',
  'csps.withdraw.final':
    'お申込番号「{blockingDraft.applicationNumber}」（{blockingDraft.statusLabel}）を取り消します。よろしいですか？',
  'csps.withdraw.confirm': '取り消す',
  'csps.withdrawn':
    'お申込番号「{blockingDraft.applicationNumber}」を取り消しました。ご契約 {contract.contractNumber} のステータスが「{contract.statusLabel}」に戻ったことを確認しました。続けて解約のお手続きをご案内します。',
  'csps.reason.prompt':
    '解約の理由をお選びください。当てはまるものがなければ「その他」を選んで入力してください。',
  'csps.reason.reprompt': '一覧の番号でお選びください。',
  'csps.reason.cost': '費用を見直すため',
  'csps.reason.switch': '他のサービスに切り替えるため',
  'csps.reason.unused': 'サービスを利用しなくなったため',
  'csps.reason.other': 'その他（自由に入力する）',
  'csps.reason.text': '解約の理由を入力してください（1000文字まで）。',
  'csps.reason.text.reprompt': '解約の理由を1000文字以内で入力してください。',
  'csps.domain.prompt':
    'type-M / W / D のご契約では、ご利用中のドメインの扱いを選んでいただく必要があります。どちらになさいますか？',
  'csps.domain.reprompt': '「他社サービスへ移行」か「廃止」でお選びください。',
  'csps.domain.transfer': 'ドメインを他社サービスへ移行する',
  'csps.domain.abolish': 'ドメインを廃止する',
  'csps.month.prompt':
    'Therefore Online は「解約希望月の35日前までにお申し込みが必要」です。希望月の1日の35日前を期限とする当方の計算では、最短で {quote.therefore.earliestMonth|month}末の解約が目安です。解約を希望する月をお選びください。',
  'csps.month.reprompt': '一覧の番号か、「2027年1月」のように月でお選びください。',
  'csps.month.option': '{month|month}末で解約',
  'csps.month.option.earliest': '{month|month}末で解約（最短）',
  'csps.draft-uncertain':
    '解約お申込の作成結果を確認できませんでした（お申込一覧も確認できませんでした）。解約のお申込は完了していませんが、「解約お申込作成中」の下書きができている可能性があります。下書きが残っていると、次の解約お申込ができません。お手数ですが、しばらくしてからポータルのお申込一覧をご確認いただき、下書きがあれば取り消していただくか、次の窓口にご連絡ください。',
  'csps.draft-not-created':
    '解約お申込の作成の応答を受け取れませんでしたが、お申込一覧を確認したところ、下書きは作成されていませんでした。解約のお申込は行っておらず、何も変更していません。しばらくしてからもう一度お試しください。',
  'csps.disclose.intro':
    'ご契約 {contract.contractNumber}（{contract.serviceName}）を解約すると、次のとおりになります。解約のお申込（下書きの作成）を始める前に、内容をご確認ください。費用は標準価格で目安の金額です。この内容で、ご契約 {contract.contractNumber} の解約お申込（下書き）を作成し、最終確認に進みますか？（まだ解約は確定しません。各項目のご確認は、お申込番号をお示しする最終確認でお願いします。そこで「やめる」とお答えいただくと、作成した下書きは取り消します。）',
  'csps.disclose.reprompt': '「下書きを作成して最終確認へ」か「やめる」でお答えください。',
  'csps.disclose.termination':
    '{quote.effectiveDate|date}をもってサービスが終了し、それ以降はご利用いただけなくなります。',
  'csps.disclose.charge':
    '最低利用期間に満たない場合、残りの期間の月額料金がまとめて請求されます（今回の見込みは残り{quote.minimumTerm.billingsRemaining}回分、{quote.minimumTermCharge.amount|yen}。標準価格による目安の金額です）。',
  'csps.disclose.no-term':
    'このご契約には最低利用期間がないため、最低利用期間に関する残りの月額料金のまとめての請求はありません。',
  'csps.disclose.confirm': '下書きを作成して最終確認へ',
  'csps.disclose.stop': 'やめる（何も変更しません）',
  'csps.draft-not-withdrawn':
    '解約のお申込は完了していません（解約されていません）。ただ、このチャットで作成したお申込番号「{application.applicationNumber}」の下書き（解約お申込作成中）を取り消せたかどうか確認できませんでした。下書きが残っていると、次の解約お申込ができません。ポータルのお申込一覧から取り消していただくか、次の窓口にご連絡ください。',
  'csps.submit.intro':
    'ご契約 {contract.contractNumber}（{contract.serviceName}）の解約お申込を、お申込番号「{application.applicationNumber}」の下書き（{application.statusLabel}）として作成しました。まだ解約は確定していません。内容をご確認ください。費用は標準価格で目安の金額です。',
  'csps.submit.ack.termination':
    '{application.cancellation.effectiveDate|date}をもってサービスが終了し、それ以降はご利用いただけなくなることを確認しました。',
  'csps.submit.ack.charge':
    '最低利用期間に満たない場合、残りの期間の月額料金がまとめて請求されることを確認しました（今回の見込みは残り{application.cancellation.minimumTerm.billingsRemaining}回分、{application.cancellation.minimumTermCharge.amount|yen}。標準価格による目安の金額です）。',
  'csps.submit.ack.no-term':
    'このご契約には最低利用期間がないため、最低利用期間に関する残りの月額料金のまとめての請求はないことを確認しました。',
  'csps.submit.final':
    'ご契約 {contract.contractNumber} の解約を申し込みます。お申込番号「{application.applicationNumber}」を解約します。よろしいですか？',
  'csps.submit.confirm': '解約を申し込む',
  'csps.done.summary': '解約のお申込を承りました。',
  'csps.done':
    'お申込の状態が「{verified.statusLabel}」になったことを確認しました。お申込番号は「{verified.applicationNumber}」です。詳細はご登録のメールアドレスにお送りしますので、ご確認ください。',
  'csps.not-accepted':
    'お申込番号「{application.applicationNumber}」の送信は完了しましたが、現在の状態が「{verified.statusLabel}」と表示されており、受付を確認できませんでした。お手数ですが、お問い合わせ窓口にご確認ください。',
  'csps.submitted-unverified':
    '解約のお申込を承りました（お申込番号「{application.applicationNumber}」）。ただ、その後の状態の確認ができませんでした。詳細はご登録のメールアドレスにお送りしますので、ご確認ください。',
  'csps.discarded':
    '解約のお申込は行っていません。このチャットで作成したお申込番号「{application.applicationNumber}」の下書き（解約お申込作成中）を取り消し、ご契約 {contract.contractNumber} のステータスが「{contractAfter.statusLabel}」に戻ったことを確認しました。改めて解約をお申し込みいただくこともできます。',
  'csps.discarded-unverified':
    '解約のお申込は行っていません。このチャットで作成したお申込番号「{application.applicationNumber}」の下書きは取り消しましたが、ご契約の状態が「サービス開始」に戻ったことを確認できませんでした。',
  'csps.down.after-withdrawal':
    '申し訳ありません。ただいまお手続きを続けられません。お申込番号「{blockingDraft.applicationNumber}」の取り消しは完了していますが、解約のお申込はまだ行っていません。しばらくしてからもう一度お試しください。',
  'csps.down.nothing-changed':
    '申し訳ありません。ただいまお手続きを続けられません。何も変更していません。しばらくしてからもう一度お試しいただくか、お問い合わせ窓口にご相談ください。',
  'csps.contact': 'お問い合わせ先は次のとおりです。',
  'csps.end.referred': 'このチャットでは何も変更していません。',
  'csps.end.no-change': '何も変更していません。ほかにお手伝いできることがあればお知らせください。',
  'csps.fact.contract': '契約番号',
  'csps.fact.application': 'お申込番号',
  'csps.fact.status': 'ステータス',
  'csps.fact.created-by': '作成者',
  'csps.fact.applied-on': 'お申込日',
  'csps.fact.effective': '解約日（サービス最終日）',
  'csps.fact.minimum-term': '最低利用期間',
  'csps.fact.remaining': '最低利用期間までの残りの請求回数',
  'csps.fact.charge': 'まとめて請求される金額（目安）',
  'csps.fact.domain': 'ドメインの扱い',
  'csps.fact.desired-month': '解約希望月',
  'csps.fact.reason': '解約理由',
  'csps.fact.earliest-month': '最短の解約月',
  'csps.fact.deadline': 'その月のお申込期限（当方の計算による目安）',
  'csps.term.none': 'なし',
  'csps.term.met': '{months}か月（経過しています）',
  'csps.term.not-met': '{months}か月（まだ経過していません）',
  'csps.term.remaining': '{billingsRemaining}回',
  'csps.charge.estimate-note': '（標準価格による目安の金額です）',
  'csps.by.customer': 'お客様',
  'csps.by.partner': 'パートナー（販売店）',
  'csps.status.draft': '作成中',
  'csps.status.service-started': 'サービス開始',
  'csps.status.change-draft': '変更お申込作成中',
  'csps.status.partner-draft': 'パートナー作成中',
  'csps.status.cancellation-draft': '解約お申込作成中',
  'csps.status.cancellation-accepted': '解約お申込受付中',
} as const;

const en: Record<keyof typeof ja, string> = {
  'csps.title': 'Cancel a cloud service contract',
  'csps.not-verified':
    'We could not confirm your identity, so the cancellation cannot go ahead. Nothing has been changed.',
  'csps.no-contracts':
    'We found no contracts for this e-mail address. Your contracts may be under another address. Nothing has been changed.',
  'csps.pick.prompt':
    'Here are your contracts on the cloud service portal. Which one would you like to cancel? (You can also type the contract number.)',
  'csps.pick.reprompt': 'Please choose by number, or type the contract number (e.g. HMAO061322).',
  'csps.pick.option': '{contractNumber} | {service} | {status}',
  'csps.pick.not-listed': 'It is not listed',
  'csps.not-listed':
    'A contract that is not listed cannot be handled in this chat. Please contact the desk below.',
  'csps.nvs':
    'NVS cloud contracts (e.g. VisualStage) are cancelled by a separate procedure (the cancellation guide split the NVS steps out in ver.2.0), which this chat cannot handle. The guide names no contact for NVS; below are the desks it does name (whether they handle NVS, the guide does not say).',
  'csps.already':
    'A cancellation of this contract has already been accepted (解約お申込受付中). There is nothing more to do.',
  'csps.blocked-other':
    "This contract has an application in progress, such as one drafted by your partner (dealer), so it cannot be cancelled right now. The guide's withdrawal steps cover only change drafts (変更お申込作成中), so our reading is that you cannot withdraw this application yourself (the guide does not say so explicitly). Please ask the partner who drafted it, or the desk below.",
  'csps.blocking.prompt':
    'This contract has an application in progress, so it cannot be cancelled as it is. If it was created by mistake, you can withdraw it and then continue with the cancellation. Withdraw it?',
  'csps.blocking.reprompt': 'Please answer "withdraw" or "keep".',
  'csps.blocking.withdraw': 'Withdraw application {applicationNumber}',
  'csps.blocking.keep': 'Keep it (stop here)',
  'csps.blocking.kept':
    'The application has been kept and nothing has been changed. To cancel later, please complete or withdraw that application first.',
  'csps.withdraw.intro':
    'Withdrawing application {blockingDraft.applicationNumber} ({blockingDraft.statusLabel}).',
  'csps.withdraw.ack':
    'I understand that this application and everything entered in it will be deleted for good.',
  'csps.withdraw.final':
    'Withdraw application {blockingDraft.applicationNumber} ({blockingDraft.statusLabel})?',
  'csps.withdraw.confirm': 'Withdraw',
  'csps.withdrawn':
    'Application {blockingDraft.applicationNumber} has been withdrawn. We checked that contract {contract.contractNumber} is back to "{contract.statusLabel}". Let us continue with the cancellation.',
  'csps.reason.prompt': 'Why are you cancelling? If none of these fits, choose "Other" and type it.',
  'csps.reason.reprompt': 'Please choose by number.',
  'csps.reason.cost': 'To reduce costs',
  'csps.reason.switch': 'Switching to another service',
  'csps.reason.unused': 'We no longer use the service',
  'csps.reason.other': 'Other (type it)',
  'csps.reason.text': 'Please type the reason for cancelling (up to 1,000 characters).',
  'csps.reason.text.reprompt': 'Please type the reason in 1,000 characters or fewer.',
  'csps.domain.prompt':
    'For type-M / W / D contracts, please choose what happens to your domain. Which would you like?',
  'csps.domain.reprompt': 'Please choose "transfer to another provider" or "abolish".',
  'csps.domain.transfer': 'Transfer the domain to another provider',
  'csps.domain.abolish': 'Abolish the domain',
  'csps.month.prompt':
    'Therefore Online must be applied for "35 days before the desired cancellation month". Counting 35 days back from the 1st of that month (our reading), the earliest is the end of {quote.therefore.earliestMonth|month} (estimate). Which month would you like?',
  'csps.month.reprompt': 'Please choose by number, or type a month such as "2027-01".',
  'csps.month.option': 'End of {month|month}',
  'csps.month.option.earliest': 'End of {month|month} (earliest)',
  'csps.draft-uncertain':
    'We could not confirm whether the cancellation application was created (the application list could not be read either). The cancellation has not been submitted, but a draft (解約お申込作成中) may exist; while it exists, a new cancellation cannot be applied for. Please check the application list on the portal in a while and withdraw the draft if there is one, or contact the desk below.',
  'csps.draft-not-created':
    'We received no answer when creating the cancellation application, but the application list shows that no draft was created. Nothing has been applied for and nothing has changed. Please try again in a while.',
  'csps.disclose.intro':
    'Cancelling contract {contract.contractNumber} ({contract.serviceName}) means the following. Please check it before the cancellation application (a draft) is created. Amounts are estimates based on standard prices. Create the cancellation application (a draft) for contract {contract.contractNumber} with these details and go to the final confirmation? (Nothing is cancelled yet. You confirm each point at the final confirmation, which names the application number; if you then answer "stop", the draft is withdrawn.)',
  'csps.disclose.reprompt': 'Please answer "Create the draft and go to the final confirmation" or "Stop".',
  'csps.disclose.termination':
    'The service ends on {quote.effectiveDate|date} and cannot be used after that.',
  'csps.disclose.charge':
    'If the minimum usage period is not reached, the remaining monthly charges are billed together (estimated here: {quote.minimumTerm.billingsRemaining} billings, {quote.minimumTermCharge.amount|yen}, based on standard prices).',
  'csps.disclose.no-term':
    'This contract has no minimum usage period, so no remaining monthly charges are billed for one.',
  'csps.disclose.confirm': 'Create the draft and go to the final confirmation',
  'csps.disclose.stop': 'Stop (nothing changes)',
  'csps.draft-not-withdrawn':
    'The cancellation has not been submitted (nothing is cancelled). However, we could not confirm that draft application {application.applicationNumber} (解約お申込作成中), created in this chat, was withdrawn. While a draft exists, a new cancellation cannot be applied for. Please withdraw it from the application list on the portal, or contact the desk below.',
  'csps.submit.intro':
    'The cancellation of contract {contract.contractNumber} ({contract.serviceName}) has been prepared as draft application {application.applicationNumber} ({application.statusLabel}). Nothing is cancelled yet. Please check the details. Amounts are estimates based on standard prices.',
  'csps.submit.ack.termination':
    'I understand that the service ends on {application.cancellation.effectiveDate|date} and cannot be used after that.',
  'csps.submit.ack.charge':
    'I understand that if the minimum usage period is not reached, the remaining monthly charges are billed together (estimated here: {application.cancellation.minimumTerm.billingsRemaining} billings, {application.cancellation.minimumTermCharge.amount|yen}, based on standard prices).',
  'csps.submit.ack.no-term':
    'I understand that this contract has no minimum usage period, so no remaining monthly charges are billed for one.',
  'csps.submit.final':
    'Cancel contract {contract.contractNumber} by submitting application {application.applicationNumber}?',
  'csps.submit.confirm': 'Submit the cancellation',
  'csps.done.summary': 'Your cancellation application has been accepted.',
  'csps.done':
    'We checked that its status is now "{verified.statusLabel}" (cancellation accepted). Your application number is {verified.applicationNumber}. An e-mail with the details will be sent to your registered address.',
  'csps.not-accepted':
    'Application {application.applicationNumber} was sent, but its status shows "{verified.statusLabel}", so we could not confirm it was accepted. Please check with the desk below.',
  'csps.submitted-unverified':
    'Your cancellation application {application.applicationNumber} has been accepted, but we could not check its status afterwards. An e-mail with the details will be sent to your registered address.',
  'csps.discarded':
    'Nothing has been applied for. Draft application {application.applicationNumber} (解約お申込作成中), created in this chat, has been withdrawn, and we checked that contract {contract.contractNumber} is back to "{contractAfter.statusLabel}". You can apply for the cancellation again at any time.',
  'csps.discarded-unverified':
    'Nothing has been applied for. Draft application {application.applicationNumber}, created in this chat, has been withdrawn, but we could not confirm that the contract is back to "service started" (サービス開始).',
  'csps.down.after-withdrawal':
    'Sorry, the procedure cannot continue right now. Application {blockingDraft.applicationNumber} has been withdrawn, but the cancellation has not been applied for. Please try again later.',
  'csps.down.nothing-changed':
    'Sorry, the procedure cannot continue right now. Nothing has been changed. Please try again later, or contact the support desk.',
  'csps.contact': 'Here is whom to contact.',
  'csps.end.referred': 'Nothing has been changed in this chat.',
  'csps.end.no-change': 'Nothing has been changed. Let me know if I can help with anything else.',
  'csps.fact.contract': 'Contract number',
  'csps.fact.application': 'Application number',
  'csps.fact.status': 'Status',
  'csps.fact.created-by': 'Created by',
  'csps.fact.applied-on': 'Applied on',
  'csps.fact.effective': 'Cancellation date (last day of service)',
  'csps.fact.minimum-term': 'Minimum usage period',
  'csps.fact.remaining': 'Billings remaining in the minimum period',
  'csps.fact.charge': 'Amount billed together (estimate)',
  'csps.fact.domain': 'Domain',
  'csps.fact.desired-month': 'Desired month',
  'csps.fact.reason': 'Reason',
  'csps.fact.earliest-month': 'Earliest month',
  'csps.fact.deadline': 'Deadline to apply for it (our estimate)',
  'csps.term.none': 'None',
  'csps.term.met': '{months} months (reached)',
  'csps.term.not-met': '{months} months (not reached yet)',
  'csps.term.remaining': '{billingsRemaining}',
  'csps.charge.estimate-note': ' (estimate based on standard prices)',
  'csps.by.customer': 'You',
  'csps.by.partner': 'Partner (dealer)',
  'csps.status.draft': 'Draft (作成中)',
  'csps.status.service-started': 'Service started (サービス開始)',
  'csps.status.change-draft': 'Change being drafted (変更お申込作成中)',
  'csps.status.partner-draft': 'Drafted by partner (パートナー作成中)',
  'csps.status.cancellation-draft': 'Cancellation being drafted (解約お申込作成中)',
  'csps.status.cancellation-accepted': 'Cancellation accepted (解約お申込受付中)',
};

export const cspsMessages: Catalogs = { ja, en };
