import assert from 'node:assert/strict';
import { detectLanguage } from '../../core/understanding/index.js';

describe('language detection', () => {
  const cases: [string, 'nb' | 'nn' | 'en'][] = [
    ['jeg lurer på hvordan jeg søker om sosialhjelp', 'nb'],
    ['hva er aap', 'nb'],
    ['jeg har ikke penger', 'nb'],
    ['eg lurer på korleis eg søkjer om sosialhjelp', 'nn'],
    ['kva er aap', 'nn'],
    ['kvifor har eg ikkje fått svar', 'nn'],
    ['me treng berre litt hjelp', 'nn'],
    ['dagpengar og sjukepengar', 'nn'],
    ['I need help with my rent', 'en'],
    ['what is aap', 'en'],
    ["I don't understand Norwegian", 'en'],
  ];
  for (const [text, lang] of cases) {
    it(`"${text}" → ${lang}`, () => assert.equal(detectLanguage(text), lang));
  }

  it('reads a request for another language as the language it is written in', () => {
    assert.equal(detectLanguage('jeg vil ha nynorsk'), 'nb');
    assert.equal(detectLanguage('kan du skrive nynorsk'), undefined);
    assert.equal(detectLanguage('eg vil ha bokmål'), 'nn');
  });

  it('gives no answer for words shared by the languages, so the bot never offers a switch on thin evidence', () => {
    for (const text of ['hei', 'aap', 'ok', 'takk', '', '123', 'nav']) assert.equal(detectLanguage(text), undefined, text);
  });
});
