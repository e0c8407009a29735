import assert from 'node:assert/strict';
import { ComponentDialog, WaterfallDialog } from 'botbuilder-dialogs';
import { LANGUAGES, type Lang } from '../../core/language.js';
import { t } from '../../dialogs/i18n.js';
import { TriageDialog } from '../../dialogs/triage/triageDialog.js';
import { allText, createHarness, describe as shape, joinActivity, say } from '../helpers/botHarness.js';

const LOCALE: Record<Lang, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-US' };

/** A two-step flow standing in for a real one, to see commands work in the middle of a flow. */
class AskTwiceDialog extends ComponentDialog {
  constructor() {
    super('triage');
    this.addDialog(
      new WaterfallDialog('steps', [
        async (step) => {
          await step.context.sendActivity('step one');
          return { status: 'waiting' } as never;
        },
        async (step) => {
          await step.context.sendActivity('step two');
          return step.endDialog();
        },
      ]),
    );
  }
}

for (const lang of LANGUAGES) {
  describe(`root dialog in ${lang}`, () => {
    it('greets with who it is, what it cannot do, how long the chat is kept, and the main choices', async () => {
      const { adapter } = createHarness({ locale: LOCALE[lang], retentionDays: 30 });
      const replies = await say(adapter, joinActivity(LOCALE[lang]));
      const text = allText(replies);
      assert.ok(text.includes(t(lang, 'welcome.hello')));
      assert.ok(text.includes(t(lang, 'welcome.cannotDo')));
      assert.ok(text.includes('30'), 'the retention period is stated');
      const last = shape(replies.at(-1)!);
      assert.ok(last.buttons.includes(t(lang, 'menu.triage')));
      assert.ok(last.buttons.includes(t(lang, 'menu.human')));
      assert.equal(last.buttons.length, 8);
    });

    it('greets only once even if the join event repeats', async () => {
      const { adapter } = createHarness({ locale: LOCALE[lang] });
      await say(adapter, joinActivity(LOCALE[lang]));
      assert.equal((await say(adapter, joinActivity(LOCALE[lang]))).length, 0);
    });

    it('answers "help" with what can always be written, and the menu', async () => {
      const { adapter } = createHarness({ locale: LOCALE[lang] });
      const replies = await say(adapter, { type: 'message', text: lang === 'en' ? 'help' : 'hjelp', locale: LOCALE[lang] });
      assert.equal(replies[0]?.text, t(lang, 'help.text'));
      assert.ok(shape(replies[0]!).buttons.length > 0);
    });

    it('gives NAV\'s phone number when the user asks for a human', async () => {
      const { adapter } = createHarness({ locale: LOCALE[lang] });
      const replies = await say(adapter, { type: 'message', text: t(lang, 'menu.human'), locale: LOCALE[lang] });
      assert.ok(allText(replies).includes('55\u00a055\u00a033\u00a033'), 'the number, kept on one line');
    });

    it('cancels a flow in the middle, and says so', async () => {
      const { adapter } = createHarness({ locale: LOCALE[lang], flows: [new AskTwiceDialog()] });
      assert.equal(allText(await say(adapter, { type: 'message', text: t(lang, 'menu.triage'), locale: LOCALE[lang] })), 'step one');
      const replies = await say(adapter, { type: 'message', text: lang === 'en' ? 'cancel' : 'avbryt', locale: LOCALE[lang] });
      assert.equal(replies[0]?.text, t(lang, 'cancel.done'));
      // The flow is gone: the next message does not reach step two.
      assert.ok(!allText(await say(adapter, { type: 'message', text: 'ok', locale: LOCALE[lang] })).includes('step two'));
    });

    it('restarts: forgets the flow and shows the main choices', async () => {
      const { adapter } = createHarness({ locale: LOCALE[lang], flows: [new AskTwiceDialog()] });
      await say(adapter, { type: 'message', text: t(lang, 'menu.triage'), locale: LOCALE[lang] });
      const replies = await say(adapter, { type: 'message', text: lang === 'en' ? 'start over' : 'start på nytt', locale: LOCALE[lang] });
      assert.equal(replies[0]?.text, t(lang, 'restart.done'));
      assert.ok(shape(replies.at(-1)!).buttons.includes(t(lang, 'menu.triage')));
    });
  });
}

