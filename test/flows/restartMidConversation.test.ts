import assert from 'node:assert/strict';
import type { Lang } from '../../core/language.js';
import { t } from '../../dialogs/i18n.js';
import { answerLabel, answerUntilReview, askedQuestion, crisisAnswerIn, FlowBot, joined, reviewLine } from '../helpers/flowHarness.js';

const REQUEST: Record<Lang, string> = { nb: 'Jeg trenger hjelp til å finne jobb', nn: 'Eg treng hjelp til å finne jobb', en: 'I need help finding work' };
const WHAT_IS_AAP: Record<Lang, string> = { nb: 'hva er AAP?', nn: 'kva er AAP?', en: 'what is AAP?' };

describe('a restart of the bot in the middle of a conversation', function () {
  this.timeout(60_000);
  let bot: FlowBot | undefined;
  afterEach(async () => {
    await bot?.close();
    bot = undefined;
  });

  it('nn: the questionnaire with a rights topic on top goes on after the restart, with the answers kept', async () => {
    const lang: Lang = 'nn';
    bot = await FlowBot.start();
    const citizen = await bot.citizen(lang);
    await citizen.sayAll([t(lang, 'menu.triage'), REQUEST[lang]]);
    assert.equal(askedQuestion(lang, await citizen.say('52')), 'situation');
    assert.ok(joined(await citizen.say(WHAT_IS_AAP[lang])).includes(t(lang, 'rights:ui.moreQuestion', { topic: t(lang, 'rights:topics.AAP.inSentence') })));

    const dataDir = bot.dataDir;
    await bot.close();
    bot = await FlowBot.start(dataDir);
    citizen.moveTo(bot.directLineBase);

    const resumed = await citizen.say(t(lang, 'rights:ui.backToMenu'));
    assert.equal(askedQuestion(lang, resumed), 'situation', joined(resumed));
    const review = await answerUntilReview(citizen, await citizen.say(answerLabel(lang, 'situation', 'ER_PERMITTERT')), {});
    assert.ok(joined(review).includes(reviewLine(lang, 'age', '52')), joined(review));
    assert.ok(joined(review).includes(reviewLine(lang, 'goal', REQUEST[lang])), 'the request from before the restart');
  });

  it('en: a user queued for a veileder is still queued after the restart, and the crisis check still comes first', async () => {
    const lang: Lang = 'en';
    bot = await FlowBot.start();
    await bot.veileder('');
    const citizen = await bot.citizen(lang);
    const request = `${REQUEST[lang]} (restart)`;
    await citizen.sayAll([t(lang, 'menu.human'), request, t(lang, 'handoff:consent.buttons.send')]);
    const waiting = await citizen.say('hello?');

    const dataDir = bot.dataDir;
    await bot.close();
    bot = await FlowBot.start(dataDir);
    citizen.moveTo(bot.directLineBase);
    await bot.veileder('');

    assert.equal((await bot.handoffWithRequest(request))?.state, 'queued');
    assert.deepEqual((await citizen.say('hello?')).map((r) => r.text), waiting.map((r) => r.text), 'the same place in the queue');
    const crisis = await citizen.say('I want to kill myself');
    assert.deepEqual(crisisAnswerIn(lang, crisis), [], joined(crisis));
  });
});
