/**
 * `GET /chat/api/site`: what the page header shows about whose page this is — the service name, the hours of
 * the desks behind it and the privacy policy link. Operator configuration (`WEB_SERVICE_NAME`, `WEB_HOURS`,
 * `WEB_PRIVACY_URL`); the defaults restate the source guides (the services and the Canon desks' hours).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Send } from './http.js';

export interface SiteInfo {
  serviceName: string;
  hours: string;
  /** Absent: no privacy link is shown (the operator has not configured one). */
  privacyUrl?: string | undefined;
}

export const DEFAULT_SITE: SiteInfo = {
  serviceName:
    '「みえますねっと」年間パック（Panasonic）・クラウドサービスポータル（キヤノンマーケティングジャパン）',
  hours:
    'チャットは24時間ご利用いただけます。お問い合わせ窓口: HOME 平日 9:00〜18:00、ソリューションサービス契約センター 平日 9:30〜12:00・13:00〜17:00',
};

export function siteHandler(site: SiteInfo, send: Send) {
  return (_request: IncomingMessage, response: ServerResponse): void => {
    send(response, 200, JSON.stringify(site), {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    });
  };
}
