/** Messages of the みえますねっと annual-pack dialogs (device deletion, withdrawal); keys start with `miemasu.`. */
import type { Catalogs } from '../../src/engine/text/catalog.js';

/** 機器の交換 (device exchange), the right procedure for moving a licence to another device. */
export const MIEMASU_EXCHANGE_URL = 'https://panasonic.biz/cns/miemasu/guide/exchange01.html';

export const miemasuMessages: Catalogs = {
  ja: {
    'miemasu.not-verified': 'ご本人確認ができなかったため、お手続きを進められません。何も変更していません。',
    'miemasu.no-account':
      'みえますねっとのご契約が見つかりませんでした（すでに退会済みの場合も含みます）。何も変更していません。',
    'miemasu.down':
      'ただいまシステムに接続できません。何も変更していません。しばらくしてからもう一度お試しください。',
    'miemasu.not-now': '何も変更していません。しばらくしてからもう一度お試しください。',
    'miemasu.nothing-changed': '承知しました。何も変更していません。',
    'miemasu.choice.quit': 'やめる（何も変更しません）',
    'miemasu.device.option': '{name}（{domainName}／有効期限 {licenseExpiresOn|date}）',
    'miemasu.device.row': '{domainName}／ライセンス有効期限 {licenseExpiresOn|date}',

    'miemasu.monthly.title': '月額支払いのご案内',
    'miemasu.monthly.explain':
      'お客様のご契約は月額支払いのため、このお手続き（年間パックの機器削除・退会）の対象ではありません。月額支払いの場合は手続きが異なりますので、担当者にご相談ください。何も変更していません。',
    'miemasu.monthly.reprompt': 'ボタンでお選びください。',
    'miemasu.monthly.person': '担当者の連絡先を見る',
    'miemasu.monthly.finish': '終了する',
    'miemasu.monthly.handoff': '月額支払いのお手続きについて、担当者の連絡先をご案内します。',
    'miemasu.monthly.done': 'ご利用ありがとうございました。何も変更していません。',

    'miemasu.delete.title': '機器の削除（解約）',
    'miemasu.delete.no-devices': '現在、みえますねっとに登録されている機器はありません。',
    'miemasu.delete.pick': '削除（解約）する機器をお選びください。',
    'miemasu.delete.pick.reprompt': '一覧の機器名でお選びください。',
    'miemasu.delete.purpose':
      '「{device.name}」のライセンスを別の機器（新しいカメラなど）に移したいのでしょうか？その場合は削除ではなく「機器の交換」のお手続きになります。削除すると、このライセンスは別の機器に使えなくなります。',
    'miemasu.delete.purpose.reprompt': 'ボタンでお選びください。',
    'miemasu.delete.purpose.exchange': 'ライセンスを別の機器に移したい（機器の交換）',
    'miemasu.delete.purpose.delete': 'この機器を削除（解約）したい',
    'miemasu.delete.exchange': `ライセンスを別の機器に移す場合は「機器の交換」を行ってください。手順は「みえますねっと」WEBサイトの「機器の交換」（${MIEMASU_EXCHANGE_URL}）でご案内しています。「{device.name}」は削除していません。何も変更していません。`,
    'miemasu.delete.others-remain': 'ほかに登録されている機器はそのままです。',
    'miemasu.delete.last-deleted': '登録されている機器はこれですべて削除されました。',
    'miemasu.delete.offer-withdraw':
      '機器が登録されていない状態でも、年間パックのご契約（契約者情報）は残っています。続けて「みえますねっと年間パック」の退会手続きをしますか？',
    'miemasu.delete.offer-withdraw.reprompt': 'ボタンでお選びください。',
    'miemasu.delete.offer-withdraw.yes': '年間パックを退会する',
    'miemasu.delete.offer-withdraw.no': '退会しない',
    'miemasu.delete.keep-pack':
      '承知しました。年間パックの退会は行っていません（契約者情報はそのままです）。',

    'miemasu.delete-one.title': '機器の削除の確認',
    'miemasu.delete.intro':
      '「{device.name}」（{device.domainName}）を削除（解約）する前に、次の内容をご確認ください。削除すると元に戻せません。',
    'miemasu.delete.fact.name': '機器名',
    'miemasu.delete.fact.domain': 'ドメイン名',
    'miemasu.delete.fact.expiry': 'ライセンス有効期限',
    'miemasu.delete.fact.days-left': 'ライセンスの残り期間',
    'miemasu.delete.fact.days-left.value': 'あと{days}日（払い戻しはありません）',
    'miemasu.delete.ack.no-refund':
      'ライセンスの有効期間中に削除（解約）しても、残りの期間の払い戻しはありません。',
    'miemasu.delete.ack.license-forfeit':
      'このライセンスで別の機器を登録することはできません。有効期限が残っていても、ライセンスキーは再利用できません。',
    'miemasu.delete.ack.data-loss':
      '機器の設定、通知情報、録画データなどが削除されます。もう一度機器を登録しても、データは元に戻りません。',
    'miemasu.delete.final': '「{device.name}」（{device.domainName}）を削除（解約）します。よろしいですか？',
    'miemasu.delete.confirm-label': '削除する',
    'miemasu.delete.done':
      '「{device.name}」（{device.domainName}）を削除（解約）しました。機器一覧から「{device.name}」がなくなったことを確認しました。',
    'miemasu.delete.still-listed':
      '削除の処理は受け付けられましたが、機器一覧にまだ「{device.name}」が表示されています。お手数ですが、担当者にご確認ください。',
    'miemasu.delete.unverified':
      '「{device.name}」の削除を受け付けました。ただ、いま機器一覧を確認できませんでした。しばらくしてから機器一覧をご確認ください。',
    'miemasu.delete.gone': '「{device.name}」はすでに登録されていませんでした。何も変更していません。',
    'miemasu.delete.monthly-refused':
      'お客様のご契約は月額支払いのため、このお手続きでは機器を削除できません。何も変更していません。担当者にご相談ください。',
    'miemasu.delete.failed':
      '「{device.name}」を削除できませんでした。機器は削除されていません。お手数ですが、担当者にご相談ください。',
    'miemasu.delete.cancelled': '「{device.name}」の削除を取りやめました。何も変更していません。',

    'miemasu.withdraw.title': '年間パックの退会',
    'miemasu.withdraw.devices-remain':
      '退会の前に、登録されているすべての機器を削除（解約）する必要があります。まだ次の機器が登録されています。削除する機器をお選びください（1台ずつ確認してから削除します）。',
    'miemasu.withdraw.devices-remain.reprompt':
      '削除する機器を一覧からお選びいただくか、「退会をやめる」をお選びください。',
    'miemasu.withdraw.quit': '退会をやめる',
    'miemasu.withdraw.stopped': '退会の手続きを中止しました。年間パックの退会は行っていません。',
    'miemasu.withdraw.intro':
      '「みえますねっと年間パック」を退会する前に、次の内容をご確認ください。退会すると元に戻せません。',
    'miemasu.withdraw.fact.customer': 'お客様番号',
    'miemasu.withdraw.fact.plan': 'ご契約',
    'miemasu.withdraw.fact.plan.value': 'みえますねっと年間パック',
    'miemasu.withdraw.fact.devices': '登録されている機器',
    'miemasu.withdraw.fact.devices.value': 'なし（すべて削除済み）',
    'miemasu.withdraw.fact.deleted': '削除される情報',
    'miemasu.withdraw.fact.deleted.value': '登録した契約者情報のすべて',
    'miemasu.withdraw.ack.account-deletion':
      '退会すると、登録した契約者情報はすべて削除されます。元に戻すことはできません。',
    'miemasu.withdraw.final':
      'お客様番号 {account.customerId} の「みえますねっと年間パック」を退会します。よろしいですか？',
    'miemasu.withdraw.confirm-label': '退会する',
    'miemasu.withdraw.typed': '退会します',
    'miemasu.withdraw.kept':
      '退会を取りやめました。年間パックの退会は行っていません（契約者情報はそのままです）。',
    'miemasu.withdraw.devices-appeared':
      'まだ登録されている機器があるため、退会できませんでした。退会は行っていません。機器一覧をもう一度確認します。',
    'miemasu.withdraw.failed':
      '退会の手続きを完了できませんでした。退会は行われていません。お手数ですが、担当者にご相談ください。',
    'miemasu.withdraw.done':
      '退会処理完了：「みえますねっと年間パック」の退会が完了しました。契約者情報はすべて削除されました。',
    'miemasu.withdraw.fact.withdrawn-at': '退会日',
    'miemasu.withdraw.done.next': 'これまでのご利用、ありがとうございました。',
    'miemasu.withdraw.still-there':
      '退会の処理は受け付けられましたが、ご契約がまだ残っているように見えます。お手数ですが、担当者にご確認ください。',
    'miemasu.withdraw.unverified':
      '退会の処理を受け付けました。ただ、いま結果を確認できませんでした。しばらくしてから状況をご確認いただくか、担当者にご相談ください。',
  },
  en: {
    'miemasu.not-verified':
      'We could not confirm your identity, so the procedure cannot continue. Nothing has been changed.',
    'miemasu.no-account':
      'We could not find a Miemasu-net contract for you (this includes accounts already withdrawn). Nothing has been changed.',
    'miemasu.down':
      'The system cannot be reached right now. Nothing has been changed. Please try again later.',
    'miemasu.not-now': 'Nothing has been changed. Please try again later.',
    'miemasu.nothing-changed': 'All right. Nothing has been changed.',
    'miemasu.choice.quit': 'Stop (change nothing)',
    'miemasu.device.option': '{name} ({domainName}, licence until {licenseExpiresOn|date})',
    'miemasu.device.row': '{domainName}, licence until {licenseExpiresOn|date}',

    'miemasu.monthly.title': 'Monthly payment',
    'miemasu.monthly.explain':
      'Your contract is paid monthly, so this procedure (deleting devices from and withdrawing from the annual pack) does not apply to you. The monthly-payment procedure is different: please talk to a person. Nothing has been changed.',
    'miemasu.monthly.reprompt': 'Please choose a button.',
    'miemasu.monthly.person': 'See how to reach a person',
    'miemasu.monthly.finish': 'Finish',
    'miemasu.monthly.handoff': 'Here is how to reach a person about the monthly-payment procedure.',
    'miemasu.monthly.done': 'Thank you. Nothing has been changed.',

    'miemasu.delete.title': 'Delete (cancel) a device',
    'miemasu.delete.no-devices': 'No device is registered to your Miemasu-net account at the moment.',
    'miemasu.delete.pick': 'Which device should be deleted (cancelled)?',
    'miemasu.delete.pick.reprompt': 'Please choose a device name from the list.',
    'miemasu.delete.purpose':
      'Do you want to move the licence of "{device.name}" to another device (such as a new camera)? That is done by "device exchange", not by deletion. Once deleted, this licence cannot be used for another device.',
    'miemasu.delete.purpose.reprompt': 'Please choose a button.',
    'miemasu.delete.purpose.exchange': 'Move the licence to another device (device exchange)',
    'miemasu.delete.purpose.delete': 'Delete (cancel) this device',
    'miemasu.delete.exchange': `To move a licence to another device, use "device exchange" (機器の交換). The steps are on the Miemasu-net website: ${MIEMASU_EXCHANGE_URL}. "{device.name}" has not been deleted. Nothing has been changed.`,
    'miemasu.delete.others-remain': 'Your other registered devices are unchanged.',
    'miemasu.delete.last-deleted': 'All your registered devices have now been deleted.',
    'miemasu.delete.offer-withdraw':
      'Your annual-pack contract (contractor information) remains even with no device registered. Would you like to withdraw from the Miemasu-net annual pack now?',
    'miemasu.delete.offer-withdraw.reprompt': 'Please choose a button.',
    'miemasu.delete.offer-withdraw.yes': 'Withdraw from the annual pack',
    'miemasu.delete.offer-withdraw.no': 'Do not withdraw',
    'miemasu.delete.keep-pack':
      'All right. You have not withdrawn from the annual pack (your contractor information is kept).',

    'miemasu.delete-one.title': 'Confirm the device deletion',
    'miemasu.delete.intro':
      'Before deleting (cancelling) "{device.name}" ({device.domainName}), please check the following. Deletion cannot be undone.',
    'miemasu.delete.fact.name': 'Device',
    'miemasu.delete.fact.domain': 'Domain name',
    'miemasu.delete.fact.expiry': 'Licence valid until',
    'miemasu.delete.fact.days-left': 'Licence time left',
    'miemasu.delete.fact.days-left.value': '{days} days (not refunded)',
    'miemasu.delete.ack.no-refund':
      'Deleting (cancelling) while the licence is valid does not refund the remaining period.',
    'miemasu.delete.ack.license-forfeit':
      'This licence cannot be used to register another device, and the licence key can never be reused, even with time left.',
    'miemasu.delete.ack.data-loss':
      'The device settings, notification information and recordings are deleted. Registering the device again does not bring them back.',
    'miemasu.delete.final': 'Delete (cancel) "{device.name}" ({device.domainName})?',
    'miemasu.delete.confirm-label': 'Delete',
    'miemasu.delete.done':
      '"{device.name}" ({device.domainName}) has been deleted (cancelled). We checked that it is no longer in your device list.',
    'miemasu.delete.still-listed':
      'The deletion was accepted, but "{device.name}" still appears in your device list. Please check with a person.',
    'miemasu.delete.unverified':
      'The deletion of "{device.name}" was accepted, but we could not read your device list just now. Please check the device list later.',
    'miemasu.delete.gone': '"{device.name}" was no longer registered. Nothing has been changed.',
    'miemasu.delete.monthly-refused':
      'Your contract is paid monthly, so devices cannot be deleted with this procedure. Nothing has been changed. Please talk to a person.',
    'miemasu.delete.failed':
      '"{device.name}" could not be deleted. The device has not been deleted. Please talk to a person.',
    'miemasu.delete.cancelled': 'Deletion of "{device.name}" cancelled. Nothing has been changed.',

    'miemasu.withdraw.title': 'Withdraw from the annual pack',
    'miemasu.withdraw.devices-remain':
      'Before withdrawing, every registered device must be deleted (cancelled). These devices are still registered. Choose one to delete (each is confirmed before it is deleted).',
    'miemasu.withdraw.devices-remain.reprompt':
      'Please choose a device from the list, or "Stop withdrawing".',
    'miemasu.withdraw.quit': 'Stop withdrawing',
    'miemasu.withdraw.stopped': 'Withdrawal stopped. You have not withdrawn from the annual pack.',
    'miemasu.withdraw.intro':
      'Before withdrawing from the Miemasu-net annual pack, please check the following. Withdrawal cannot be undone.',
    'miemasu.withdraw.fact.customer': 'Customer number',
    'miemasu.withdraw.fact.plan': 'Contract',
    'miemasu.withdraw.fact.plan.value': 'Miemasu-net annual pack',
    'miemasu.withdraw.fact.devices': 'Registered devices',
    'miemasu.withdraw.fact.devices.value': 'None (all deleted)',
    'miemasu.withdraw.fact.deleted': 'Information deleted',
    'miemasu.withdraw.fact.deleted.value': 'All the contractor information you registered',
    'miemasu.withdraw.ack.account-deletion':
      'Withdrawing deletes all the contractor information you registered. It cannot be restored.',
    'miemasu.withdraw.final': 'Withdraw customer {account.customerId} from the Miemasu-net annual pack?',
    'miemasu.withdraw.confirm-label': 'Withdraw',
    'miemasu.withdraw.typed': 'WITHDRAW',
    'miemasu.withdraw.kept':
      'Withdrawal cancelled. You have not withdrawn (your contractor information is kept).',
    'miemasu.withdraw.devices-appeared':
      'A device is still registered, so the withdrawal was not made. Let me check the device list again.',
    'miemasu.withdraw.failed':
      'The withdrawal could not be completed. You have not been withdrawn. Please talk to a person.',
    'miemasu.withdraw.done':
      'Withdrawal complete (退会処理完了): you have withdrawn from the Miemasu-net annual pack. All contractor information has been deleted.',
    'miemasu.withdraw.fact.withdrawn-at': 'Withdrawn on',
    'miemasu.withdraw.done.next': 'Thank you for using Miemasu-net.',
    'miemasu.withdraw.still-there':
      'The withdrawal was accepted, but your contract still seems to exist. Please check with a person.',
    'miemasu.withdraw.unverified':
      'The withdrawal was accepted, but we could not check the result just now. Please check later or talk to a person.',
  },
};
