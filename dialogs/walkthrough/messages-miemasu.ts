/**
 * Messages of the みえますねっと walkthroughs, faithful to the customer guide (seed 000): step numbers, button
 * names ([設定], [詳細], [機器削除(機器の解約)], [契約者情報設定], [退会手続き]) and URLs as the source writes them.
 */
import type { Catalogs } from '../../src/engine/text/catalog.js';

export const MIEMASU_LOGIN_URL = 'https://www.miemasu.net';
export const MIEMASU_PASSWORD_RESET_URL = 'https://panasonic.biz/cns/miemasu/support/operation/1-3.html';
export const MIEMASU_EXCHANGE_GUIDE_URL = 'https://panasonic.biz/cns/miemasu/guide/exchange01.html';

const LOGIN = MIEMASU_LOGIN_URL;
const RESET = MIEMASU_PASSWORD_RESET_URL;
const EXCHANGE = MIEMASU_EXCHANGE_GUIDE_URL;

const howToJa =
  '各手順が終わったら「次へ」、うまくいかないときは「できない」を押してください。前の手順に戻るときは「戻る」と入力してください。';
const howToEn =
  'When you have done a step, press "Next"; if it does not work, press "I can\'t". To go back a step, type "back".';

export const miemasuWalkthroughMessages: Catalogs = {
  ja: {
    'walkthrough.miemasu.step1': `STEP1\nパソコンのブラウザーで「みえますねっと」のログインサイト ${LOGIN} にアクセスします。\n※ログインはパソコンから行ってください。スマートフォン/タブレットからはログインできません。`,
    'walkthrough.miemasu.step1.trouble': `スマートフォン/タブレットからはログインできません。お手数ですが、パソコンのブラウザーで「みえますねっと」のログインサイト ${LOGIN} にアクセスしてください（アドレスに入力間違いがないかもご確認ください）。`,
    'walkthrough.miemasu.step2': `STEP2\n「Eメールアドレス」入力欄と「パスワード」入力欄に、「みえますねっと」に登録しているEメールアドレスとログインパスワードを入力し、「ログイン」ボタンをクリックします。\n・「Eメールアドレスを記憶する」のチェックボックスにチェックを入れると、次回ログインするときにEメールアドレスの入力が不要になります。\n・ログインパスワードを忘れた場合は、「パスワードを忘れた方はこちら」をクリックし、画面に従って再設定してください。詳しくは ${RESET} をお読みください。\n※パスワードはこのチャットには入力しないでください。`,
    'walkthrough.miemasu.step2.trouble': `ログインパスワードを忘れた場合は、ログイン画面の「パスワードを忘れた方はこちら」をクリックし、画面に従って再設定してください。詳しくは ${RESET} をお読みください。\nEメールアドレスは「みえますねっと」に登録しているものを入力してください。ログインはパソコンから行ってください。スマートフォン/タブレットからはログインできません。`,
    'walkthrough.miemasu.step3': 'STEP3\nメニューバーの[設定]ボタンをクリックします。',
    'walkthrough.miemasu.step3.trouble':
      '[設定]ボタンは、ログイン後に表示されるメニューバーにあります。ご使用の機器やネットワークの環境によって、画面表示が異なる場合があります。見つからない場合は、STEP1からもう一度操作してください。',

    'walkthrough.miemasu-delete.title': '機器の削除(解約)の手順（ご自身で操作）',
    'walkthrough.miemasu-delete.intro': `「みえますねっと年間パック」で登録している機器を削除(解約)する手順を、1つずつご案内します。操作はお客様ご自身で「みえますねっと」のサイトから行っていただきます。このチャットでは何も変更しません。\n（月額支払いで利用する「みえますねっと」の説明ではありませんので、ご注意ください。）\nお知らせ\n●ライセンスの有効期間中に解約(機器を削除)した場合の払い戻しは行いません。\n●機器を削除したライセンスを使って別の機器を登録することはできません。使用中のライセンスを別の機器に付与する場合は、登録済みの機器を削除するのではなく、「機器の交換」を行ってください。詳しくは「機器の交換」${EXCHANGE} をお読みください。\n●ご使用の機器やネットワークの環境によって、画面表示が異なる場合があります。\n${howToJa}`,
    'walkthrough.miemasu-delete.step4': 'STEP4\n削除する機器の[詳細]ボタンをクリックします。',
    'walkthrough.miemasu-delete.step4.trouble': `削除する機器が一覧に見当たらない場合は、すでに削除されているか、別のEメールアドレスで登録されている可能性があります。ログインしたEメールアドレスをご確認ください。\nライセンスを別の機器に移したい場合は、削除ではなく「機器の交換」を行ってください。詳しくは ${EXCHANGE} をお読みください。`,
    'walkthrough.miemasu-delete.step5': 'STEP5\n[機器削除(機器の解約)]ボタンをクリックします。',
    'walkthrough.miemasu-delete.step5.trouble':
      '[機器削除(機器の解約)]ボタンは、STEP4で[詳細]ボタンをクリックした機器の画面にあります。ご使用の機器やネットワークの環境によって、画面表示が異なる場合があります。見つからない場合は、STEP4で削除する機器の[詳細]ボタンをもう一度クリックしてください。',
    'walkthrough.miemasu-delete.step6':
      'STEP6\n表示内容を確認し、チェックボックスにチェックを入れて[削除]ボタンをクリックします。\n・機器の削除(解約)を行わない場合は、[キャンセル]ボタンをクリックします。\n画面に表示される機器名とドメイン名が、削除する機器のものであることもご確認ください。削除する前に、次の内容をお読みください。',
    'walkthrough.miemasu-delete.fact.refund.label': '払い戻し',
    'walkthrough.miemasu-delete.fact.refund':
      'ライセンスの有効期間中に解約(機器を削除)した場合の払い戻しは行いません。',
    'walkthrough.miemasu-delete.fact.license.label': 'ライセンスキー',
    'walkthrough.miemasu-delete.fact.license':
      'ライセンスの有効期限が残っている場合でもライセンスキーを再利用することができません。',
    'walkthrough.miemasu-delete.fact.data.label': '機器のデータ',
    'walkthrough.miemasu-delete.fact.data':
      '機器の設定や通知情報、録画データ等が削除されます。再度、機器登録を行った場合でもデータを引き継ぐことはできません。',
    'walkthrough.miemasu-delete.fact.exchange.label': 'ライセンスを別の機器に移す場合',
    'walkthrough.miemasu-delete.fact.exchange': `削除ではなく「機器の交換」を行ってください（${EXCHANGE}）。`,
    'walkthrough.miemasu-delete.step6.trouble': `チェックボックスにチェックを入れてから[削除]ボタンをクリックしてください。\n機器の削除(解約)を行わない場合は[キャンセル]ボタンをクリックしてください。機器は削除されず、そのまま残ります。\nライセンスを別の機器に移したい場合は、削除ではなく「機器の交換」を行ってください。詳しくは ${EXCHANGE} をお読みください。`,
    'walkthrough.miemasu-delete.step7':
      'STEP7\n「機器一覧」画面で、選択した機器が削除されていることを確認します。',
    'walkthrough.miemasu-delete.step7.trouble':
      '選択した機器が「機器一覧」画面に表示されたままの場合は、削除が完了していない可能性があります。STEP3からもう一度操作してください。',
    'walkthrough.miemasu-delete.done':
      '以上で機器の削除(解約)は完了です。\n「みえますねっと年間パック」から退会する場合は、登録しているすべての機器を削除(解約)したあと、「年間パックの退会」の手順に進んでください。\n（このチャットでは何も変更していません。削除はお客様がサイトで行った操作によるものです。）',

    'walkthrough.miemasu-withdraw.title': '「みえますねっと年間パック」の退会の手順（ご自身で操作）',
    'walkthrough.miemasu-withdraw.intro': `「みえますねっと年間パック」から退会する手順を、1つずつご案内します。操作はお客様ご自身で「みえますねっと」のサイトから行っていただきます。このチャットでは何も変更しません。\n退会すると登録した契約者情報はすべて削除されます。退会の前に、登録しているすべての機器を削除(解約)してください。\n${howToJa}`,
    'walkthrough.miemasu-withdraw.before':
      '退会の前に、登録しているすべての機器を削除(解約)してください。すべての機器の削除(解約)はお済みですか？',
    'walkthrough.miemasu-withdraw.before.all-deleted': 'すべて削除しました',
    'walkthrough.miemasu-withdraw.before.devices-remain': 'まだ機器が残っています',
    'walkthrough.miemasu-withdraw.before.trouble':
      '退会の前に、登録しているすべての機器を「登録している機器を削除(解約)する」の手順に従って削除(解約)してください。その手順もここでご案内できます。\nライセンスの有効期間中に解約(機器を削除)した場合の払い戻しは行いません。',
    'walkthrough.miemasu-withdraw.before.detour': '機器の削除(解約)の手順を見る',
    'walkthrough.miemasu-withdraw.step4': 'STEP4\n管理メニューの[契約者情報設定]ボタンをクリックします。',
    'walkthrough.miemasu-withdraw.step4.trouble':
      '[契約者情報設定]ボタンは、STEP3で[設定]ボタンをクリックしたあとに表示される管理メニューにあります。ご使用の機器やネットワークの環境によって、画面表示が異なる場合があります。',
    'walkthrough.miemasu-withdraw.step5': 'STEP5\n[退会手続き]ボタンをクリックします。',
    'walkthrough.miemasu-withdraw.step5.trouble':
      '[退会手続き]ボタンは、[契約者情報設定]ボタンをクリックしたあとの画面にあります。見つからない場合は、STEP3からもう一度操作してください。',
    'walkthrough.miemasu-withdraw.step6':
      'STEP6\n表示内容を確認し、チェックボックスにチェックを入れて[退会]ボタンをクリックします。\n[退会]ボタンをクリックする前に、次の内容をお読みください。',
    'walkthrough.miemasu-withdraw.fact.contractor.label': '契約者情報',
    'walkthrough.miemasu-withdraw.fact.contractor':
      '退会すると登録した契約者情報はすべて削除されます（元に戻すことはできません）。',
    'walkthrough.miemasu-withdraw.fact.devices.label': '登録している機器',
    'walkthrough.miemasu-withdraw.fact.devices':
      '退会の前に、すべての機器を削除(解約)しておく必要があります。',
    'walkthrough.miemasu-withdraw.step6.trouble':
      'チェックボックスにチェックを入れてから[退会]ボタンをクリックしてください。\n登録している機器が残っていないかもご確認ください。退会の前に、すべての機器を削除(解約)する必要があります。',
    'walkthrough.miemasu-withdraw.step7': 'STEP7\n「退会処理完了」画面が表示されます。',
    'walkthrough.miemasu-withdraw.step7.trouble':
      '「退会処理完了」画面が表示されない場合は、退会が完了していない可能性があります。STEP3からもう一度操作してください。',
    'walkthrough.miemasu-withdraw.done':
      '以上で退会は完了です。\n（このチャットでは何も変更していません。退会はお客様がサイトで行った操作によるものです。）',
  },
  en: {
    'walkthrough.miemasu.step1': `STEP 1\nIn a browser on a PC, open the Miemasu-net login site ${LOGIN}.\nNote: please log in from a PC. You cannot log in from a smartphone or tablet.`,
    'walkthrough.miemasu.step1.trouble': `You cannot log in from a smartphone or tablet. Please open the Miemasu-net login site ${LOGIN} in a browser on a PC (and check the address is typed correctly).`,
    'walkthrough.miemasu.step2': `STEP 2\nEnter the e-mail address and login password registered with Miemasu-net in the "E-mail address" and "Password" fields, then click the "Login" button.\n- If you tick "Remember e-mail address", you will not need to type it next time.\n- If you have forgotten your login password, click "Forgot your password?" (パスワードを忘れた方はこちら) and reset it as the screen shows. For details, see ${RESET}.\nNote: please never type your password into this chat.`,
    'walkthrough.miemasu.step2.trouble': `If you have forgotten your login password, click "Forgot your password?" (パスワードを忘れた方はこちら) on the login screen and reset it as the screen shows. For details, see ${RESET}.\nUse the e-mail address registered with Miemasu-net. Please log in from a PC: you cannot log in from a smartphone or tablet.`,
    'walkthrough.miemasu.step3': 'STEP 3\nClick the [設定] (Settings) button in the menu bar.',
    'walkthrough.miemasu.step3.trouble':
      'The [設定] (Settings) button is in the menu bar shown after you log in. The screens may look different depending on your device and network. If you cannot find it, start again from STEP 1.',

    'walkthrough.miemasu-delete.title': 'Deleting (cancelling) a device yourself',
    'walkthrough.miemasu-delete.intro': `I will guide you step by step through deleting (cancelling) a device registered on the Miemasu-net annual pack. You do this yourself on the Miemasu-net site; nothing is changed by this chat.\n(This is not for Miemasu-net paid monthly.)\nNotices\n- No refund is made when you cancel (delete a device) while its licence is valid.\n- A licence whose device was deleted cannot be used to register another device. To give a licence in use to another device, do not delete the registered device: use "device exchange" (機器の交換) instead. See ${EXCHANGE}.\n- The screens may look different depending on your device and network.\n${howToEn}`,
    'walkthrough.miemasu-delete.step4': 'STEP 4\nClick the [詳細] (Details) button of the device to delete.',
    'walkthrough.miemasu-delete.step4.trouble': `If the device is not in the list, it may already be deleted, or registered under another e-mail address. Please check the address you logged in with.\nTo move a licence to another device, use "device exchange" (機器の交換) instead of deleting. See ${EXCHANGE}.`,
    'walkthrough.miemasu-delete.step5':
      'STEP 5\nClick the [機器削除(機器の解約)] (Delete device / cancel device) button.',
    'walkthrough.miemasu-delete.step5.trouble':
      'The [機器削除(機器の解約)] button is on the screen of the device whose [詳細] button you clicked in STEP 4. The screens may look different depending on your device and network. If you cannot find it, click the [詳細] button of the device again (STEP 4).',
    'walkthrough.miemasu-delete.step6':
      'STEP 6\nRead what is shown, tick the checkbox and click the [削除] (Delete) button.\n- If you do not want to delete (cancel) the device, click the [キャンセル] (Cancel) button.\nAlso check that the device name and domain name shown are those of the device to delete. Before deleting, please read the following.',
    'walkthrough.miemasu-delete.fact.refund.label': 'Refund',
    'walkthrough.miemasu-delete.fact.refund':
      'No refund is made when you cancel (delete a device) while its licence is valid.',
    'walkthrough.miemasu-delete.fact.license.label': 'Licence key',
    'walkthrough.miemasu-delete.fact.license':
      'The licence key cannot be reused, even if the licence is still valid.',
    'walkthrough.miemasu-delete.fact.data.label': 'Device data',
    'walkthrough.miemasu-delete.fact.data':
      'The device settings, notification information, recorded data etc. are deleted. Registering the device again does not bring the data back.',
    'walkthrough.miemasu-delete.fact.exchange.label': 'Moving the licence to another device',
    'walkthrough.miemasu-delete.fact.exchange': `Use "device exchange" (機器の交換) instead of deleting (${EXCHANGE}).`,
    'walkthrough.miemasu-delete.step6.trouble': `Tick the checkbox first, then click the [削除] (Delete) button.\nIf you do not want to delete (cancel) the device, click [キャンセル] (Cancel): the device is not deleted.\nTo move a licence to another device, use "device exchange" (機器の交換) instead of deleting. See ${EXCHANGE}.`,
    'walkthrough.miemasu-delete.step7':
      'STEP 7\nOn the "機器一覧" (device list) screen, check that the device you chose has been deleted.',
    'walkthrough.miemasu-delete.step7.trouble':
      'If the device is still shown on the "機器一覧" (device list) screen, the deletion may not be complete. Please start again from STEP 3.',
    'walkthrough.miemasu-delete.done':
      'That completes deleting (cancelling) the device.\nTo withdraw from the Miemasu-net annual pack, delete (cancel) every registered device first, then follow "Withdrawing from the annual pack".\n(Nothing was changed by this chat: the deletion is what you did on the site.)',

    'walkthrough.miemasu-withdraw.title': 'Withdrawing from the Miemasu-net annual pack yourself',
    'walkthrough.miemasu-withdraw.intro': `I will guide you step by step through withdrawing from the Miemasu-net annual pack. You do this yourself on the Miemasu-net site; nothing is changed by this chat.\nWithdrawing deletes all the contractor information you registered. Before withdrawing, delete (cancel) every registered device.\n${howToEn}`,
    'walkthrough.miemasu-withdraw.before':
      'Before withdrawing, delete (cancel) every registered device. Have you deleted (cancelled) all your devices?',
    'walkthrough.miemasu-withdraw.before.all-deleted': 'All deleted',
    'walkthrough.miemasu-withdraw.before.devices-remain': 'Some devices remain',
    'walkthrough.miemasu-withdraw.before.trouble':
      'Before withdrawing, delete (cancel) every registered device following "Deleting (cancelling) a registered device". I can guide you through that here too.\nNo refund is made when you cancel (delete a device) while its licence is valid.',
    'walkthrough.miemasu-withdraw.before.detour': 'Show how to delete a device',
    'walkthrough.miemasu-withdraw.step4':
      'STEP 4\nClick the [契約者情報設定] (Contractor information settings) button in the management menu.',
    'walkthrough.miemasu-withdraw.step4.trouble':
      'The [契約者情報設定] button is in the management menu shown after you click [設定] (Settings) in STEP 3. The screens may look different depending on your device and network.',
    'walkthrough.miemasu-withdraw.step5': 'STEP 5\nClick the [退会手続き] (Withdrawal procedure) button.',
    'walkthrough.miemasu-withdraw.step5.trouble':
      'The [退会手続き] button is on the screen shown after you click [契約者情報設定]. If you cannot find it, start again from STEP 3.',
    'walkthrough.miemasu-withdraw.step6':
      'STEP 6\nRead what is shown, tick the checkbox and click the [退会] (Withdraw) button.\nBefore clicking [退会], please read the following.',
    'walkthrough.miemasu-withdraw.fact.contractor.label': 'Contractor information',
    'walkthrough.miemasu-withdraw.fact.contractor':
      'Withdrawing deletes all the contractor information you registered (it cannot be undone).',
    'walkthrough.miemasu-withdraw.fact.devices.label': 'Registered devices',
    'walkthrough.miemasu-withdraw.fact.devices':
      'Every device must be deleted (cancelled) before withdrawing.',
    'walkthrough.miemasu-withdraw.step6.trouble':
      'Tick the checkbox first, then click the [退会] (Withdraw) button.\nAlso check that no registered device remains: every device must be deleted (cancelled) before withdrawing.',
    'walkthrough.miemasu-withdraw.step7':
      'STEP 7\nThe "退会処理完了" (withdrawal completed) screen is shown.',
    'walkthrough.miemasu-withdraw.step7.trouble':
      'If the "退会処理完了" (withdrawal completed) screen is not shown, the withdrawal may not be complete. Please start again from STEP 3.',
    'walkthrough.miemasu-withdraw.done':
      'That completes the withdrawal.\n(Nothing was changed by this chat: the withdrawal is what you did on the site.)',
  },
};
