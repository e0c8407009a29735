import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LANGUAGES, type Lang } from '../../core/language.js';
import { isIntentId, type IntentId } from '../../core/understanding/index.js';

const DIR = fileURLToPath(new URL('./', import.meta.url));

export interface EvalMessage {
  text: string;
  intent: IntentId;
  language: Lang;
}

/** The held-out messages, test/nlu-eval/<lang>.json. Never used for training. */
export function loadEvalMessages(): EvalMessage[] {
  const messages: EvalMessage[] = [];
  for (const language of LANGUAGES) {
    const data = JSON.parse(readFileSync(`${DIR}${language}.json`, 'utf8')) as { intents: Record<string, string[]> };
    for (const [intent, texts] of Object.entries(data.intents)) {
      if (!isIntentId(intent)) throw new Error(`${language}.json: unknown intent "${intent}"`);
      for (const text of texts) messages.push({ text, intent, language });
    }
  }
  return messages;
}

/** Ordinary sad, tired or angry messages and figures of speech that must not raise an alarm. */
export function loadOrdinaryMessages(): { text: string; language: Lang }[] {
  const data = JSON.parse(readFileSync(`${DIR}ordinary.json`, 'utf8')) as { messages: Record<Lang, string[]> };
  return LANGUAGES.flatMap((language) => (data.messages[language] ?? []).map((text) => ({ text, language })));
}
