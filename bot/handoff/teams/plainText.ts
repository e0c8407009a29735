type Block = Record<string, unknown>;

/**
 * What a citizen wrote, for a Teams card: a RichTextBlock of TextRuns, which Adaptive Cards never
 * read as markdown (a TextBlock would make "[klikk her](https://…)" a link in front of the
 * veileder team). Teams also turns bare addresses into links; a zero-width space after each dot,
 * "@" and "://" in anything that looks like one keeps them as text without changing how they read.
 */
export function plainTextBlock(runs: Array<string | { text: string; weight?: 'Bolder' }>, extra: Block = {}): Block {
  return {
    type: 'RichTextBlock',
    inlines: runs.map((run) => {
      const { text, ...style } = typeof run === 'string' ? { text: run } : run;
      return { type: 'TextRun', text: defuseLinks(text), ...style };
    }),
    ...extra,
  };
}

const ZWSP = '\u200b';
/** A scheme, "www.", an e-mail address or a host name with a top-level domain. */
const LINKISH = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+|(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}\S*/giu;

export function defuseLinks(text: string): string {
  return text.replace(LINKISH, (link) => link.replace(/:\/\//g, `:${ZWSP}//`).replace(/([.@])/g, `$1${ZWSP}`));
}
