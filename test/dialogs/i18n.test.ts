import assert from 'node:assert/strict';
import { LANGUAGES } from '../../core/language.js';
import { loadLocaleResources, t, tList, tListMatchKeys, tMatchKey } from '../../dialogs/i18n.js';
import { isContinueChoice } from '../../dialogs/root/crisis.js';
import { matchMenuLabel } from '../../dialogs/root/menu.js';

// t, tList and the match keys are remembered after the first look-up; these tests make sure what
// is remembered is what the locale files say, and that no caller can change it for the next one.
describe('i18n look-ups', () => {
  const resources = loadLocaleResources();

  it('gives the text of the locale file for every language, the first time and again', () => {
    for (const lang of LANGUAGES) {
      const expected = (resources[lang]!.common!.menu as Record<string, string>).aap;
      assert.equal(t(lang, 'menu.aap'), expected);
      assert.equal(t(lang, 'menu.aap'), expected);
    }
  });

  it('still fills in values for texts with options, differently each time', () => {
    assert.match(t('nb', 'errors.tooLong', { max: 2000 }), /2000 tegn/);
    assert.match(t('nn', 'errors.tooLong', { max: 50 }), /50 teikn/);
    assert.match(t('en', 'errors.tooLong', { max: 7 }), /7 characters/);
  });

  it('hands out a list that the caller may change without changing it for the next caller', () => {
    const first = tList('nb', 'rights:ui.backWords');
    const length = first.length;
    first.push('noe annet');
    first[0] = 'endret';
    const second = tList('nb', 'rights:ui.backWords');
    assert.equal(second.length, length);
    assert.equal(second[0], 'tilbake');
  });

  it('compares labels the way users type them: case, punctuation and æøå do not matter', () => {
    assert.equal(tMatchKey('nb', 'safety:buttons.continue'), 'fortsett der jeg var');
    assert.ok(tListMatchKeys('nb', 'rights:ui.backWords').includes('tilbake til menyen'));
    assert.equal(matchMenuLabel('ARBEIDSAVKLARINGSPENGER (aap)'), 'aap');
    assert.equal(matchMenuLabel('arbeidsavklaringspengar aap'), 'aap');
    assert.equal(matchMenuLabel('Work assessment allowance (AAP)!'), 'aap');
    assert.ok(isContinueChoice('fortsett der jeg var'));
    assert.ok(isContinueChoice('Continue where I left off.'));
    assert.ok(!isContinueChoice('fortsett'));
  });
});
