import assert from 'node:assert/strict';
import { ComponentDialog, WaterfallDialog } from 'botbuilder-dialogs';
import { LANGUAGES, type Lang } from '../../core/language.js';
import { t } from '../../dialogs/i18n.js';
import type { IntentGuess, Understanding } from '../../dialogs/root/types.js';
import { createHarness, describe as shape, say } from '../helpers/botHarness.js';

const LOCALE: Record<Lang, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-US' };

/** A classifier with fixed answers per message, to see what the root does with unsure readings. */
function understanding(answers: Record<string, IntentGuess>): Understanding {
  return { classify: (text) => answers[text] ?? { intent: 'none', score: 1, readings: [{ intent: 'none', score: 1 }] } };
}

const UNSURE: IntentGuess = {
  intent: 'rights.14a',
  score: 0.34,
  readings: [
    { intent: 'rights.14a', score: 0.34 },
    { intent: 'rights.appeal', score: 0.3 },
    { intent: 'own_case', score: 0.2 },
  ],
};
const CLOSE: IntentGuess = {
  intent: 'rights.aap',
  score: 0.52,
  readings: [
    { intent: 'rights.aap', score: 0.52 },
    { intent: 'rights.kvp', score: 0.44 },
    { intent: 'none', score: 0.02 },
  ],
};
const SURE: IntentGuess = { intent: 'rights.aap', score: 0.97, readings: [{ intent: 'rights.aap', score: 0.97 }] };

/** Stands in for the rights flow: says which topic it was started with. */
class TopicEcho extends ComponentDialog {
  constructor() {
    super('rights');
    this.addDialog(
      new WaterfallDialog('steps', [
        async (step) => {
          const { topic, question } = step.options as { topic?: string; question?: string };
          await step.context.sendActivity(`topic ${topic}${question ? ` for «${question}»` : ''}`);
          return step.endDialog();
        },
      ]),
    );
  }
}

for (const lang of LANGUAGES) {
  describe(`asking instead of guessing, in ${lang}`, () => {
    const message = (text: string) => ({ type: 'message', text, locale: LOCALE[lang] });
    const harness = () => createHarness({ locale: LOCALE[lang], flows: [new TopicEcho()], understanding: understanding({ 'brev fra nav': UNSURE, 'aap kvp': CLOSE, 'kan jeg få aap': SURE }) });

    it('a low score asks once, with the likeliest readings and a person as buttons', async () => {
      const { adapter } = harness();
      const replies = await say(adapter, message('brev fra nav'));
      assert.equal(replies.length, 1);
      assert.equal(replies[0]?.text, t(lang, 'clarify.question'));
      assert.deepEqual(shape(replies[0]!).buttons, ['rights.14a', 'rights.appeal', 'own_case', 'handoff.request'].map((i) => t(lang, `clarify.intents.${i}`)));
    });

    it('two close readings ask too, and tapping one goes there', async () => {
      const { adapter } = harness();
      const asked = await say(adapter, message('aap kvp'));
      assert.deepEqual(shape(asked[0]!).buttons, ['rights.aap', 'rights.kvp', 'handoff.request'].map((i) => t(lang, `clarify.intents.${i}`)));
      const chosen = await say(adapter, message(t(lang, 'clarify.intents.rights.kvp')));
      assert.equal(chosen[0]?.text, 'topic KVP for «aap kvp»', 'the first question is answered, now in its topic');
    });

    it('a sure reading is acted on without a question', async () => {
      const { adapter } = harness();
      assert.equal((await say(adapter, message('kan jeg få aap')))[0]?.text, 'topic AAP for «kan jeg få aap»');
    });

    it('after two unclear messages in a row it offers a person instead of asking again', async () => {
      const { adapter } = harness();
      await say(adapter, message('brev fra nav'));
      const second = await say(adapter, message('aap kvp'));
      assert.equal(second.at(-1)?.text, t(lang, 'human.offerAfterMisses'));
      assert.ok(shape(second.at(-1)!).buttons.includes(t(lang, 'menu.human')));
    });
  });
}

describe('asking instead of guessing, inside a flow', () => {
  /** A flow that cannot use free text and hands it back to the root. */
  class OneQuestion extends ComponentDialog {
    constructor() {
      super('triage');
      this.addDialog(
        new WaterfallDialog('steps', [
          async (step) => {
            await step.context.sendActivity('the question');
            return { status: 'waiting' } as never;
          },
          async (step) => step.endDialog(),
        ]),
      );
    }
  }

  it('an unsure reading does not take the person out of the flow', async () => {
    const { adapter } = createHarness({ locale: 'nb-NO', flows: [new OneQuestion(), new TopicEcho()], understanding: understanding({ 'brev fra nav': UNSURE }) });
    assert.equal((await say(adapter, { type: 'message', text: t('nb', 'menu.triage'), locale: 'nb-NO' }))[0]?.text, 'the question');
    const replies = await say(adapter, { type: 'message', text: 'brev fra nav', locale: 'nb-NO' });
    assert.ok(!replies.some((r) => r.text === t('nb', 'clarify.question')));
    assert.ok(!replies.some((r) => (r.text ?? '').startsWith('topic')));
  });
});