describe('language switch', () => {
  const cases: [Lang, string, Lang][] = [
    ['nb', 'nynorsk', 'nn'],
    ['nb', 'English', 'en'],
    ['nn', 'bokmål', 'nb'],
    ['en', 'Nynorsk', 'nn'],
    ['en', 'bokmal', 'nb'],
  ];
  for (const [from, typed, to] of cases) {
    it(`switches from ${from} to ${to} when the user writes "${typed}", and keeps it`, async () => {
      const { adapter } = createHarness({ locale: LOCALE[from] });
      await say(adapter, joinActivity(LOCALE[from]));
      assert.equal((await say(adapter, { type: 'message', text: typed, locale: LOCALE[from] }))[0]?.text, t(to, 'language.switched'));
      // The choice is kept for the conversation even though the channel still says the old locale.
      const help = await say(adapter, { type: 'message', text: 'help', locale: LOCALE[from] });
      assert.equal(help[0]?.text, t(to, 'help.text'));
    });
  }

  it('switches by the web page\'s language event without a message from the user', async () => {
    const { adapter } = createHarness({ locale: 'nb-NO' });
    await say(adapter, joinActivity('nb-NO'));
    adapter.activeQueue.splice(0);
    await adapter.processActivity({ type: 'event', name: 'veiviser/language', value: 'en' });
    assert.equal(adapter.activeQueue.splice(0)[0]?.text, t('en', 'language.switched'));
    assert.equal((await say(adapter, 'hjelp'))[0]?.text, t('en', 'help.text'));
  });

  it('after the language event asks the menu again in the new language, marked for the page to follow', async () => {
    const { adapter } = createHarness({ locale: 'nb-NO' });
    await say(adapter, joinActivity('nb-NO'));
    adapter.activeQueue.splice(0);
    await adapter.processActivity({ type: 'event', name: 'veiviser/language', value: 'nn' });
    const [switched, menu] = adapter.activeQueue.splice(0);
    assert.deepEqual(switched?.channelData, { veiviser: { lang: 'nn' } });
    assert.equal(menu?.text, t('nn', 'welcome.choose'));
    assert.ok(shape(menu!).buttons.includes(t('nn', 'menu.triage')));
  });

  it('after the language event in the middle of a flow asks the flow\'s question again', async () => {
    const { adapter } = createHarness({ locale: 'nb-NO', flows: [new TriageDialog()] });
    await say(adapter, joinActivity('nb-NO'));
    await say(adapter, t('nb', 'menu.triage'));
    await say(adapter, 'Jeg vil ha jobb');
    const age = await say(adapter, t('nb', 'triage:buttons.skip'));
    assert.ok(allText(age).includes(t('nb', 'triage:questions.situation.text')), allText(age));
    adapter.activeQueue.splice(0);
    await adapter.processActivity({ type: 'event', name: 'veiviser/language', value: 'en' });
    const replies = adapter.activeQueue.splice(0);
    assert.equal(replies[0]?.text, t('en', 'language.switched'));
    const question = replies.find((r) => (r.text ?? '').includes(t('en', 'triage:questions.situation.text')));
    assert.ok(question, allText(replies));
    assert.ok(shape(question).buttons.includes(t('en', 'triage:buttons.skip')), 'with its choices');
    assert.ok(shape(question).buttons.length > 5);
  });

  it('ignores a language event with an unknown value', async () => {
    const { adapter } = createHarness({ locale: 'nb-NO' });
    adapter.activeQueue.splice(0);
    await adapter.processActivity({ type: 'event', name: 'veiviser/language', value: 'de' });
    assert.equal(adapter.activeQueue.length, 0);
    assert.equal((await say(adapter, 'hjelp'))[0]?.text, t('nb', 'help.text'));
  });
});

