import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createIntentClassifier, NlpjsIntentClassifier, type IntentClassifier, type NlpjsModel } from '../core/understanding/index.js';
import { NLU_DATA_DIR } from '../core/understanding/training-data.js';

/** Changes whenever a training file changes, so a cached model is never older than its data. */
async function trainingDataHash(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.json')).sort()) {
    hash.update(name).update('\0').update(await readFile(join(dir, name))).update('\0');
  }
  return hash.digest('hex').slice(0, 20);
}

/**
 * The intent classifier, trained once per version of the training data and then loaded from
 * DATA_DIR/cache: loading takes milliseconds where training takes about a second.
 */
export async function loadIntentClassifier(dataDir: string, trainingDir = NLU_DATA_DIR): Promise<IntentClassifier> {
  const file = join(dataDir, 'cache', `nlu-model-${await trainingDataHash(trainingDir)}.json`);
  try {
    return await createIntentClassifier({ model: JSON.parse(await readFile(file, 'utf8')) as NlpjsModel });
  } catch {
    // No cached model for this training data yet (or an unreadable one): train below.
  }
  const classifier = await createIntentClassifier({ dataDir: trainingDir });
  if (classifier instanceof NlpjsIntentClassifier) {
    await mkdir(join(dataDir, 'cache'), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(classifier.model));
    await rename(temp, file);
  }
  return classifier;
}
