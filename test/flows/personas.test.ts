import assert from 'node:assert/strict';
import type { Lang } from '../../core/language.js';
import type { QuestionId } from '../../core/triage/index.js';
import { SHORT_TEXT } from '../../core/handoff/render.js';
import { t } from '../../dialogs/i18n.js';
import { answerLabel, askedQuestion, emergencyTexts, FlowBot, joined, LANGS, type Citizen, type Seen } from '../helpers/flowHarness.js';

/** An answer code or an English key in a text meant for a person. */
const CODE = /\b[A-Z]{2,}_[A-Z0-9_]+\b|\bgoal:/;

interface Persona {
  name: string;
  /** The first thing they write, in their own words (the homeless person in learner Norwegian). */
  opening: Record<Lang, string>;
  answers: Partial<Record<QuestionId, string | number>>;
  urgent: boolean;
  facts: string[];
}

const PERSONAS: Persona[] = [
  {
    name: 'a young job seeker',
    opening: { nb: 'Jeg er 19 og vil ha jobb', nn: 'Eg er 19 og vil ha jobb', en: 'I am 19 and want a job' },
    answers: {
      age: 19, situation: 'AKKURAT_FULLFORT_UTDANNING', workedSixOfTwelve: 'NEI', education: 'VIDEREGAENDE_GRUNNUTDANNING', educationPassed: 'JA', educationApproved: 'JA',
      healthHinder: 'NEI', otherHinder: 'NEI', money: 'JA', incomeSources: 'INGEN', debt: 'NEI', housing: 'STABIL', network: 'JA', substance: 'NEI', languageHelp: 'NEI', careDuties: 'NEI',
    },
    urgent: false,
    facts: [],
  },
  {
    name: 'a person sick for 11 months',
    opening: { nb: 'Jeg har vært sykmeldt i 11 måneder', nn: 'Eg har vore sjukmeld i 11 månader', en: 'I have been on sick leave for 11 months' },
    answers: {
      age: 45, situation: 'SYKMELDT', workedSixOfTwelve: 'JA', education: 'VIDEREGAENDE_FAGBREV_SVENNEBREV', educationPassed: 'JA', educationApproved: 'JA', healthHinder: 'JA',
      healthDuration: 'LANG', otherHinder: 'NEI', workCapacity: 'DELVIS', money: 'USIKKER', incomeSources: 'SYKEPENGER', debt: 'NEI', housing: 'STABIL', network: 'LITE', substance: 'NEI',
      languageHelp: 'NEI', careDuties: 'NEI',
    },
    urgent: false,
    facts: ['HEALTH', 'SICK_LEAVE'],
  },
  {
    name: 'a single parent with debt',
    opening: { nb: 'Alenemor med gjeld, trenger hjelp', nn: 'Åleinemor med gjeld, treng hjelp', en: 'Single mum with debt, need help' },
    answers: {
      age: 34, situation: 'DELTIDSJOBB_VIL_MER', workedSixOfTwelve: 'JA', education: 'GRUNNSKOLE', healthHinder: 'NEI', otherHinder: 'JA', workCapacity: 'FULLT', money: 'USIKKER',
      incomeSources: 'LONN', debt: 'JA', housing: 'USTABIL', network: 'LITE', substance: 'NEI', languageHelp: 'NEI', careDuties: 'JA',
    },
    urgent: false,
    facts: ['HOUSING_AT_RISK', 'DEBT', 'CARE'],
  },
  {
    name: 'a person with MS',
    opening: { nb: 'Jeg har MS og klarer ikke å jobbe', nn: 'Eg har MS og klarer ikkje å jobbe', en: 'I have MS and cannot work' },
    answers: {
      age: 52, situation: 'SYKMELDT', workedSixOfTwelve: 'JA', education: 'HOYERE_UTDANNING_1_TIL_4', educationPassed: 'JA', educationApproved: 'JA', healthHinder: 'JA', healthDuration: 'VARIG',
      otherHinder: 'NEI', workCapacity: 'LITT_ELLER_INGENTING', money: 'JA', incomeSources: 'AAP', debt: 'NEI', housing: 'STABIL', network: 'JA', substance: 'NEI', languageHelp: 'NEI', careDuties: 'NEI',
    },
    urgent: false,
    facts: ['HEALTH', 'LITTLE_CAPACITY'],
  },
  {
    name: 'a homeless person with debt and weak Norwegian',
    opening: { nb: 'jeg ikke har hus, sove ute, mye gjeld', nn: 'eg ikkje har hus, sove ute, mykje gjeld', en: 'me no house, sleep outside, much debt' },
    answers: {
      age: 38, situation: 'MISTET_JOBBEN', workedSixOfTwelve: 'NEI', education: 'INGEN_UTDANNING', healthHinder: 'NEI', otherHinder: 'JA', workCapacity: 'DELVIS', money: 'NEI',
      incomeSources: 'INGEN', debt: 'JA', housing: 'UTEN_BOLIG', network: 'NEI', substance: 'NEI', languageHelp: 'JA', careDuties: 'NEI',
    },
    urgent: true,
    facts: ['LANGUAGE', 'DEBT', 'ALONE'],
  },
];