describe('bad input', () => {
  for (const lang of LANGUAGES) {
    it(`answers an over-long message kindly in ${lang} and keeps the conversation going`, async () => {
      const { adapter } = createHarness({ locale: LOCALE[lang] });
      const replies = await say(adapter, { type: 'message', text: 'a'.repeat(5000), locale: LOCALE[lang] });
      assert.equal(replies[0]?.text, t(lang, 'errors.tooLong', { max: 2000 }));
      assert.equal((await say(adapter, { type: 'message', text: 'help', locale: LOCALE[lang] }))[0]?.text, t(lang, 'help.text'));
    });
  }

  it('answers an unknown card value with the choices instead of failing', async () => {
    const { adapter } = createHarness({ locale: 'nb-NO' });
    const replies = await say(adapter, { type: 'message', value: { verb: 'menu', action: 'no-such-thing' } });
    assert.equal(replies[0]?.text, t('nb', 'errors.unknownButton'));
    assert.ok(shape(replies[0]!).buttons.length > 0);
  });

  it('after a crash mid-turn says sorry without internals, and the earlier state is kept', async () => {
    class Crashing extends ComponentDialog {
      constructor() {
        super('triage');
        this.addDialog(
          new WaterfallDialog('s', [
            async () => ({ status: 'waiting' }) as never,
            async () => {
              throw new Error('database exploded at line 42');
            },
          ]),
        );
      }
    }
    const { adapter } = createHarness({ locale: 'en-US', flows: [new Crashing()] });
    await say(adapter, 'english');
    await say(adapter, t('en', 'menu.triage'));
    const replies = await say(adapter, 'anything');
    assert.equal(replies[0]?.text, t('en', 'errors.generic'));
    assert.ok(!allText(replies).includes('exploded'));
    // The language chosen before the crash is still there.
    assert.equal((await say(adapter, 'help'))[0]?.text, t('en', 'help.text'));
  });

  it('after two messages it cannot understand, offers a human', async () => {
    const { adapter } = createHarness({ locale: 'nb-NO', understanding: { classify: () => ({ intent: 'none', score: 0 }) } });
    const first = await say(adapter, 'blablabla');
    assert.equal(first[0]?.text, t('nb', 'notUnderstood.text'));
    const second = await say(adapter, 'qwerty');
    assert.equal(second[0]?.text, t('nb', 'human.offerAfterMisses'));
    assert.ok(shape(second[0]!).buttons.includes(t('nb', 'menu.human')));
  });
});

describe('a message in another language', () => {
  const understanding = {
    classify: () => ({ intent: 'none', score: 0 }),
    detectLanguage: (text: string) => (text.startsWith('kva') ? ('nn' as const) : text.startsWith('what') ? ('en' as const) : undefined),
  };

  it('is answered in the current language, with an offer to switch that is made only once', async () => {
    const { adapter } = createHarness({ locale: 'nb-NO', understanding });
    const replies = await say(adapter, 'kva kan du hjelpe meg med');
    const offer = replies.at(-1)!;
    assert.equal(offer.text, t('nn', 'language.offer'));
    assert.deepEqual(shape(offer).buttons, [t('nn', 'language.yes'), t('nn', 'language.no')]);
    // Nothing switched by itself: the answer before the offer is in bokmål.
    assert.equal(replies[0]?.text, t('nb', 'notUnderstood.text'));
    const second = await say(adapter, 'kva er dette');
    assert.ok(!second.some((r) => r.text === t('nn', 'language.offer')));
  });

  for (const [typed, lang] of [['kva er aap', 'nn'], ['what is aap', 'en']] as const) {
    it(`switches to ${lang} when the user accepts the offer`, async () => {
      const { adapter } = createHarness({ locale: 'nb-NO', understanding });
      await say(adapter, typed);
      assert.equal((await say(adapter, t(lang, 'language.yes')))[0]?.text, t(lang, 'language.switched'));
    });
  }

  it('keeps the language when the user declines', async () => {
    const { adapter } = createHarness({ locale: 'nb-NO', understanding });
    await say(adapter, 'what is this');
    const replies = await say(adapter, t('en', 'language.no'));
    assert.equal(replies[0]?.text, t('nb', 'welcome.choose'));
  });
});
