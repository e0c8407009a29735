import type { Lang } from '../language.js';

/*
 * Language detection among bokmål, nynorsk and English by marker words: words that belong to
 * one of the three and not to the others. Names of languages are not markers: "kan du skrive
 * nynorsk" is bokmål asking for nynorsk, which the classifier's language intents handle. Short or shared messages ("hei", "takk", "aap")
 * give no answer, so the bot never offers a switch on thin evidence.
 */

const NYNORSK = new Set([
  'eg', 'ikkje', 'ikkj', 'kva', 'korleis', 'kvifor', 'kvar', 'kven', 'kor', 'berre', 'me', 'dykk', 'dykkar',
  'noko', 'nokon', 'nokre', 'mykje', 'eit', 'ein', 'ho', 'dei', 'deira', 'vere', 'vore', 'vart', 'blei', 'fekk',
  'gjere', 'seie', 'sjølv', 'sjolv', 'heile', 'høyre', 'hoyre', 'frå', 'korkje', 'òg', 'sidan', 'mogleg',
  'moglegheit', 'heime', 'pengar', 'pengane', 'søkje', 'sokje', 'spørje', 'sporje',
  'veit', 'veileiar', 'rettleiar', 'treng', 'tykkjer', 'synest', 'kjem', 'gjekk', 'difor',
  'arbeidsavklaringspengar', 'dagpengar', 'sjukepengar', 'sjuk', 'sjukmeld', 'sjukmeldt',
  'einaste', 'aleine', 'tenkjer', 'snakkast', 'spørsmåla', 'lagra', 'vidare', 'morgon', 'sambuaren', 'framleis', 'enno', 'medan', 'bu', 'budd', 'gong', 'gongen',
  'no', 'inkje', 'nokså',
  // Dialect forms written as spoken: Norwegian whichever way, and read as nynorsk here only so
  // that they are never taken for English.
  'æ', 'jæ', 'ka', 'ittj', 'itj', 'itte', 'ikkje', 'mæ', 'dæ', 'sæ', 'kæm', 'kordan', 'koss', 'åssen', 'berre', 'bære',
  'ska', 'sku', 'vart', 'heim', 'sjukmeldt', 'penga', 'pengan', 'ongan', 'ungan', 'ungane', 'nåkka', 'nokka', 'noko',
]);

const BOKMAL = new Set([
  'jeg', 'ikke', 'hva', 'hvordan', 'hvorfor', 'hvor', 'hvem', 'hvilken', 'hvilke', 'hvis', 'bare', 'noe', 'noen',
  'mye', 'et', 'en', 'hun', 'deres', 'være', 'vaere', 'vært', 'vaert', 'ble', 'fikk', 'gjøre', 'gjore',
  'selv', 'hele', 'høre', 'hore', 'fra', 'verken', 'også', 'ogsa', 'siden', 'mulig', 'mulighet', 'hjemme',
  'penger', 'pengene', 'hjelpen', 'søke', 'soke', 'spørre', 'sporre', 'vet', 'veileder',
  'trenger', 'tenker', 'snakkes', 'samboeren', 'synes', 'kommer', 'gikk', 'derfor', 'sykepenger', 'syk', 'sykmeldt', 'eneste', 'alene', 'fortsatt',
  'ennå', 'enda', 'mens', 'nå', 'na', 'dere', 'blitt',
  'jæ', 'ikkje', 'hæ', 'kæ', 'åssen', 'hvafor', 'sjukmeldt', 'penga', 'itte',
]);

const ENGLISH = new Set([
  'im', 'ive', 'id', 'the', 'a', 'an', 'are', 'was', 'my', 'me', 'you', 'your', 'what', 'how',
  'why', 'when', 'who', 'which', 'where', 'get', 'am', 'can', 'could', 'would', 'should', 'please', 'need', 'want', 'help',
  'have', 'has', 'had', 'not', 'dont', 'doesnt', 'cant', 'do', 'does', 'with', 'of', 'and', 'or', 'it',
  'this', 'that', 'money', 'work', 'job', 'apply', 'benefit', 'benefits', 'talk', 'speak',
  'human', 'hello', 'hi', 'thanks', 'thank', 'bye', 'about', 'from', 'will', 'there', 'any',
  'pay', 'food', 'sick', 'leave', 'case', 'application', 'appeal', 'debt', 'been',
  'no', 'yes', 'good', 'morning', 'someone', 'home', 'again', 'lets', 'some', 'know', 'if', 'out', 'they', 'we', 'our', 'got',
]);

/** Words in two lists are shared and only count half for each. */
function weight(word: string, own: Set<string>, others: Set<string>[]): number {
  if (!own.has(word)) return 0;
  return others.some((o) => o.has(word)) ? 0.5 : 1;
}

const NYNORSK_ENDINGS = /^(?!(?:har|var|svar|klar|bar|far|tar|kar|par|sommar|bare)$)\p{L}{3,}(?:ar|ane|inga)$/u;

/** The language comes out only when it has at least this many times the markers of the next one. */
const MIXED_RATIO = 2;

function tokens(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’`´]/g, '')
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length > 0);
}

/**
 * The language a message is written in, or undefined when it does not say enough: too short,
 * only shared words like "hei" or "aap", or two languages in about the same measure ("jeg
 * trenger help with aap"): a mixed message keeps the conversation's language.
 */
export function detectLanguage(text: string): Lang | undefined {
  const score: Record<Lang, number> = { nb: 0, nn: 0, en: 0 };
  for (const w of tokens(text)) {
    score.nn += weight(w, NYNORSK, [BOKMAL, ENGLISH]);
    score.nb += weight(w, BOKMAL, [NYNORSK, ENGLISH]);
    score.en += weight(w, ENGLISH, [NYNORSK, BOKMAL]);
    if (!BOKMAL.has(w) && !ENGLISH.has(w) && NYNORSK_ENDINGS.test(w)) score.nn += 0.25;
  }
  const ranked = (Object.entries(score) as [Lang, number][]).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < 1 || (second && second[1] * MIXED_RATIO >= first[1])) return undefined;
  return first[0];
}
