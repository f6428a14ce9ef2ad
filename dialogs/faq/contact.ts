/** FAQ entries for the contact desks listed at the end of the cloud service portal guide. */
import type { FaqEntryInput } from '../../src/faq/schema.js';

export const CONTACT_FAQ_ENTRIES: FaqEntryInput[] = [
  {
    id: 'contact.home',
    source: { doc: 'csps', section: 'お問い合わせ（HOME お申込みに関するお問い合わせ）' },
    topic: 'contact',
    services: ['home'],
    ja: {
      question: 'HOME の申込みや解約について問い合わせたいです。連絡先を教えてください。',
      answer:
        'HOME のお申込み（解約を含みます）に関するお問い合わせは、HOME コンタクトセンターまでお願いします。TEL 03-6631-2540、Email home-support@canon-mj.co.jp で、受付時間は平日 9:00〜18:00 です。',
      keywords: ['HOME', 'コンタクトセンター', '電話番号', 'メールアドレス', '申込み'],
    },
    en: {
      question: 'Who do I contact about HOME applications or cancellation?',
      answer:
        'For HOME applications, including cancellation, contact the HOME contact center. Phone 03-6631-2540 or e-mail home-support@canon-mj.co.jp, weekdays 9:00–18:00 (Japan time).',
      keywords: ['home', 'contact center', 'phone number', 'email', 'application'],
    },
  },
  {
    id: 'contact.home-product',
    source: { doc: 'csps', section: 'お問い合わせ（HOME 製品に関するお問い合わせ）' },
    services: ['home'],
    ja: {
      question: 'HOME の製品（機能や使い方）について問い合わせたいです。',
      answer:
        'HOME 製品に関するお問い合わせは、HOME コンタクトセンターまでお願いします。TEL 03-6631-1138、Email home-support@canon-mj.co.jp で、受付時間は平日 9:00〜18:00 です。',
      keywords: ['HOME', '製品', '機能', '使い方', '不具合'],
    },
    en: {
      question: 'Who do I contact about the HOME product itself (features, usage)?',
      answer:
        'For questions about HOME products, contact the HOME contact center. Phone 03-6631-1138 or e-mail home-support@canon-mj.co.jp, weekdays 9:00–18:00 (Japan time).',
      keywords: ['home', 'product', 'features', 'usage', 'problem'],
    },
  },
  {
    id: 'contact.therefore-uniflow',
    source: { doc: 'csps', section: 'お問い合わせ（Therefore/uniFLOW お申込みに関するお問い合わせ）' },
    topic: 'contact',
    services: ['therefore', 'uniflow'],
    ja: {
      question: 'Therefore Online や uniFLOW Online の申込み・解約について問い合わせたいです。',
      answer:
        'Therefore/uniFLOW のお申込み（解約を含みます）に関するお問い合わせは、ソリューションサービス契約センターまでお願いします。TEL 03-6719-9532、Email contract-csps@canon-mj.co.jp で、受付時間は平日 9:30〜12:00・13:00〜17:00 です。',
      keywords: ['Therefore', 'uniFLOW', 'ソリューションサービス契約センター', '電話番号', '連絡先'],
    },
    en: {
      question: 'Who do I contact about Therefore Online or uniFLOW Online applications or cancellation?',
      answer:
        'Contact the Solution Service Contract Center (ソリューションサービス契約センター) about Therefore/uniFLOW applications, including cancellation. Phone 03-6719-9532 or e-mail contract-csps@canon-mj.co.jp, weekdays 9:30–12:00 and 13:00–17:00 (Japan time).',
      keywords: ['therefore', 'uniflow', 'contract center', 'phone number', 'contact'],
    },
  },
  {
    id: 'contact.hours',
    source: { doc: 'csps', section: 'お問い合わせ' },
    ja: {
      question: '問い合わせ窓口の受付時間を教えてください。土日や祝日も対応していますか？',
      answer:
        'HOME コンタクトセンターは平日 9:00〜18:00、ソリューションサービス契約センター（Therefore/uniFLOW）は平日 9:30〜12:00 と 13:00〜17:00 の受付です。「平日」は土日・祝日を除く日と読んでいます（当方の解釈）。受付時間外でも、このボットでの解約のお手続きはご利用いただけます。',
      keywords: ['受付時間', '営業時間', '対応時間', '平日', '土日', '祝日', '何時', '電話'],
    },
    en: {
      question: 'What are the contact desks’ opening hours? Are they open at weekends or on holidays?',
      answer:
        'The HOME contact center is open weekdays 9:00–18:00 and the Solution Service Contract Center (Therefore/uniFLOW) weekdays 9:30–12:00 and 13:00–17:00, Japan time. We read "weekdays" as excluding weekends and Japanese public holidays (our interpretation). Outside those hours you can still complete a cancellation with this bot.',
      keywords: ['opening hours', 'business hours', 'weekdays', 'weekend', 'holiday', 'what time'],
    },
  },
];
