import assert from 'node:assert/strict';
import { langFromLocale } from '../core/language.js';

describe('language from channel locale', () => {
  it('maps channel locales to nb, nn or en', () => {
    assert.equal(langFromLocale('nb-NO'), 'nb');
    assert.equal(langFromLocale('nn-NO'), 'nn');
    assert.equal(langFromLocale('en-US'), 'en');
    assert.equal(langFromLocale('de-DE'), 'nb');
    assert.equal(langFromLocale(undefined), 'nb');
  });
});
