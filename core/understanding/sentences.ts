/** Below this many words a piece of text is joined to the next instead of standing alone. */
const MIN_WORDS = 3;

/**
 * The sentences of a message, for reading long messages one sentence at a time (the crisis check,
 * the classifier). People in chat end sentences with . ! ? or a line break, or not at all; a
 * message without any of them is one sentence. Very short pieces ("ok.", "hei!") join the next.
 */
export function sentences(text: string): string[] {
  const pieces = text
    .split(/(?<=[.!?…])\s+|\n+|(?<=\p{L})[.!?]+(?=\p{Lu})/u)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const out: string[] = [];
  let pending = '';
  for (const piece of pieces) {
    const joined = pending ? `${pending} ${piece}` : piece;
    if (joined.split(/\s+/).length < MIN_WORDS) pending = joined;
    else {
      out.push(joined);
      pending = '';
    }
  }
  if (pending) {
    if (out.length > 0) out[out.length - 1] = `${out[out.length - 1]} ${pending}`;
    else out.push(pending);
  }
  return out;
}
