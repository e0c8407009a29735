import assert from 'node:assert/strict';
import { TestAdapter, type TurnContext } from 'botbuilder';
import { LANGUAGES, type Lang } from '../../core/language.js';
import { emergencyAnswer, emergencyReply } from '../../dialogs/rights/emergency.js';
import { newConversationData, setTurnData } from '../../dialogs/context.js';
import { t } from '../../dialogs/i18n.js';
import { buttonsOf } from './harness.js';

const NBSP = '\u00a0';
const TUESDAY_MORNING = new Date('2026-11-24T09:00:00Z'); // 10:00 in Oslo
const TUESDAY_NIGHT = new Date('2026-11-24T21:00:00Z'); // 22:00 in Oslo
const SATURDAY = new Date('2026-11-28T11:00:00Z');
const ASCENSION_DAY = new Date('2026-05-14T09:00:00Z'); // Kristi himmelfartsdag, a Thursday

describe('same-day emergency answer', () => {
  const AFTER_CLOSING = new Date('2026-11-24T14:25:00Z'); // 15:25 in Oslo, a Tuesday: Nav closed at 15

  for (const lang of LANGUAGES) {
    it(`${lang}: while Nav is open says so, to contact the office today, then housing, then emergency numbers`, () => {
      const [message, more] = emergencyAnswer(lang, TUESDAY_MORNING);
      assert.equal(more, undefined);
      const text = message?.text ?? '';
      assert.ok(text.startsWith(t(lang, 'rights:emergency.open', { phoneNav: `55${NBSP}55${NBSP}33${NBSP}33`, closes: '15:00' })), text);
      assert.ok(text.includes(t(lang, 'rights:emergency.housing')));
      assert.ok(text.includes('§ 27'));
      for (const phone of ['112', `116${NBSP}117`, '113']) assert.ok(text.includes(phone), `${phone} missing`);
      assert.deepEqual(buttonsOf(message), [t(lang, 'menu.human')]);
    });

    it(`${lang}: after 15 on a weekday, at night, at the weekend and on a public holiday: Nav is closed, when it opens, what is open now`, () => {
      const cases: Array<[Date, string]> = [
        [AFTER_CLOSING, t(lang, 'rights:emergency.closedNow', { when: lang === 'en' ? 'Wednesday 25 November at 09:00' : 'onsdag 25. november kl. 09:00' })],
        [TUESDAY_NIGHT, t(lang, 'rights:emergency.closedNow', { when: lang === 'en' ? 'Wednesday 25 November at 09:00' : 'onsdag 25. november kl. 09:00' })],
        [SATURDAY, t(lang, 'rights:emergency.closedNow', { when: lang === 'en' ? 'Monday 30 November at 09:00' : `${lang === 'nb' ? 'mandag' : 'måndag'} 30. november kl. 09:00` })],
      ];
      for (const [when, first] of cases) {
        const text = emergencyAnswer(lang, when)[0]?.text ?? '';
        assert.ok(text.startsWith(first), `${when.toISOString()}: ${text.slice(0, 120)}`);
        for (const phone of ['112', '113', '116 006']) assert.ok(text.includes(phone), `${phone} missing`);
        assert.ok(text.includes(`116${NBSP}117`), 'legevakt');
        assert.ok(!text.includes(t(lang, 'rights:emergency.open', { phoneNav: `55${NBSP}55${NBSP}33${NBSP}33`, closes: '15:00' }).slice(0, 20)), 'not told that Nav is open');
        assert.ok(text.includes('§ 27') && text.includes(t(lang, 'rights:emergency.leaveSummary', { button: t(lang, 'menu.human') })));
      }
      const holiday = emergencyAnswer(lang, ASCENSION_DAY)[0]?.text ?? '';
      assert.ok(holiday.startsWith(t(lang, 'rights:emergency.closedHoliday', { holiday: 'Kristi himmelfartsdag', when: lang === 'en' ? 'Friday 15 May at 09:00' : 'fredag 15. mai kl. 09:00' })), holiday);
    });
  }

  it('as the root hook, answers in the user\'s language and notes NODHJELP for the handoff summary', async () => {
    const data = newConversationData('nn');
    const reply = emergencyReply(() => SATURDAY);
    const adapter = new TestAdapter(async (ctx: TurnContext) => {
      setTurnData(ctx, data);
      await reply(ctx, 'nn' as Lang);
    });
    await adapter.send('eg har ikkje pengar til mat');
    const [sent] = adapter.activeQueue.splice(0);
    assert.ok((sent?.text ?? '').startsWith(t('nn', 'rights:emergency.closedNow', { when: 'måndag 30. november kl. 09:00' })), sent?.text);
    assert.deepEqual(data.topicsExplained, ['NODHJELP']);
  });
});
