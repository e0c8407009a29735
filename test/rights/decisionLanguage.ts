/**
 * Finds sentences that read as a decision or promise about the reader's own case. A hit is
 * allowed only when the sentence is clearly not about the outcome of the reader's case:
 *  - the object is procedural (to appeal, an answer, a copy, to see …), not a benefit or money;
 *  - the phrase sits in a condition or an indirect question ("om du får", "if you get", "whether");
 *  - the bot says it cannot decide ("Jeg kan ikke si om …", "I cannot promise …").
 */

// \b only knows ASCII letters, so "på" and "få" need Unicode-aware edges.
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const p = (source: string) => new RegExp(`${B}(?:${source})${E}`, 'giu');

const PROMISES: RegExp[] = [
  // bokmål and nynorsk
  p('du får'),
  /(?:,|(?<![\p{L}])så)\s+får du(?![\p{L}])/giu,
  p('du (?:vil|skal|kommer til å|kjem til å) få'),
  p('du har (?:rett|krav) (?:på|til)'),
  p('du kvalifiserer'),
  p('du oppfyller (?:vilkårene|vilkåra|krava|kravene)'),
  p('innvilg(?:et|a|es|ast|e)?'),
  // English
  p("you(?:'ll| will| are going to) (?:get|receive|be paid|be granted)"),
  p('you get'),
  p("you(?: are|'re) (?:entitled|eligible)"),
  p('you qualify'),
  p('you have (?:a|the) right to'),
  p('you (?:have been|are|were) (?:granted|approved)'),
  p('your (?:application|claim|benefit) (?:is|has been|was|will be) (?:granted|approved)'),
];

/** Objects that are about the process, never about the outcome of a case. */
const PROCEDURAL_OBJECT = new RegExp(
  '^\\s*(?:' +
    [
      'å klage', 'å klaga', 'å få (?:behovet|vurdert)', 'innsyn', 'å se', 'å sjå', 'å lese', 'å velge', 'å velje',
      'svar', 'et svar', 'eit svar', 'beskjed', 'en kopi', 'ein kopi', 'en oppsummering', 'ei oppsummering', 'eit samandrag',
      'et brev', 'eit brev', 'se', 'sjå', 'lese', 'velge', 'velje', 'snakke', 'snakka', 'spørsmål', 'en melding', 'ei melding', 'eit varsel', 'et varsel',
      'appeal', 'complain', 'see', 'ask', 'access', 'answers', 'information', 'informasjon',
      'to appeal', 'to complain', 'to see', 'to read', 'to ask', 'to choose', 'access to', 'an answer', 'a reply', 'a copy', 'a summary', 'a letter', 'a message', 'a notification',
    ].join('|') +
    ')(?![\\p{L}])',
  'iu',
);

/** Words that make what follows a condition or an indirect question. */
const SUBORDINATOR_BEFORE = /(?<![\p{L}])(?:om|hvis|viss|dersom|når|if|whether|when|once)\s*$/iu;
const SUBORDINATOR_ANYWHERE = /(?<![\p{L}])(?:om|hvis|viss|dersom|whether|if)(?![\p{L}])/iu;
/** "help you get", "let you see": an infinitive, not a statement about what happens. */
const INFINITIVE_BEFORE = /(?<![\p{L}])(?:help|helps|let|lets|make|makes)\s*$/iu;
const BOT_CANNOT = /(?<![\p{L}])(?:jeg kan ikke|eg kan ikkje|jeg vet ikke|eg veit ikkje|i cannot|i can't|i can not|i do not know|chatten kan ikke|chatten kan ikkje|the chat cannot)(?![\p{L}])/iu;

export interface DecisionHit {
  sentence: string;
  phrase: string;
}

export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function allowed(sentence: string, index: number, phrase: string): boolean {
  const before = sentence.slice(0, index);
  const after = sentence.slice(index + phrase.length);
  if (BOT_CANNOT.test(before)) return true;
  const outcomeWord = /innvilg|granted|approved/iu.test(phrase);
  if (outcomeWord) return SUBORDINATOR_ANYWHERE.test(before);
  if (SUBORDINATOR_BEFORE.test(before) || INFINITIVE_BEFORE.test(before)) return true;
  return PROCEDURAL_OBJECT.test(after);
}

/** Every promise phrase in `text` that is not clearly general or procedural. */
export function findDecisionLanguage(text: string): DecisionHit[] {
  const hits: DecisionHit[] = [];
  for (const sentence of splitSentences(text)) {
    for (const pattern of PROMISES) {
      for (const m of sentence.matchAll(pattern)) {
        if (!allowed(sentence, m.index ?? 0, m[0])) hits.push({ sentence, phrase: m[0] });
      }
    }
  }
  return hits;
}
