import assert from 'node:assert/strict';
import { editDistance, withinOneEdit } from '../../core/understanding/edit-distance.js';

describe('one typo: withinOneEdit says what editDistance(a, b, 1) <= 1 says', () => {
  it('for every pair of short words over a small alphabet', () => {
    const letters = ['a', 'b', 'ø'];
    const words = [''];
    for (let length = 1; length <= 4; length += 1) {
      for (const word of words.filter((w) => w.length === length - 1)) for (const l of letters) words.push(word + l);
    }
    let pairs = 0;
    for (const a of words) {
      for (const b of words) {
        assert.equal(withinOneEdit(a, b), editDistance(a, b, 1) <= 1, `${a} / ${b}`);
        pairs += 1;
      }
    }
    assert.equal(pairs, 121 * 121);
  });

  it('counts a changed, added, dropped or swapped letter, and no more', () => {
    assert.equal(withinOneEdit('selvmord', 'selvmort'), true);
    assert.equal(withinOneEdit('selvmord', 'selvmordd'), true);
    assert.equal(withinOneEdit('selvmord', 'selmord'), true);
    assert.equal(withinOneEdit('selvmord', 'sevlmord'), true);
    assert.equal(withinOneEdit('selvmord', 'sevlmort'), false);
    assert.equal(withinOneEdit('finnes', 'finne'), true);
    assert.equal(withinOneEdit('hopeless', 'homeless'), true, 'why the English hopelessness pattern needs "feel"');
  });
});
