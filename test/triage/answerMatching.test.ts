import assert from 'node:assert/strict';
import { questionById } from '../../core/triage/index.js';
import { exactOption, isWord, optionsInText, parseAge } from '../../dialogs/triage/answerMatching.js';

const health = questionById('healthHinder');
const income = questionById('incomeSources');
const housing = questionById('housing');
const substance = questionById('substance');

describe('triage free-text answers', () => {
  it('matches yes, no and don’t know regardless of case, punctuation and language', () => {
    assert.equal(exactOption('nb', health, 'JA!!'), 'JA');
    assert.equal(exactOption('nb', health, 'Nei.'), 'NEI');
    assert.equal(exactOption('nb', health, 'vet ikke'), 'VET_IKKE');
    assert.equal(exactOption('nb', health, 'veit ikkje'), 'VET_IKKE', 'nynorsk typed in a bokmål chat');
    assert.equal(exactOption('nn', health, 'Veit ikkje'), 'VET_IKKE');
    assert.equal(exactOption('en', health, "Don't know"), 'VET_IKKE');
    assert.equal(exactOption('en', health, 'nope'), 'NEI');
  });

  it('finds the answer inside a longer message, the longest phrase winning', () => {
    assert.deepEqual(optionsInText('nb', health, 'nei, jeg vet ikke helt'), ['VET_IKKE']);
    assert.deepEqual(optionsInText('nb', health, 'ja det har jeg'), ['JA']);
    assert.deepEqual(optionsInText('nb', housing, 'jeg bor hos venner nå'), ['USTABIL']);
    assert.deepEqual(optionsInText('nn', housing, 'eg er heimlaus'), ['UTEN_BOLIG']);
  });

  it('treats a question as a question, not an answer', () => {
    assert.deepEqual(optionsInText('nb', income, 'hva er aap?'), []);
    assert.deepEqual(optionsInText('nb', health, 'blå banan'), []);
  });

  it('finds several incomes in one message, also without æøå', () => {
    assert.deepEqual(optionsInText('nb', income, 'lonn og okonomisk sosialhjelp'), ['LONN', 'SOSIALHJELP']);
    assert.deepEqual(optionsInText('en', income, 'wages and unemployment benefit'), ['LONN', 'DAGPENGER']);
  });

  it('keeps "vil ikke svare" as an answer where it is one, and as skip elsewhere', () => {
    assert.equal(exactOption('nb', substance, 'vil ikke svare'), 'VIL_IKKE_SVARE');
    assert.equal(exactOption('nb', health, 'vil ikke svare'), undefined);
    assert.ok(isWord('nb', 'vil ikke svare', 'skip'));
    assert.ok(isWord('nn', 'Hoppa over', 'skip'));
    assert.ok(isWord('en', 'skip', 'skip'));
    assert.ok(isWord('nb', 'Tilbake!', 'back'));
    assert.ok(!isWord('nb', 'tilbake til jobb', 'back'));
  });

  it('reads an age written with numbers', () => {
    assert.deepEqual(parseAge('jeg er 34 år', 15, 100), { kind: 'age', age: 34 });
    assert.deepEqual(parseAge("I'm 67 years old", 15, 100), { kind: 'age', age: 67 });
    assert.deepEqual(parseAge('12', 15, 100), { kind: 'outOfRange' });
    assert.deepEqual(parseAge('34 eller 35', 15, 100), { kind: 'none' });
    assert.deepEqual(parseAge('blå', 15, 100), { kind: 'none' });
  });

  it('reads an age written in words, in nb, nn and en', () => {
    const cases: [string, number][] = [
      ['tretti', 30], ['jeg er trettifire år', 34], ['førtisju', 47], ['forti sju', 47], ['tjueein', 21], ['tjueen', 21], ['femten', 15],
      ['seksti', 60], ['fire og tretti', 34], ['eg er nittiåtte', 98], ['hundre', 100], ['thirty-four', 34], ['I am twenty nine', 29], ['nineteen', 19],
    ];
    for (const [text, age] of cases) assert.deepEqual(parseAge(text, 15, 100), { kind: 'age', age }, text);
    assert.deepEqual(parseAge('tolv', 15, 100), { kind: 'none' }, 'no word list below 15');
    assert.deepEqual(parseAge('34 eller trettifem', 15, 100), { kind: 'none' });
  });
});
