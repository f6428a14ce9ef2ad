/** Text for Slack's mrkdwn: escaping, shortening and splitting within a length limit (in code points). */

/** Escapes the three characters Slack's mrkdwn reserves. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** At most `max` code points, ending with `…` when shortened. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * Escapes `text` and cuts it into pieces of at most `max` code points each, at line ends where possible and never
 * inside an escape sequence.
 */
export function escapeAndSplit(text: string, max: number): string[] {
  const pieces: string[] = [];
  let current: string[] = [];
  let currentLength = 0;
  const flush = () => {
    if (current.length > 0) pieces.push(current.join(''));
    current = [];
    currentLength = 0;
  };
  const add = (unit: string, length: number) => {
    current.push(unit);
    currentLength += length;
  };
  for (const line of text.split('\n')) {
    const units = [...line].map((char) => escapeMrkdwn(char));
    const lineLength = units.reduce((sum, unit) => sum + unit.length, 0);
    if (current.length > 0 && currentLength + 1 + lineLength <= max) {
      add('\n', 1);
      for (const unit of units) add(unit, unit.length);
      continue;
    }
    flush();
    for (const unit of units) {
      // Escaped units are one code point or an ASCII entity, so `.length` counts code points except for
      // astral characters (two UTF-16 units), which only makes a piece a little shorter.
      if (currentLength + unit.length > max) flush();
      add(unit, unit.length);
    }
  }
  flush();
  return pieces.length > 0 ? pieces : [''];
}