/** Answers every question with the persona's answer (a multiple choice then "Ferdig"), until the review. */
async function answerAll(citizen: Citizen, current: Seen[], answers: Persona['answers']): Promise<Seen[]> {
  const lang = citizen.lang;
  let replies = current;
  let previous: QuestionId | undefined;
  // (the same question twice in a row would be the loop of the issue)
  for (let turns = 0; askedQuestion(lang, replies); turns++) {
    const asked = askedQuestion(lang, replies)!;
    assert.ok(turns < 30, `the questionnaire does not end: ${asked}`);
    const code = answers[asked];
    assert.notEqual(asked, previous, `asked again: ${asked}`);
    previous = asked;
    const typed = code === undefined ? t(lang, 'triage:buttons.skip') : typeof code === 'number' ? String(code) : answerLabel(lang, asked, code);
    replies = await citizen.say(typed);
    // A multiple choice shows what is chosen; "Ferdig" goes on.
    if (asked === 'incomeSources' && code !== 'INGEN' && code !== undefined) replies = await citizen.say(t(lang, 'triage:buttons.done'));
  }
  return replies;
}

describe('the five personas of issue 15, each to a finished summary', function () {
  this.timeout(60_000);
  let bot: FlowBot;
  before(async () => {
    bot = await FlowBot.start();
    // A veileder has the page open, so the summary goes to the queue.
    await bot.veileder('');
  });
  after(async () => bot?.close());

  for (const lang of LANGS) {
    describe(lang, () => {
      for (const persona of PERSONAS) {
        it(`${persona.name}: through every question, no loop, a readable summary, sent`, async () => {
          const citizen = await bot.citizen(lang);
          const from = new Date();
          const first = await citizen.say(persona.opening[lang]);
          const help = emergencyTexts(lang, from, new Date());
          if (persona.urgent) assert.ok(help.includes(first[0]?.text ?? ''), `same-day help first: ${joined(first).slice(0, 200)}`);

          let start = await citizen.say(t(lang, 'menu.triage'));
          // The opening may have started the questions already, with it as the request; else it is the request now.
          const asked = askedQuestion(lang, start);
          if (!asked || asked === 'goal') start = await citizen.say(persona.opening[lang]);
          const review = await answerAll(citizen, start, persona.answers);
          assert.ok(joined(review).includes(t(lang, 'triage:review.heading')), joined(review));
          const helpShown = citizen.transcript.filter((s) => help.includes(s.text)).length;
          assert.equal(helpShown, persona.urgent ? 1 : 0, `the same-day help was shown ${helpShown} times`);

          await citizen.say(t(lang, 'triage:buttons.showResult'));
          await citizen.say(t(lang, 'triage:options.selfAssessment.TRENGER_VEILEDER'));
          const consent = await citizen.say(t(lang, 'menu.human'));
          const shown = consent.find((r) => r.text.startsWith(t(lang, 'handoff:render.heading')) || r.text.startsWith(t(lang, 'handoff:render.headingUrgent')))?.text ?? '';
          assert.ok(shown, joined(consent));
          assert.doesNotMatch(shown, CODE);
          assert.ok(shown.length <= SHORT_TEXT + 120, `${shown.length} characters`);
          assert.equal(shown.includes(t(lang, 'handoff:urgent.URGENT_HOUSING')), persona.urgent, shown);
          for (const fact of persona.facts) assert.ok(shown.includes(t(lang, `handoff:fact.${fact}`)), `${fact}: ${shown}`);
          assert.ok(shown.includes(t(lang, 'handoff:render.indication', { level: '' }).slice(0, 20)), 'the indication in one line');

          const sent = await citizen.say(t(lang, 'handoff:consent.buttons.send'));
          assert.ok(joined(sent).includes(t(lang, 'handoff:queue.sent')), joined(sent));
        });
      }
    });
  }
});

describe('several needs in one message are acknowledged as several', function () {
  this.timeout(60_000);
  let bot: FlowBot;
  before(async () => {
    bot = await FlowBot.start();
  });
  after(async () => bot?.close());

  const MANY: Record<Lang, string> = {
    nb: 'Jeg mistet jobben, klarer ikke husleia, har inkasso, er syk og føler meg ensom',
    nn: 'Eg mista jobben, klarer ikkje husleiga, har inkasso, er sjuk og kjenner meg einsam',
    en: 'I lost my job, cannot pay the rent, have debt collection, am ill and feel lonely',
  };

  for (const lang of LANGS) {
    it(`${lang}: job, rent, debt collection, health and loneliness are all named, rent first; the questionnaire then starts from those words`, async () => {
      const citizen = await bot.citizen(lang);
      const replies = await citizen.say(MANY[lang]);
      const text = joined(replies);
      for (const need of ['housing', 'debt', 'health', 'work', 'lonely']) assert.ok(text.includes(t(lang, `several.needs.${need}`)), `${need}: ${text}`);
      assert.ok(text.indexOf(t(lang, 'several.needs.housing')) < text.indexOf(t(lang, 'several.needs.work')), 'most urgent first');
      const buttons = replies.at(-1)?.buttons ?? [];
      assert.ok(buttons.includes(t(lang, 'menu.triage')) && buttons.includes(t(lang, 'menu.human')), buttons.join(' | '));
      const asked = await citizen.say(t(lang, 'menu.triage'));
      assert.equal(askedQuestion(lang, asked), 'age', 'the request is not asked again');
      const summary = joined(await citizen.say(t(lang, 'menu.human')));
      assert.ok(summary.includes(`«${MANY[lang]}»`), summary);
    });
  }
});
