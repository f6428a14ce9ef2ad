/**
 * Which service a dialog is about, read from its id (`miemasu-…`, `csps-…`, and their `walkthrough-…`
 * versions); `undefined` for dialogs of no one service (menu, identification). One rule shared by the FAQ
 * (which source to prefer) and the desk contacts (which desks to show).
 */
export type Service = 'miemasu' | 'csps';

export function serviceOfDialog(dialogId: string | undefined): Service | undefined {
  const id = dialogId?.replace(/^walkthrough-/, '');
  if (id?.startsWith('miemasu')) return 'miemasu';
  if (id?.startsWith('csps')) return 'csps';
  return undefined;
}
