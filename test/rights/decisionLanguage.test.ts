import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES } from '../../core/language.js';
import { LOCALES_DIR } from '../../dialogs/i18n.js';
import { findDecisionLanguage } from './decisionLanguage.js';

function strings(value: unknown, path: string, out: { path: string; text: string }[]): void {
  if (typeof value === 'string') out.push({ path, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, path ? `${path}.${k}` : k, out);
}

describe('decision language: no text reads as a decision or promise about the user\'s case', () => {
  describe('the scanner', () => {
    const mustFlag = [
      'Du får AAP fra mai.',
      'Søker du nå, får du pengene neste uke.',
      'Du har rett på sosialhjelp.',
      'Du har rett til arbeidsavklaringspengar.',
      'Søknaden din er innvilget.',
      'Søknaden din er innvilga.',
      'Du kjem til å få kvalifiseringsstønad.',
      'Du vil få 278 697 kroner i året.',
      'You will get NOK 20,000.',
      "You'll receive AAP from May.",
      'You are entitled to financial assistance.',
      'You qualify for KVP.',
      'Your application is approved.',
    ];
    const mustPass = [
      'Du får svar innen en uke.',
      'NAV avgjør om du får AAP.',
      'Jeg kan ikke si om du får penger.',
      'Får du nei, kan du klage.',
      'Når du får vedtaket, les det nøye.',
      'Du har rett til å klage.',
      'You have the right to appeal.',
      'If you get a letter, read it carefully.',
      'NAV decides whether you get AAP.',
      'Det du skriver, går rett til veilederen.',
      'NAV avgjør om søknaden blir innvilget.',
      'Du får se oppsummeringen før den blir sendt.',
    ];
    for (const s of mustFlag) it(`flags «${s}»`, () => assert.ok(findDecisionLanguage(s).length > 0));
    for (const s of mustPass) it(`lets «${s}» pass`, () => assert.deepEqual(findDecisionLanguage(s), []));
  });

  for (const lang of LANGUAGES) {
    it(`finds none in any locale file in ${lang} (all namespaces)`, () => {
      const dir = join(LOCALES_DIR, lang);
      const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
      assert.ok(files.includes('rights.json'));
      const problems: string[] = [];
      for (const file of files) {
        const texts: { path: string; text: string }[] = [];
        strings(JSON.parse(readFileSync(join(dir, file), 'utf8')), '', texts);
        for (const { path, text } of texts) {
          for (const hit of findDecisionLanguage(text)) problems.push(`${lang}/${file} ${path}: «${hit.phrase}» in «${hit.sentence}»`);
        }
      }
      assert.deepEqual(problems, []);
    });
  }
});
