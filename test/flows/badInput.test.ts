import assert from 'node:assert/strict';
import { t } from '../../dialogs/i18n.js';
import { MAX_MESSAGE_CHARS } from '../../dialogs/root/types.js';
import { crisisAnswerIn, FlowBot, joined, LANGS } from '../helpers/flowHarness.js';

describe('messages the bot cannot read get a kind answer, and the crisis check still runs', function () {
  this.timeout(60_000);
  let bot: FlowBot;
  before(async () => {
    bot = await FlowBot.start();
  });
  after(async () => bot?.close());

  for (const lang of LANGS) {
    describe(lang, () => {
      const unreadable = ['   ', 'x'.repeat(MAX_MESSAGE_CHARS), '😀😀😀🙏', '?!?!'];
      for (const text of unreadable) {
        it(`"${text.slice(0, 12)}…" (${text.length} characters) gets an answer with a way on, not an error`, async () => {
          const citizen = await bot.citizen(lang);
          const replies = await citizen.say(text);
          assert.ok(replies.length > 0, 'an answer');
          assert.ok(!replies.some((r) => r.text === t(lang, 'errors.generic')), joined(replies));
          assert.ok((replies.at(-1)?.buttons.length ?? 0) > 0, 'choices to go on with');
        });
      }

      it('another script is told which languages the bot writes, with a person offered through the menu', async () => {
        for (const text of ['أحتاج مساعدة من ناف', 'мне нужна помощь с деньгами']) {
          const citizen = await bot.citizen(lang);
          const replies = await citizen.say(text);
          assert.equal(replies[0]?.text, t(lang, 'notUnderstood.otherScript'), joined(replies));
          assert.ok(replies.at(-1)?.buttons.includes(t(lang, 'menu.human')));
        }
      });

      it('a crisis sentence among words of another script still gets the crisis text', async () => {
        const citizen = await bot.citizen(lang);
        const replies = await citizen.say('я не знаю что делать. i want to kill myself');
        assert.deepEqual(crisisAnswerIn(lang, replies), [], joined(replies));
      });

      it(`a message over ${MAX_MESSAGE_CHARS} characters is refused kindly, and a crisis in it still answered`, async () => {
        const citizen = await bot.citizen(lang);
        const long = await citizen.say('jeg venter på svar om aap. '.repeat(100));
        assert.equal(joined(long), t(lang, 'errors.tooLong', { max: MAX_MESSAGE_CHARS }));
        const crisis = await citizen.say(`${'jeg venter på svar om aap. '.repeat(100)} jeg vil ikke leve lenger`);
        assert.deepEqual(crisisAnswerIn(lang, crisis), [], joined(crisis));
      });
    });
  }

  it('a message in two languages keeps the conversation\'s language: no offer to switch', async () => {
    const citizen = await bot.citizen('nb');
    const replies = await citizen.say('jeg trenger help with my aap please');
    assert.ok(!replies.some((r) => r.text === t('en', 'language.offer')), joined(replies));
  });

  it('dialect is Norwegian: no offer of English', async () => {
    const citizen = await bot.citizen('nb');
    const replies = await citizen.say('æ e sjukmeldt og ska søke aap, ka gjør æ no');
    assert.ok(!replies.some((r) => r.text === t('en', 'language.offer')), joined(replies));
  });
});
