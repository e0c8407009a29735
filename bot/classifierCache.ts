import { createHash } from 'node:crypto';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIntentClassifier, NlpjsIntentClassifier, type IntentClassifier, type NlpjsModel } from '../core/understanding/index.js';
import { makePrivateDir, PRIVATE_FILE } from './storage/privateFiles.js';
import { NLU_DATA_DIR } from '../core/understanding/training-data.js';

/** Changes whenever a training file changes, so a cached model is never older than its data. */
async function trainingDataHash(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.json')).sort()) {
    hash.update(name).update('\0').update(await readFile(join(dir, name))).update('\0');
  }
  return hash.digest('hex').slice(0, 20);
}

/** Filled at install time (scripts/train-nlu.ts), so even the first start loads instead of training. */
export const INSTALL_CACHE_DIR = fileURLToPath(new URL('../.cache/', import.meta.url));

async function readModel(dir: string, name: string): Promise<NlpjsModel | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, name), 'utf8')) as NlpjsModel;
  } catch {
    return undefined;
  }
}

async function writeModel(dir: string, name: string, model: NlpjsModel): Promise<void> {
  await makePrivateDir(dir);
  const temp = join(dir, `${name}.${process.pid}.tmp`);
  await writeFile(temp, JSON.stringify(model), { mode: PRIVATE_FILE });
  await rename(temp, join(dir, name));
}

/**
 * The intent classifier, trained once per version of the training data and then loaded from
 * DATA_DIR/cache (or the install-time cache): loading takes milliseconds where training takes
 * most of a second. An unreadable cached model is ignored and trained anew.
 */
export async function loadIntentClassifier(dataDir: string, trainingDir = NLU_DATA_DIR, installCacheDir = INSTALL_CACHE_DIR): Promise<IntentClassifier> {
  const name = `nlu-model-${await trainingDataHash(trainingDir)}.json`;
  const cacheDir = join(dataDir, 'cache');
  for (const dir of [cacheDir, installCacheDir]) {
    const model = await readModel(dir, name);
    if (!model) continue;
    try {
      return await createIntentClassifier({ model });
    } catch {
      // A damaged file: try the next place, then train.
    }
  }
  const classifier = await createIntentClassifier({ dataDir: trainingDir });
  if (classifier instanceof NlpjsIntentClassifier) await writeModel(cacheDir, name, classifier.model);
  return classifier;
}

/** Trains the classifier for the current training data into `dir` (used at install time). */
export async function trainIntoCache(dir = INSTALL_CACHE_DIR, trainingDir = NLU_DATA_DIR): Promise<string> {
  const name = `nlu-model-${await trainingDataHash(trainingDir)}.json`;
  if (await readModel(dir, name)) return name;
  const classifier = await createIntentClassifier({ dataDir: trainingDir });
  if (classifier instanceof NlpjsIntentClassifier) await writeModel(dir, name, classifier.model);
  return name;
}
