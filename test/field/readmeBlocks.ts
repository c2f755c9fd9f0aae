/**
 * The fenced code blocks of a markdown file, with what their info string says after the language:
 * for `ts` and `gherkin`, the file the block is (```ts src/domain.ts); for `sh`, where it runs.
 */
export interface Block {
  readonly lang: string;
  /** The words after the language: a file path, or `repo` / `norun` for shell blocks. */
  readonly target: string | undefined;
  readonly body: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
}

export function readmeBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l));
    if (end < 0) throw new Error(`README line ${i + 1}: a code block that is never closed`);
    blocks.push({ lang: open[1]!, target: open[2]!.trim() || undefined, body: lines.slice(i + 1, end).join('\n') + '\n', line: i + 1 });
    i = end;
  }
  return blocks;
}

/** The commands of a shell block: one per line, comments and blank lines dropped. */
export function commandsOf(block: Block): string[] {
  return block.body
    .split('\n')
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}
