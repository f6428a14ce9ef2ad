import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deleteDialog } from '../../dialogs/sample/sample-dialog.js';
import { DIAGRAM_DIR, expectedDiagrams } from '../../src/engine/graph/cli.js';
import { dialogToMermaid } from '../../src/engine/graph/mermaid.js';

describe('dialog diagrams', () => {
  it('the committed docs/dialogs diagrams are up to date (run npm run dialogs:graph)', async () => {
    for (const [file, content] of expectedDiagrams()) {
      const committed = await readFile(join(DIAGRAM_DIR, file), 'utf8').catch(() => '(missing)');
      expect(committed, `${file} is stale`).toBe(content);
    }
  });

  it('marks destructive calls and confirmations so they stand out', () => {
    const text = dialogToMermaid(deleteDialog, {
      listItems: { destructive: false, consequences: [] },
      deleteItem: { destructive: true, consequences: ['no-refund', 'data-loss'] },
    });
    expect(text).toContain('class n_delete destructive');
    expect(text).toContain('class n_confirm confirm');
    expect(text).toContain('n_confirm -.->|cancelled| n_cancelled');
    expect(text).toContain('ack: no-refund, data-loss');
  });
});

describe('mermaid labels', () => {
  it('keep the line breaks between a node id and its kind, with no stray angle brackets', () => {
    const text = dialogToMermaid(deleteDialog, {});
    expect(text).toContain('pick<br/>ask choice');
    expect(text).not.toMatch(/[a-z]br\/[a-z]/);
  });
});
