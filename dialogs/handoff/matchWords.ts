import { LANGUAGES, type Lang } from '../../core/language.js';
import { handoffList, handoffTexts } from './texts.js';

export type ConsentChoice = 'yes' | 'change' | 'no';
export type ClosedChoice = 'callback' | 'phone' | 'office';

/** Lower case, no punctuation, single spaces: "Ja!" and "ja" are the same answer. */
export function normalizeAnswer(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[^\p{L}\p{N}' -]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Matches free text or a button's text against the words of every language (a nynorsk user who
 * writes "yes" still means yes). Buttons send their visible text, so their titles count too.
 */
function matcher<T extends string>(choices: Record<T, { words: string; button?: string }>): (text: string) => T | undefined {
  const table = new Map<string, T>();
  for (const lang of LANGUAGES) {
    const tr = handoffTexts(lang);
    for (const [choice, { words, button }] of Object.entries(choices) as Array<[T, { words: string; button?: string }]>) {
      for (const word of handoffList(lang, `words.${words}`)) if (!table.has(normalizeAnswer(word))) table.set(normalizeAnswer(word), choice);
      if (button) table.set(normalizeAnswer(tr(button)), choice);
    }
  }
  return (text) => table.get(normalizeAnswer(text));
}

let consent: ((text: string) => ConsentChoice | undefined) | undefined;
let closed: ((text: string) => ClosedChoice | undefined) | undefined;
let leave: ((text: string) => 'leave' | undefined) | undefined;

export function matchConsent(text: string): ConsentChoice | undefined {
  consent ??= matcher<ConsentChoice>({
    yes: { words: 'yes', button: 'consent.buttons.send' },
    change: { words: 'change', button: 'consent.buttons.change' },
    no: { words: 'no', button: 'consent.buttons.dontSend' },
  });
  return consent(text);
}

export function matchClosedChoice(text: string): ClosedChoice | undefined {
  closed ??= matcher<ClosedChoice>({
    callback: { words: 'callback', button: 'availability.buttons.callback' },
    phone: { words: 'phone', button: 'availability.buttons.phone' },
    office: { words: 'office', button: 'availability.buttons.office' },
  });
  return closed(text);
}

/** "avbryt", "cancel", "Gå ut av køen": the user wants out of the queue or the conversation. */
export function matchLeave(text: string): boolean {
  leave ??= matcher<'leave'>({ leave: { words: 'leave', button: 'queue.leaveButton' } });
  return leave(text) === 'leave';
}

export function buttonTitles(lang: Lang, keys: string[]): string[] {
  const tr = handoffTexts(lang);
  return keys.map((k) => tr(k));
}
