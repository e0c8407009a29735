export interface Span {
  start: number;
  end: number;
}

const LOCAL = String.raw`[\p{L}\p{N}._%+-]+`;
const LABEL = String.raw`[\p{L}\p{N}-]+`;
const AT_WORD = String.raw`(?:at|alfa|krøllalfa)`;
const DOT_WORD = String.raw`(?:dot|punktum|prikk)`;
const BRACKETED = (word: string) => String.raw`\s*[(\[{<]\s*${word}\s*[)\]}>]\s*`;
const DOT = String.raw`(?:${BRACKETED(DOT_WORD)}|\.)`;

const PLAIN = new RegExp(String.raw`${LOCAL}@${LABEL}(?:\.${LABEL})*\.\p{L}{2,}`, 'gu');
/** "navn (at) domene.no", "navn[at]domene(dot)no". */
const BRACKETED_AT = new RegExp(String.raw`${LOCAL}${BRACKETED(AT_WORD)}${LABEL}(?:${DOT}${LABEL})*${DOT}\p{L}{2,}`, 'giu');
/**
 * "navn at domene.no". "at" is also a Norwegian conjunction and English "look at nav.no" is common,
 * so only with a top-level domain people have mail addresses under, and never a public site.
 */
const WORD_AT = new RegExp(String.raw`${LOCAL}\s+${AT_WORD}\s+(${LABEL}(?:\.${LABEL})*)\.(no|com|net|org|se|dk|fi|is|uk|de|eu|nu|io|me|info|online)\b`, 'giu');
const PUBLIC_DOMAIN = /^(?:www\.|(?:[\p{L}\p{N}-]+\.)*(?:nav|lovdata|norge|skatteetaten|helsenorge|regjeringen|udi|husbanken|altinn|digdir|stortinget|kommune)$)/iu;

/** Where the text holds an e-mail address, written with "@" or spelled out. */
export function emailSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const re of [PLAIN, BRACKETED_AT]) {
    for (const m of text.matchAll(re)) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(WORD_AT)) {
    if (PUBLIC_DOMAIN.test(m[1] ?? '')) continue;
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return mergeSpans(spans);
}

/** Sorted, overlapping spans joined. */
export function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}
