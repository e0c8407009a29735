import assert from 'node:assert/strict';
import sinon from 'sinon';
import { LANGUAGES, type Lang } from '../../core/language.js';
import { t } from '../../dialogs/i18n.js';
import { createHarness, joinActivity, say } from '../helpers/botHarness.js';

const LOCALE: Record<Lang, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-US' };

for (const lang of LANGUAGES) {
  describe(`the bot's own buttons and the crisis check, in ${lang}`, () => {
    it('tells the crisis check when a message is the label of a button just shown, so the classifier keeps out', async () => {
      const checkSafety = sinon.stub().returns(null);
      const { adapter } = createHarness({ locale: LOCALE[lang], hooks: { checkSafety } });
      await say(adapter, joinActivity(LOCALE[lang]));
      const label = t(lang, 'menu.human');
      await say(adapter, { type: 'message', text: label.toUpperCase(), locale: LOCALE[lang] });
      assert.deepEqual(checkSafety.lastCall.args, [label.toUpperCase(), { ownButton: true }]);
      await say(adapter, { type: 'message', text: 'jeg har det ikke så bra', locale: LOCALE[lang] });
      assert.deepEqual(checkSafety.lastCall.args, ['jeg har det ikke så bra', { ownButton: false }]);
    });
  });
}
