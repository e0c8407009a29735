import assert from 'node:assert/strict';
import { TestAdapter, type TurnContext } from 'botbuilder';
import { LANGUAGES, type Lang } from '../../core/language.js';
import { officeDayKind } from '../../core/rights/officeDay.js';
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
  it('knows when NAV offices are usually open in Norway', () => {
    assert.equal(officeDayKind(TUESDAY_MORNING), 'weekday');
    assert.equal(officeDayKind(TUESDAY_NIGHT), 'evening');
    assert.equal(officeDayKind(SATURDAY), 'weekend');
    assert.equal(officeDayKind(ASCENSION_DAY), 'holiday');
    // 23:30 UTC on Friday is already Saturday in Oslo.
    assert.equal(officeDayKind(new Date('2026-11-27T23:30:00Z')), 'weekend');
  });

  for (const lang of LANGUAGES) {
    it(`${lang}: on a weekday says to contact the NAV office today, then housing, then emergency numbers`, () => {
      const [message, more] = emergencyAnswer(lang, TUESDAY_MORNING);
      assert.equal(more, undefined);
      const text = message?.text ?? '';
      assert.ok(text.startsWith(t(lang, 'rights:emergency.open', { phoneNav: `55${NBSP}55${NBSP}33${NBSP}33` })), text);
      assert.ok(text.indexOf(t(lang, 'rights:emergency.housing')) > 0);
      for (const phone of ['112', `116${NBSP}117`, '113']) assert.ok(text.includes(phone), `${phone} missing`);
      assert.deepEqual(buttonsOf(message), [t(lang, 'menu.human')]);
    });

    it(`${lang}: at night, at the weekend and on a public holiday says the office is probably closed and what to do`, () => {
      const night = emergencyAnswer(lang, TUESDAY_NIGHT)[0]?.text ?? '';
      const weekend = emergencyAnswer(lang, SATURDAY)[0]?.text ?? '';
      const holiday = emergencyAnswer(lang, ASCENSION_DAY)[0]?.text ?? '';
      assert.ok(night.startsWith(t(lang, 'rights:emergency.closedEvening')), night);
      assert.ok(weekend.startsWith(t(lang, 'rights:emergency.closedWeekend')), weekend);
      assert.ok(holiday.startsWith(t(lang, 'rights:emergency.closedHoliday')), holiday);
      for (const text of [night, weekend, holiday]) assert.ok(text.includes('112') && text.includes(t(lang, 'rights:emergency.housing')));
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
    assert.ok((sent?.text ?? '').startsWith(t('nn', 'rights:emergency.closedWeekend')));
    assert.deepEqual(data.topicsExplained, ['NODHJELP']);
  });
});
