/**
 * Deterministic phone-style damage to a message, for measuring robustness: one of
 * æøå typed as ae/o/a, two letters swapped in the longest word, two words run together,
 * or capitals with extra punctuation. The kind is chosen by the message's position.
 */
export function withTypo(text: string, index: number): string {
  switch (index % 4) {
    case 0:
      return text.replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a').replace(/Æ/g, 'Ae').replace(/Ø/g, 'O').replace(/Å/g, 'A');
    case 1: {
      const words = text.split(' ');
      const longest = words.reduce((best, w, i) => (w.length > (words[best]?.length ?? 0) ? i : best), 0);
      const w = words[longest] ?? '';
      if (w.length < 5) return text;
      const at = Math.floor(w.length / 2);
      words[longest] = `${w.slice(0, at - 1)}${w[at]}${w[at - 1]}${w.slice(at + 1)}`;
      return words.join(' ');
    }
    case 2: {
      const words = text.split(' ');
      if (words.length < 3) return text;
      const at = Math.floor(words.length / 2);
      return [...words.slice(0, at - 1), `${words[at - 1]}${words[at]}`, ...words.slice(at + 1)].join(' ');
    }
    default:
      return `${text.toUpperCase()}!!`;
  }
}
