/**
 * `GET /chat/api/receipts/<id>`: a receipt shown in THIS session's transcript, as a page, or as a download
 * (`?download=1` plain text, `?download=json` JSON). Any other id — another session's, unknown, malformed —
 * is 404, the same answer in every case so ids cannot be probed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Locale } from '../../src/engine/turn.js';
import { RECEIPT_ID_PATTERN } from '../../src/receipts/receipt.js';
import { escapeHtml, type Send, sendProblem } from './http.js';
import type { Sessions } from './session.js';
import { ASSET_PREFIX } from './static.js';

export interface ReceiptView {
  id: string;
  /** The receipt's heading, shown once (the page's title, the download's first line). */
  title: string;
  /** The receipt's body as text lines for people, in the requested language. */
  lines: string[];
  /** The receipt's machine-readable form. */
  json: unknown;
}

/** Reads receipts for the web chat (provided by the composition root). */
export interface ReceiptReader {
  read(id: string, locale: Locale): Promise<ReceiptView | undefined>;
}

export const RECEIPTS_PATH = '/chat/api/receipts/';

const DOWNLOAD: Record<Locale, [string, string]> = {
  ja: ['テキストで保存', 'JSONで保存'],
  en: ['Save as text', 'Save as JSON'],
};
const BACK: Record<Locale, string> = { ja: 'チャットに戻る', en: 'Back to the chat' };

function page(view: ReceiptView, locale: Locale): string {
  const id = encodeURIComponent(view.id);
  const [text, json] = DOWNLOAD[locale];
  const lines = view.lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('\n');
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(view.title)}</title>
<link rel="stylesheet" href="${ASSET_PREFIX}style.css">
</head>
<body class="receipt-page">
<main>
<h1>${escapeHtml(view.title)}</h1>
<ul class="receipt-lines">
${lines}
</ul>
<p class="receipt-actions"><a href="${RECEIPTS_PATH}${id}?download=1" download>${text}</a>
<a href="${RECEIPTS_PATH}${id}?download=json" download>${json}</a>
<a href="/">${BACK[locale]}</a></p>
</main>
</body>
</html>
`;
}

export function receiptHandler(deps: { sessions: Sessions; reader: ReceiptReader; send: Send }) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://local');
    const session = await deps.sessions.find(request);
    const locale = session?.locale ?? 'ja';
    let id: string;
    try {
      id = decodeURIComponent(url.pathname.slice(RECEIPTS_PATH.length));
    } catch {
      // Not valid percent-encoding (e.g. `/chat/api/receipts/%`): the client's mistake, answered, not logged.
      sendProblem(deps.send, response, 400, 'bad-request', locale);
      return;
    }
    const shown = session !== undefined && RECEIPT_ID_PATTERN.test(id) && session.receipts.includes(id);
    const found = shown ? await deps.reader.read(id, locale) : undefined;
    if (!found) {
      sendProblem(deps.send, response, 404, 'not-found', locale);
      return;
    }
    const view = { ...found, id };
    const download = url.searchParams.get('download');
    const noStore = { 'cache-control': 'no-store' };
    if (download === 'json') {
      deps.send(response, 200, `${JSON.stringify(view.json, null, 2)}\n`, {
        ...noStore,
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="receipt-${view.id}.json"`,
      });
    } else if (download !== null) {
      deps.send(response, 200, `${[view.title, ...view.lines].join('\n')}\n`, {
        ...noStore,
        'content-type': 'text/plain; charset=utf-8',
        'content-disposition': `attachment; filename="receipt-${view.id}.txt"`,
      });
    } else {
      deps.send(response, 200, page(view, locale), {
        ...noStore,
        'content-type': 'text/html; charset=utf-8',
      });
    }
  };
}
