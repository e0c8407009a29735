/**
 * Text as every store can keep it. JavaScript strings may hold a lone UTF-16 surrogate (half an
 * emoji, from a client that cut a string badly); PostgreSQL refuses such text and JSON files would
 * keep it broken. Each lone surrogate becomes U+FFFD, the replacement character.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/** At most `max` characters, cut between code points so an emoji is never split in half. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end);
}
