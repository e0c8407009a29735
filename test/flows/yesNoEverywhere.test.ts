import assert from 'node:assert/strict';
import type { Lang } from '../../core/language.js';
import { t } from '../../dialogs/i18n.js';
import { matchCheckInAnswer } from '../../dialogs/root/crisis.js';
import { matchYesNo } from '../../dialogs/yesNo.js';
import { askedQuestion, atSituationQuestion, FlowBot, joined, LANGS, type Citizen } from '../helpers/flowHarness.js';

const NONSENSE = ['xqzv plonk', 'brrrp zzkt'];
const YES: Record<Lang, string[]> = { nb: ['ja', 'Ja takk'], nn: ['ja', 'ja gjerne'], en: ['yes', 'Yes please'] };
const NO: Record<Lang, string[]> = { nb: ['nei', 'nei takk'], nn: ['nei', 'nei takk'], en: ['no', 'no thanks'] };
const REQUEST: Record<Lang, string> = { nb: 'Jeg trenger hjelp med jobb', nn: 'Eg treng hjelp med jobb', en: 'I need help with work' };

async function offered(citizen: Citizen): Promise<void> {
  await citizen.say(NONSENSE[0]!);
  const second = await citizen.say(NONSENSE[1]!);
  assert.ok(joined(second).includes(t(citizen.lang, 'human.offerAfterMisses')), joined(second));
}

describe('yes and no wherever the bot asks yes or no', function () {
  this.timeout(60_000);
  let bot: FlowBot;
  before(async () => {
    bot = await FlowBot.start();
  });
  after(async () => bot?.close());

  it('one matcher: the ordinary lists, and the check-in keeps its own ("maybe" is yes there only)', () => {
    assert.equal(matchYesNo('Ja!'), 'yes');
    assert.equal(matchYesNo('nei, ikke nå'), 'no');
    assert.equal(matchYesNo('yes'), 'yes');
    assert.equal(matchYesNo('kanskje'), undefined);
    assert.equal(matchCheckInAnswer('kanskje'), 'yes');
    assert.equal(matchYesNo('nei jeg vil heller lese om AAP og KVP og dagpenger i dag'), undefined);
  });

  for (const lang of LANGS) {
    describe(lang, () => {
      for (const yes of YES[lang]) {
        it(`«${yes}» to "would you rather talk to a person?" starts the way to a veileder`, async () => {
          const citizen = await bot.citizen(lang);
          await offered(citizen);
          const replies = await citizen.say(yes);
          assert.ok(joined(replies).includes(t(lang, 'handoff:consent.askRequest')) || joined(replies).includes(t(lang, 'handoff:consent.intro')), joined(replies));
        });
      }

      for (const no of NO[lang]) {
        it(`«${no}» to the offer at the menu gives the menu; in the questionnaire, the question again`, async () => {
          const atMenu = await bot.citizen(lang);
          await offered(atMenu);
          const menu = await atMenu.say(no);
          assert.ok(menu.at(-1)?.buttons.includes(t(lang, 'menu.triage')), joined(menu));

          const inFlow = await bot.citizen(lang);
          await atSituationQuestion(inFlow, REQUEST[lang]);
          await offered(inFlow);
          const again = await inFlow.say(no);
          assert.equal(askedQuestion(lang, again), 'situation', joined(again));
        });
      }
    });
  }

  it('"yes" to the offer of writing in another language switches to it', async () => {
    const citizen = await bot.citizen('nb');
    const replies = await citizen.say('I need help finding a job, I lost my job last week');
    assert.ok(replies.at(-1)?.text.includes(t('en', 'language.offer')), joined(replies));
    const switched = await citizen.say('yes');
    assert.ok(joined(switched).includes(t('en', 'language.switched')), joined(switched));
  });
});
