import type { Answers, Flag, Level, Priority, Profilering, QuestionId, RightCode } from './codes.js';
import { QUESTION_IDS } from './codes.js';
import { effectiveAnswers, isApplicable } from './flow.js';
import { questionBank, questionById } from './questionBank.js';

/** Why a rule fired. Each code has a "because you said …" text in locales/<lang>/triage.json (reasons.<code>). */
export const REASON_CODES = [
  // 1. life situation
  'LIFE_SITUATION',
  // 2. profilering
  'HEALTH_HINDER', 'HEALTH_HINDER_UNSURE', 'OTHER_HINDER', 'OTHER_HINDER_UNSURE', 'GOOD_PROSPECTS',
  'AGE_OUTSIDE_18_59', 'NO_RECENT_WORK', 'RECENT_WORK_UNSURE', 'NO_EDUCATION', 'EDUCATION_NOT_PASSED',
  'EDUCATION_NOT_APPROVED', 'EDUCATION_APPROVAL_UNSURE', 'NOT_ANSWERED',
  // 3. level
  'LASTING_HEALTH_LITTLE_CAPACITY', 'HINDER_BUT_FULL_CAPACITY', 'REDUCED_CAPACITY', 'CAPACITY_UNSURE',
  'LIFE_SITUATION_LIMITS_WORK', 'SELF_ASSESSMENT_RAISED', 'USER_DISAGREES',
  // 4. work-ability assessment
  'WORK_ABILITY_ASSESSMENT_FIRST',
  // 5. flags (same codes as the flags)
  'URGENT_MONEY', 'URGENT_HOUSING', 'HOUSING_AT_RISK', 'DEBT', 'LONG_TERM_SOCIAL_ASSISTANCE', 'SUBSTANCE',
  'ISOLATION', 'LANGUAGE', 'CARE_DUTIES', 'UNDER_18', 'UNGDOMSGARANTI',
  // 6. relevant rights (PARAGRAF_14A is always relevant and needs no reason)
  'RIGHT_AAP', 'RIGHT_KVP', 'RIGHT_OKONOMISK_STONAD', 'RIGHT_NODHJELP', 'RIGHT_MIDLERTIDIG_BOTILBUD', 'RIGHT_GJELDSRADGIVNING',
  // 7. priority
  'PRIORITY_URGENT', 'PRIORITY_HIGH',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export interface Reason {
  code: ReasonCode;
  questionIds: QuestionId[];
}

export interface Assessment {
  level: Level;
  profilering: Profilering;
  needsWorkAbilityAssessment: boolean;
  userDisagrees: boolean;
  threatenedArenas: number;
  flags: Flag[];
  relevantRights: RightCode[];
  priority: Priority;
  reasons: Reason[];
}

const inBankOrder = (ids: Iterable<QuestionId>): QuestionId[] => {
  const set = new Set(ids);
  return QUESTION_IDS.filter((id) => set.has(id));
};

const hinder = (v: string | null | undefined): boolean => v === 'JA' || v === 'VET_IKKE';
const ageBetween = (age: number | null | undefined, min: number, max: number): boolean =>
  typeof age === 'number' && age >= min && age <= max;

/**
 * The triage rules of shared/specs/triage.md, applied in order. Pure: the same answers give the same
 * assessment. `today` is part of the contract for date-dependent rules; none of the current rules
 * needs it (age is asked directly).
 */
export function assess(answers: Answers, _today: Date): Assessment {
  const bank = questionBank();
  const a = effectiveAnswers(answers, bank);
  const reasons: Reason[] = [];
  const add = (code: ReasonCode, ids: Iterable<QuestionId>): Reason => {
    const reason = { code, questionIds: inBankOrder(ids) };
    reasons.push(reason);
    return reason;
  };

  // 1. Life-situation obstacles: the threatened arenas.
  const threatened: QuestionId[] = [];
  if (a.money === 'NEI') threatened.push('money');
  if (a.socialAssistanceDuration === 'OVER_6_MND') threatened.push('socialAssistanceDuration');
  if (a.debt === 'JA') threatened.push('debt');
  if (a.housing === 'USTABIL' || a.housing === 'UTEN_BOLIG') threatened.push('housing');
  if (a.network === 'NEI') threatened.push('network');
  if (a.substance === 'JA') threatened.push('substance');
  if (a.languageHelp === 'JA') threatened.push('languageHelp');
  const lifeSituationHinder = a.substance === 'JA' || a.housing === 'UTEN_BOLIG' || threatened.length >= 3;
  if (lifeSituationHinder) {
    const ids: QuestionId[] = threatened.length >= 3 ? [...threatened] : [];
    if (a.substance === 'JA') ids.push('substance');
    if (a.housing === 'UTEN_BOLIG') ids.push('housing');
    add('LIFE_SITUATION', ids);
  }

  // 2. Profilering.
  let profilering: Profilering;
  if (hinder(a.healthHinder) || hinder(a.otherHinder) || lifeSituationHinder) {
    profilering = 'OPPGITT_HINDRINGER';
    if (a.healthHinder === 'JA') add('HEALTH_HINDER', ['healthHinder']);
    if (a.healthHinder === 'VET_IKKE') add('HEALTH_HINDER_UNSURE', ['healthHinder']);
    if (a.otherHinder === 'JA') add('OTHER_HINDER', ['otherHinder']);
    if (a.otherHinder === 'VET_IKKE') add('OTHER_HINDER_UNSURE', ['otherHinder']);
  } else {
    const failed: [ReasonCode, QuestionId[]][] = [];
    const skipped: QuestionId[] = [];
    // Neither hinder question is JA or VET_IKKE here, so anything but NEI was skipped.
    if (a.healthHinder !== 'NEI') skipped.push('healthHinder');
    if (a.otherHinder !== 'NEI') skipped.push('otherHinder');
    if (a.age === null || a.age === undefined) skipped.push('age');
    else if (!ageBetween(a.age, 18, 59)) failed.push(['AGE_OUTSIDE_18_59', ['age']]);
    const workQuestion: QuestionId = isApplicable(questionById('workedSixOfTwelve', bank), answers) ? 'workedSixOfTwelve' : 'situation';
    if (a.workedSixOfTwelve === 'NEI') failed.push(['NO_RECENT_WORK', [workQuestion]]);
    else if (a.workedSixOfTwelve === 'VET_IKKE') failed.push(['RECENT_WORK_UNSURE', ['workedSixOfTwelve']]);
    else if (a.workedSixOfTwelve !== 'JA') skipped.push('workedSixOfTwelve');
    const educationIds: QuestionId[] = ['education'];
    if (a.education === null || a.education === undefined) skipped.push('education');
    else if (a.education === 'INGEN_UTDANNING') failed.push(['NO_EDUCATION', ['education']]);
    else if (a.education !== 'GRUNNSKOLE') {
      educationIds.push('educationPassed', 'educationApproved');
      if (a.educationPassed === 'NEI') failed.push(['EDUCATION_NOT_PASSED', ['educationPassed']]);
      else if (a.educationPassed !== 'JA') skipped.push('educationPassed');
      if (a.educationApproved === 'NEI') failed.push(['EDUCATION_NOT_APPROVED', ['educationApproved']]);
      else if (a.educationApproved === 'VET_IKKE') failed.push(['EDUCATION_APPROVAL_UNSURE', ['educationApproved']]);
      else if (a.educationApproved !== 'JA') skipped.push('educationApproved');
    }
    if (failed.length === 0 && skipped.length === 0) {
      profilering = 'ANTATT_GODE_MULIGHETER';
      add('GOOD_PROSPECTS', ['healthHinder', 'otherHinder', 'age', workQuestion, ...educationIds]);
    } else {
      profilering = 'ANTATT_BEHOV_FOR_VEILEDNING';
      for (const [code, ids] of failed) add(code, ids);
      if (skipped.length > 0) add('NOT_ANSWERED', skipped);
    }
  }

  // 3. Indicated level; the self-assessment only ever raises it.
  let level: Level;
  let levelReason: Reason | undefined;
  if (profilering === 'OPPGITT_HINDRINGER') {
    if (a.healthDuration === 'VARIG' && a.workCapacity === 'LITT_ELLER_INGENTING') {
      level = 'VARIG_TILPASSET_INNSATS';
      levelReason = add('LASTING_HEALTH_LITTLE_CAPACITY', ['healthDuration', 'workCapacity']);
    } else if (a.workCapacity === 'FULLT' && !lifeSituationHinder) {
      level = 'SITUASJONSBESTEMT_INNSATS';
      levelReason = add('HINDER_BUT_FULL_CAPACITY', ['workCapacity']);
    } else {
      level = 'SPESIELT_TILPASSET_INNSATS';
      const onlyLifeSituation = !hinder(a.healthHinder) && !hinder(a.otherHinder);
      if (a.workCapacity === 'DELVIS' || a.workCapacity === 'LITT_ELLER_INGENTING') levelReason = add('REDUCED_CAPACITY', ['workCapacity']);
      else if (a.workCapacity === 'FULLT') levelReason = add('LIFE_SITUATION_LIMITS_WORK', ['workCapacity']);
      else if (a.workCapacity === 'VET_IKKE') levelReason = add('CAPACITY_UNSURE', ['workCapacity']);
      // Not asked (both hinder questions NEI): the life situation alone points to reduced work ability.
      else if (a.workCapacity === undefined && onlyLifeSituation) levelReason = add('LIFE_SITUATION_LIMITS_WORK', []);
      else levelReason = add('NOT_ANSWERED', ['workCapacity']);
    }
  } else if (profilering === 'ANTATT_GODE_MULIGHETER') {
    level = 'STANDARD_INNSATS';
    if (a.selfAssessment === 'TRENGER_VEILEDER') {
      level = 'SITUASJONSBESTEMT_INNSATS';
      add('SELF_ASSESSMENT_RAISED', ['selfAssessment']);
    }
  } else {
    level = 'SITUASJONSBESTEMT_INNSATS';
  }
  const userDisagrees = a.selfAssessment === 'KLARER_SELV' && level !== 'STANDARD_INNSATS';
  if (userDisagrees) add('USER_DISAGREES', ['selfAssessment']);

  // 4. An arbeidsevnevurdering comes before the two highest levels.
  const needsWorkAbilityAssessment = level === 'SPESIELT_TILPASSET_INNSATS' || level === 'VARIG_TILPASSET_INNSATS';
  if (needsWorkAbilityAssessment) add('WORK_ABILITY_ASSESSMENT_FIRST', levelReason?.questionIds ?? []);

  // 5. Flags.
  const flags: Flag[] = [];
  const flag = (f: Flag, when: boolean, ids: QuestionId[]): void => {
    if (!when) return;
    flags.push(f);
    add(f, ids);
  };
  flag('URGENT_MONEY', a.money === 'NEI', ['money']);
  flag('URGENT_HOUSING', a.housing === 'UTEN_BOLIG', ['housing']);
  flag('HOUSING_AT_RISK', a.housing === 'USTABIL', ['housing']);
  flag('DEBT', a.debt === 'JA', ['debt']);
  flag('LONG_TERM_SOCIAL_ASSISTANCE', a.socialAssistanceDuration === 'OVER_6_MND', ['socialAssistanceDuration']);
  flag('SUBSTANCE', a.substance === 'JA', ['substance']);
  flag('ISOLATION', a.network === 'NEI', ['network']);
  flag('LANGUAGE', a.languageHelp === 'JA', ['languageHelp']);
  flag('CARE_DUTIES', a.careDuties === 'JA', ['careDuties']);
  flag('UNDER_18', typeof a.age === 'number' && a.age < 18, ['age']);
  flag('UNGDOMSGARANTI', ageBetween(a.age, 16, 29) && (level === 'SITUASJONSBESTEMT_INNSATS' || level === 'SPESIELT_TILPASSET_INNSATS'), ['age']);

  // 6. Relevant rights: what the bot offers to explain next, never a promise.
  const relevantRights: RightCode[] = ['PARAGRAF_14A'];
  const right = (r: Exclude<RightCode, 'PARAGRAF_14A'>, when: boolean, ids: QuestionId[]): void => {
    if (!when) return;
    relevantRights.push(r);
    add(`RIGHT_${r}`, ids);
  };
  const income = a.incomeSources ?? [];
  const sickLeave = a.situation === 'SYKMELDT';
  right(
    'AAP',
    a.healthHinder === 'JA' && ageBetween(a.age, 18, 66) && (a.healthDuration === 'LANG' || a.healthDuration === 'VARIG' || sickLeave),
    ['healthHinder', 'age', a.healthDuration === 'LANG' || a.healthDuration === 'VARIG' ? 'healthDuration' : 'situation'],
  );
  const onlyNoIncome = income.length === 1 && income[0] === 'INGEN';
  right(
    'KVP',
    ageBetween(a.age, 18, 66) && profilering === 'OPPGITT_HINDRINGER' && !income.includes('AAP') && !income.includes('UFORETRYGD') &&
      (a.socialAssistanceDuration === 'OVER_6_MND' || onlyNoIncome),
    ['age', 'incomeSources', ...(a.socialAssistanceDuration === 'OVER_6_MND' ? ['socialAssistanceDuration' as const] : [])],
  );
  const moneyShort = a.money === 'NEI' || a.money === 'USIKKER';
  right('OKONOMISK_STONAD', moneyShort || income.includes('SOSIALHJELP'), [
    ...(moneyShort ? ['money' as const] : []),
    ...(income.includes('SOSIALHJELP') ? ['incomeSources' as const] : []),
  ]);
  right('NODHJELP', a.money === 'NEI', ['money']);
  right('MIDLERTIDIG_BOTILBUD', a.housing === 'UTEN_BOLIG', ['housing']);
  right('GJELDSRADGIVNING', a.debt === 'JA', ['debt']);

  // 7. Priority for the veileder queue: complexity raises it, never lowers it.
  let priority: Priority = 'ORDINARY';
  if (flags.includes('URGENT_MONEY') || flags.includes('URGENT_HOUSING')) {
    priority = 'URGENT';
    add('PRIORITY_URGENT', [...(a.money === 'NEI' ? ['money' as const] : []), ...(a.housing === 'UTEN_BOLIG' ? ['housing' as const] : [])]);
  } else {
    const ids: QuestionId[] = [];
    const highLevel = level === 'SPESIELT_TILPASSET_INNSATS' || level === 'VARIG_TILPASSET_INNSATS';
    if (highLevel) ids.push(...(levelReason?.questionIds ?? []));
    if (threatened.length >= 2) ids.push(...threatened);
    if (flags.includes('SUBSTANCE')) ids.push('substance');
    if (highLevel || threatened.length >= 2 || flags.includes('SUBSTANCE')) {
      priority = 'HIGH';
      add('PRIORITY_HIGH', ids);
    }
  }

  return {
    level,
    profilering,
    needsWorkAbilityAssessment,
    userDisagrees,
    threatenedArenas: threatened.length,
    flags,
    relevantRights,
    priority,
    reasons,
  };
}
