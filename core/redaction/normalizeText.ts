/**
 * The form redaction looks at: Unicode NFKC (full-width and other compatibility digits become
 * 0–9, "＠" becomes "@"), format characters removed (zero-width space and joiner, soft hyphen,
 * byte-order mark) and combining marks after a digit dropped, so none of them can hide a number.
 * Plain ASCII is already in that form and is returned as it is.
 */
export function normalizeForRedaction(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u007f]*$/.test(text)) return text;
  return text.normalize('NFKC').replace(/\p{Cf}+/gu, '').replace(/(\d)\p{M}+/gu, '$1');
}
