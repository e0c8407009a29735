import assert from 'node:assert/strict';
import type { Lang } from '../../core/language.js';
import { osloDate } from '../../core/rights/dates.js';
import { t } from '../../dialogs/i18n.js';
import { renderBrief } from '../../dialogs/rights/render.js';
import { askedQuestion, FlowBot, joined, LANGS } from '../helpers/flowHarness.js';
import { loadFirstTurns, runFirstTurns, share, type FirstTurnResult } from './firstTurnEval.js';

const brief = (lang: Lang, topic: 'AAP' | 'KVP' | 'OKONOMISK_STONAD' | 'KLAGE', parts: string[], situation?: 'under25' | 'children') =>
  renderBrief(lang, topic, parts, osloDate(new Date()), situation)?.body ?? '<none>';

describe('rights: the first reply answers the point of the question (test/rights/firstTurn)', function () {
  this.timeout(120_000);
  let bot: FlowBot;
  before(async () => {
    bot = await FlowBot.start();
  });
  after(async () => bot?.close());

  for (const lang of LANGS) {
    describe(lang, () => {
      let results: FirstTurnResult[] = [];
      before(async () => {
        results = await runFirstTurns(bot, lang);
      });

      it('has at least 60 questions in the table', () => {
        assert.ok(loadFirstTurns(lang).length >= 60);
      });

      it('answers at least 95 % of them to the point in the first reply', () => {
        const missed = results.filter((r) => !r.answered).map((r) => `«${r.question.q}» → ${r.got}`);
        assert.ok(share(results) >= 0.95, `${(share(results) * 100).toFixed(1)} %; missed:\n${missed.join('\n')}`);
      });

      it('keeps a one-point answer to at most 60 words before its source, two points to at most 70', () => {
        const long = results
          .filter((r) => r.answered && !r.question.emergency && r.words > ((r.question.parts?.length ?? 0) > 1 ? 70 : 60))
          .map((r) => `${r.words} words: «${r.question.q}»`);
        assert.deepEqual(long, []);
      });

      it('offers at most three next points, a person and the menu under an answer', () => {
        const many = results.filter((r) => r.answered && !r.question.emergency && r.buttons > 5).map((r) => `«${r.question.q}»: ${r.buttons} buttons`);
        assert.deepEqual(many, []);
      });
    });
  }

  const FOLLOW_UPS: Record<Lang, { first: string; children: string; duration: string; other: string }> = {
    nb: { first: 'hvor mye er aap', children: 'og hvis jeg har barn?', duration: 'hvor lenge varer den?', other: 'og for kvp?' },
    nn: { first: 'kor mykje er aap', children: 'kva om eg har born?', duration: 'kor lenge varer han?', other: 'og for kvp?' },
    en: { first: 'how much is aap', children: 'what about children?', duration: 'how long does it last?', other: 'and for kvp?' },
  };
  for (const lang of LANGS) {
    it(`${lang}: follow-ups keep the topic: children, "how long does it last", then the same point for another topic`, async () => {
      const f = FOLLOW_UPS[lang];
      const citizen = await bot.citizen(lang);
      assert.ok(joined(await citizen.say(f.first)).includes(brief(lang, 'AAP', ['amount'])));
      const children = joined(await citizen.say(f.children));
      assert.ok(children.includes(brief(lang, 'AAP', ['amount'], 'children')), children);
      assert.match(children, /38/);
      const duration = joined(await citizen.say(f.duration));
      assert.ok(duration.includes(brief(lang, 'AAP', ['duration'])), duration);
      const kvp = joined(await citizen.say(f.other));
      assert.ok(kvp.includes(brief(lang, 'KVP', ['what'])), `the KVP part on how long it lasts: ${kvp}`);
    });
  }

  const UNDER_25: Record<Lang, string[]> = {
    nb: ['hva er kvp', 'hvor mye får jeg hvis jeg er 20 år?'],
    nn: ['kva er kvp', 'kor mykje får eg viss eg er 20 år?'],
    en: ['what is kvp', 'how much do I get if I am 20?'],
  };
  for (const lang of LANGS) {
    it(`${lang}: the person's age picks the under-25 figure inside a topic`, async () => {
      const citizen = await bot.citizen(lang);
      const reply = joined(await citizen.sayAll(UNDER_25[lang]));
      assert.ok(reply.includes(brief(lang, 'KVP', ['amount'], 'under25')), reply);
    });
  }

  const DEADLINE: Record<Lang, { aap: string; social: string; request: string }> = {
    nb: { aap: 'hva er klagefristen på aap?', social: 'og for sosialhjelp?', request: 'jeg trenger hjelp til å finne jobb' },
    nn: { aap: 'kva er klagefristen på aap?', social: 'og for sosialhjelp?', request: 'eg treng hjelp til å finne jobb' },
    en: { aap: 'what is the appeal deadline for aap?', social: 'and for social assistance?', request: 'I need help finding work' },
  };
  for (const lang of LANGS) {
    it(`${lang}: appeal deadlines per benefit from the questionnaire, and back to its question`, async () => {
      const d = DEADLINE[lang];
      const citizen = await bot.citizen(lang);
      await citizen.sayAll([t(lang, 'menu.triage'), d.request]);
      assert.equal(askedQuestion(lang, await citizen.say('31')), 'situation');
      const aap = joined(await citizen.say(d.aap));
      assert.ok(aap.includes(brief(lang, 'AAP', ['appeal'])), aap);
      assert.match(aap, lang === 'en' ? /6 weeks/ : lang === 'nn' ? /6 veker/ : /6 uker/);
      const social = joined(await citizen.say(d.social));
      assert.ok(social.includes(brief(lang, 'OKONOMISK_STONAD', ['appeal'])), social);
      assert.match(social, lang === 'en' ? /3 weeks/ : lang === 'nn' ? /3 veker/ : /3 uker/);
      assert.equal(askedQuestion(lang, await citizen.say(t(lang, 'rights:ui.backToMenu'))), 'situation');
    });
  }
});
