import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadIntentClassifier, trainIntoCache } from '../../bot/classifierCache.js';
import { NLU_DATA_DIR } from '../../core/understanding/training-data.js';

describe('the classifier cache in DATA_DIR', () => {
  it('loads the saved model on the next start and gives the same answers', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'veiviser-nlu-cache-'));
    const noInstallCache = mkdtempSync(join(tmpdir(), 'veiviser-nlu-install-'));
    const trained = await loadIntentClassifier(dataDir, NLU_DATA_DIR, noInstallCache);
    assert.equal(readdirSync(join(dataDir, 'cache')).length, 1);
    const loaded = await loadIntentClassifier(dataDir, NLU_DATA_DIR, noInstallCache);
    for (const text of ['kan jeg få aap', 'kva er kvalifiseringsprogrammet', 'I want to appeal the decision', 'snakke med et menneske']) {
      assert.deepEqual(loaded.classify(text, 'nb'), trained.classify(text, 'nb'));
    }
    assert.equal(loaded.classify('hva er arbeidsavklaringspenger', 'nb').intent, 'rights.aap');
  });

  it('trains again when the training data changes, and survives a damaged cache file', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'veiviser-nlu-cache-'));
    const training = mkdtempSync(join(tmpdir(), 'veiviser-nlu-data-'));
    const noInstallCache = mkdtempSync(join(tmpdir(), 'veiviser-nlu-install-'));
    cpSync(NLU_DATA_DIR, training, { recursive: true });
    await loadIntentClassifier(dataDir, training, noInstallCache);
    const [first] = readdirSync(join(dataDir, 'cache'));
    writeFileSync(join(dataDir, 'cache', first!), '{ not json');
    assert.equal((await loadIntentClassifier(dataDir, training, noInstallCache)).classify('kan jeg få aap', 'nb').intent, 'rights.aap');
    const nb = join(training, 'nb.json');
    writeFileSync(nb, readFileSync(nb, 'utf8').replace(/\s*$/, '\n'));
    await loadIntentClassifier(dataDir, training, noInstallCache);
    assert.equal(readdirSync(join(dataDir, 'cache')).filter((n) => n.endsWith('.json')).length, 2, 'a second model for the changed data');
  });

  it('uses the model trained at install time on the very first start', async () => {
    const installCache = mkdtempSync(join(tmpdir(), 'veiviser-nlu-install-'));
    const name = await trainIntoCache(installCache);
    assert.deepEqual(readdirSync(installCache), [name]);
    const dataDir = mkdtempSync(join(tmpdir(), 'veiviser-nlu-cache-'));
    const classifier = await loadIntentClassifier(dataDir, NLU_DATA_DIR, installCache);
    assert.equal(classifier.classify('kan jeg få aap', 'nb').intent, 'rights.aap');
    assert.throws(() => readdirSync(join(dataDir, 'cache')), /ENOENT/, 'nothing was trained at start-up');
  });
});
