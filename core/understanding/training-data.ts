import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isLang, type Lang } from '../language.js';
import { isIntentId, type IntentId } from './intents.js';

export const NLU_DATA_DIR = fileURLToPath(new URL('../../data/nlu/', import.meta.url));

export interface TrainingExample {
  text: string;
  intent: IntentId;
  language: Lang;
}

interface TrainingFile {
  language: string;
  source: string;
  updated: string;
  intents: Record<string, string[]>;
}

/**
 * Reads data/nlu/<lang>.json and any <lang>-<part>.json beside it (examples per intent; a part is
 * a batch written by one writer, kept apart so that batches can be reviewed and merged on their
 * own). Throws on an unknown intent or language.
 */
export function loadTrainingExamples(dir = NLU_DATA_DIR): TrainingExample[] {
  const examples: TrainingExample[] = [];
  for (const file of readdirSync(dir).filter((f) => /^(nb|nn|en)(-[a-z0-9-]+)?\.json$/.test(f)).sort()) {
    const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as TrainingFile;
    if (!isLang(data.language)) throw new Error(`${file}: unknown language "${data.language}"`);
    for (const [intent, texts] of Object.entries(data.intents)) {
      if (!isIntentId(intent)) throw new Error(`${file}: unknown intent "${intent}"`);
      for (const text of texts) examples.push({ text, intent, language: data.language });
    }
  }
  return examples;
}
