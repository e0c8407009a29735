import assert from 'node:assert/strict';
import { assess, type Answers, type Assessment, type Flag, type ReasonCode, type RightCode } from '../../core/triage/index.js';

const TODAY = new Date('2026-11-26T10:00:00+01:00');

/** Recently unemployed, passed and approved higher education, no hinders, stable life (seed-digest §7 persona 3). */
const GOOD: Answers = {
  age: 35, situation: 'MISTET_JOBBEN', workedSixOfTwelve: 'JA', education: 'HOYERE_UTDANNING_1_TIL_4',
  educationPassed: 'JA', educationApproved: 'JA', healthHinder: 'NEI', otherHinder: 'NEI',
  money: 'JA', incomeSources: ['DAGPENGER'], debt: 'NEI', housing: 'STABIL', network: 'JA', substance: 'NEI',
  languageHelp: 'NEI', careDuties: 'NEI',
};
const NO_RECENT_WORK: Answers = { ...GOOD, situation: 'JOBB_OVER_2_AAR', workedSixOfTwelve: 'NEI' };
const HEALTH_LONG_PART: Answers = { ...GOOD, healthHinder: 'JA', healthDuration: 'LANG', workCapacity: 'DELVIS' };

interface Persona {
  name: string;
  answers: Answers;
  level: Assessment['level'];
  profilering: Assessment['profilering'];
  flags?: Flag[];
  rights?: Exclude<RightCode, 'PARAGRAF_14A'>[];
  priority: Assessment['priority'];
  reasons?: ReasonCode[];
  notReasons?: ReasonCode[];
  userDisagrees?: boolean;
  arenas?: number;
}

const personas: Persona[] = [
  { name: 'recently unemployed with good qualifications (seed 3)', answers: GOOD, level: 'STANDARD_INNSATS', profilering: 'ANTATT_GODE_MULIGHETER', priority: 'ORDINARY', reasons: ['GOOD_PROSPECTS'], arenas: 0 },
  { name: 'gode muligheter, but wants a veileder', answers: { ...GOOD, selfAssessment: 'TRENGER_VEILEDER' }, level: 'SITUASJONSBESTEMT_INNSATS', profilering: 'ANTATT_GODE_MULIGHETER', priority: 'ORDINARY', reasons: ['GOOD_PROSPECTS', 'SELF_ASSESSMENT_RAISED'], userDisagrees: false },
  { name: 'gode muligheter and agrees', answers: { ...GOOD, selfAssessment: 'KLARER_SELV' }, level: 'STANDARD_INNSATS', profilering: 'ANTATT_GODE_MULIGHETER', priority: 'ORDINARY', userDisagrees: false, notReasons: ['USER_DISAGREES'] },
  { name: 'gode muligheter, unsure himself', answers: { ...GOOD, selfAssessment: 'USIKKER' }, level: 'STANDARD_INNSATS', profilering: 'ANTATT_GODE_MULIGHETER', priority: 'ORDINARY', userDisagrees: false },
  // age boundaries
  { name: 'age 17: under 18', answers: { ...GOOD, age: 17 }, level: 'SITUASJONSBESTEMT_INNSATS', profilering: 'ANTATT_BEHOV_FOR_VEILEDNING', flags: ['UNDER_18', 'UNGDOMSGARANTI'], priority: 'ORDINARY', reasons: ['AGE_OUTSIDE_18_59', 'UNDER_18', 'UNGDOMSGARANTI'] },
  { name: 'age 18: inside 18–59', answers: { ...GOOD, age: 18 }, level: 'STANDARD_INNSATS', profilering: 'ANTATT_GODE_MULIGHETER', priority: 'ORDINARY', notReasons: ['UNGDOMSGARANTI'] },
  { name: 'age 15: under 18, too young for the ungdomsgaranti', answers: { ...GOOD, age: 15 }, level: 'SITUASJONSBESTEMT_INNSATS', profilering: 'ANTATT_BEHOV_FOR_VEILEDNING', flags: ['UNDER_18'], priority: 'ORDINARY' },
  { name: 'age 16: under 18 and ungdomsgaranti', answers: { ...GOOD, age: 16 }, level: 'SITUASJONSBESTEMT_INNSATS', profilering: 'ANTATT_BEHOV_FOR_VEILEDNING', flags: ['UNDER_18', 'UNGDOMSGARANTI'], priority: 'ORDINARY' },
  { name: 'age 29, no recent work: ungdomsgaranti', answers: { ...NO_RECENT_WORK, age: 29 }, level: 'SITUASJONSBESTEMT_INNSATS', profilering: 'ANTATT_BEHOV_FOR_VEILEDNING', flags: ['UNGDOMSGARANTI'], priority: 'ORDINARY', reasons: ['NO_RECENT_WORK'] },
  { name: 'age 30, no recent work: no ungdomsgaranti', answers: { ...NO_RECENT_WORK, age: 30 }, level: 'SITUASJONSBESTEMT_INNSATS', profilering: 'ANTATT_BEHOV_FOR_VEILEDNING', priority: 'ORDINARY' },
  { name: 'age 59: still inside 18–59', answers: { ...GOOD, age: 59 }, level: 'STANDARD_INNSATS', profilering: 'ANTATT_GODE_MULIGHETER', priority: 'ORDINARY' },
  { name: 'age 60: outside 18–59 (NAV: 61 gives behov for veiledning)', answers: { ...GOOD, age: 60 }, level: 'SITUASJONSBESTEMT_INNSATS', profilering: 'ANTATT_BEHOV_FOR_VEILEDNING', priority: 'ORDINARY', reasons: ['AGE_OUTSIDE_18_59'] },
  { name: 'age 66, long health problem: AAP relevant', answers: { ...HEALTH_LONG_PART, age: 66 }, level: 'SPESIELT_TILPASSET_INNSATS', profilering: 'OPPGITT_HINDRINGER', rights: ['AAP'], priority: 'HIGH', reasons: ['HEALTH_HINDER', 'REDUCED_CAPACITY', 'WORK_ABILITY_ASSESSMENT_FIRST', 'RIGHT_AAP', 'PRIORITY_HIGH'] },
  { name: 'age 67, long health problem: AAP no longer relevant', answers: { ...HEALTH_LONG_PART, age: 67 }, level: 'SPESIELT_TILPASSET_INNSATS', profilering: 'OPPGITT_HINDRINGER', priority: 'HIGH', notReasons: ['RIGHT_AAP'] },
  { name: 'age 25, long health problem: ungdomsgaranti and AAP', answers: { ...HEALTH_LONG_PART, age: 25 }, level: 'SPESIELT_TILPASSET_INNSATS', profilering: 'OPPGITT_HINDRINGER', flags: ['UNGDOMSGARANTI'], rights: ['AAP'], priority: 'HIGH' },
  // skipped and "vet ikke"
  { name: 'age skipped', answers: { ...GOOD, age: null }, level: 'SITUASJONSBESTEMT_INNSATS', profilering: 'ANTATT_BEHOV_FOR_VEILEDNING', priority: 'ORDINARY', reasons: ['NOT_ANSWERED'], notReasons: ['UNDER_18'] },
  { name: 'health question skipped: no hinder, but no gode muligheter', answers: { ...GOOD, healthHinder: null }, level: 'SITUASJONSBESTEMT_INNSATS', profilering: 'ANTATT_BEHOV_FOR_VEILEDNING', priority: 'ORDINARY', reasons: ['NOT_ANSWERED'], notReasons: ['HEALTH_HINDER', 'HEALTH_HINDER_UNSURE'] },
  { name: 'health "vet ikke" counts as a hinder', answers: { ...GOOD, healthHinder: 'VET_IKKE', healthDuration: 'VET_IKKE', workCapacity: 'VET_IKKE' }, level: 'SPESIELT_TILPASSET_INNSATS', profilering: 'OPPGITT_HINDRINGER', priority: 'HIGH', reasons: ['HEALTH_HINDER_UNSURE', 'CAPACITY_UNSURE'], notReasons: ['RIGHT_AAP'] },
  { name: 'other problems "vet ikke", can work fully', answers: { ...GOOD, otherHinder: 'VET_IKKE', workCapacity: 'FULLT' }, level: 'SITUASJONSBESTEMT_INNSATS', profilering: 'OPPGITT_HINDRINGER', priority: 'ORDINARY', reasons: ['OTHER_HINDER_UNSURE', 'HINDER_BUT_FULL_CAPACITY'] },
  { name: 'hinder, work capacity skipped', answers: { ...GOOD, otherHinder: 'JA', workCapacity: null }, level: 'SPESIELT_TILPASSET_INNSATS', profilering: 'OPPGITT_HINDRINGER', priority: 'HIGH', reasons: ['OTHER_HINDER', 'NOT_ANSWERED', 'WORK_ABILITY_ASSESSMENT_FIRST'] },
  { name: 'recent work "vet ikke"', answers: { ...GOOD, workedSixOfTwelve: 'VET_IKKE' }, level: 'SITUASJONSBESTEMT_INNSATS', profilering: 'ANTATT_BEHOV_FOR_VEILEDNING', priority: 'ORDINARY', reasons: ['RECENT_WORK_UNSURE'] },
  { name: 'every question skipped', answers: Object.fromEntries(Object.keys(GOOD).map((k) => [k, null])) as Answers, level: 'SITUASJONSBESTEMT_INNSATS', profilering: 'ANTATT_BEHOV_FOR_VEILEDNING', priority: 'ORDINARY', reasons: ['NOT_ANSWERED'], arenas: 0 },
  { name: 'nothing answered at all', answers: {}, level: 'SITUASJONSBESTEMT_INNSATS', profilering: 'ANTATT_BEHOV_FOR_VEILEDNING', priority: 'ORDINARY', reasons: ['NOT_ANSWERED'] },
  // education
  { name: 'grunnskole passes', answers: { ...GOOD, education: 'GRUNNSKOLE', educationPassed: undefined, educationApproved: undefined }, level: 'STANDARD_INNSATS', profilering: 'ANTATT_GODE_MULIGHETER', priority: 'ORDINARY' },
  { name: 'no education', answers: { ...GOOD, education: 'INGEN_UTDANNING', educationPassed: undefined, educationApproved: undefined }, level: 'SITUASJONSBESTEMT_INNSATS', profilering: 'ANTATT_BEHOV_FOR_VEILEDNING', priority: 'ORDINARY', reasons: ['NO_EDUCATION'] },
  { name: 'education not passed', answers: { ...GOOD, educationPassed: 'NEI' }, level: 'SITUASJONSBESTEMT_INNSATS', profilering: 'ANTATT_BEHOV_FOR_VEILEDNING', priority: 'ORDINARY', reasons: ['EDUCATION_NOT_PASSED'] },
  { name: 'education not approved in Norway', answers: { ...GOOD, educationApproved: 'NEI' }, level: 'SITUASJONSBESTEMT_INNSATS', profilering: 'ANTATT_BEHOV_FOR_VEILEDNING', priority: 'ORDINARY', reasons: ['EDUCATION_NOT_APPROVED'] },
  { name: 'education approval "vet ikke"', answers: { ...GOOD, educationApproved: 'VET_IKKE' }, level: 'SITUASJONSBESTEMT_INNSATS', profilering: 'ANTATT_BEHOV_FOR_VEILEDNING', priority: 'ORDINARY', reasons: ['EDUCATION_APPROVAL_UNSURE'] },
  { name: 'education skipped', answers: { ...GOOD, education: null, educationPassed: undefined, educationApproved: undefined }, level: 'SITUASJONSBESTEMT_INNSATS', profilering: 'ANTATT_BEHOV_FOR_VEILEDNING', priority: 'ORDINARY', reasons: ['NOT_ANSWERED'] },
  // seed-digest §7 situations
  { name: 'long-term social assistance, substance use, unstable housing (seed 1)', answers: {
      age: 40, situation: 'JOBB_OVER_2_AAR', workedSixOfTwelve: 'NEI', education: 'GRUNNSKOLE', healthHinder: 'NEI', otherHinder: 'JA', workCapacity: 'DELVIS',
      money: 'USIKKER', incomeSources: ['SOSIALHJELP'], socialAssistanceDuration: 'OVER_6_MND', debt: 'JA', housing: 'USTABIL', network: 'LITE', substance: 'JA', languageHelp: 'NEI', careDuties: 'NEI' },
    level: 'SPESIELT_TILPASSET_INNSATS', profilering: 'OPPGITT_HINDRINGER', flags: ['HOUSING_AT_RISK', 'DEBT', 'LONG_TERM_SOCIAL_ASSISTANCE', 'SUBSTANCE'],
    rights: ['KVP', 'OKONOMISK_STONAD', 'GJELDSRADGIVNING'], priority: 'HIGH', reasons: ['LIFE_SITUATION', 'OTHER_HINDER', 'REDUCED_CAPACITY'], arenas: 4 },
  { name: 'young person out of school, never worked (seed 2)', answers: {
      age: 19, situation: 'ALDRI_HATT_JOBB', education: 'GRUNNSKOLE', healthHinder: 'NEI', otherHinder: 'NEI', money: 'JA', incomeSources: ['INGEN'],
      debt: 'NEI', housing: 'STABIL', network: 'JA', substance: 'NEI', languageHelp: 'NEI', careDuties: 'NEI' },
    level: 'SITUASJONSBESTEMT_INNSATS', profilering: 'ANTATT_BEHOV_FOR_VEILEDNING', flags: ['UNGDOMSGARANTI'], priority: 'ORDINARY', reasons: ['NO_RECENT_WORK'], notReasons: ['NOT_ANSWERED'] },
  { name: 'unemployed 18 months (seed 4)', answers: { ...NO_RECENT_WORK, age: 45, education: 'VIDEREGAENDE_FAGBREV_SVENNEBREV' }, level: 'SITUASJONSBESTEMT_INNSATS', profilering: 'ANTATT_BEHOV_FOR_VEILEDNING', priority: 'ORDINARY', reasons: ['NO_RECENT_WORK'] },
  { name: 'long sick leave, short health problem, part capacity (seed 5)', answers: { ...GOOD, age: 50, situation: 'SYKMELDT', incomeSources: ['SYKEPENGER'], healthHinder: 'JA', healthDuration: 'KORT', workCapacity: 'DELVIS' }, level: 'SPESIELT_TILPASSET_INNSATS', profilering: 'OPPGITT_HINDRINGER', rights: ['AAP'], priority: 'HIGH' },
  { name: 'lasting health problem, little capacity (seed 6, 7)', answers: { ...GOOD, age: 45, incomeSources: ['AAP'], healthHinder: 'JA', healthDuration: 'VARIG', workCapacity: 'LITT_ELLER_INGENTING' }, level: 'VARIG_TILPASSET_INNSATS', profilering: 'OPPGITT_HINDRINGER', rights: ['AAP'], priority: 'HIGH', reasons: ['LASTING_HEALTH_LITTLE_CAPACITY', 'WORK_ABILITY_ASSESSMENT_FIRST'] },
  { name: 'lasting health problem but can work partly: not varig', answers: { ...GOOD, healthHinder: 'JA', healthDuration: 'VARIG', workCapacity: 'DELVIS' }, level: 'SPESIELT_TILPASSET_INNSATS', profilering: 'OPPGITT_HINDRINGER', rights: ['AAP'], priority: 'HIGH' },
  { name: 'refugee, weak Norwegian, no education, no income (seed 8)', answers: {
      age: 33, situation: 'ANNET', workedSixOfTwelve: 'NEI', education: 'INGEN_UTDANNING', healthHinder: 'NEI', otherHinder: 'JA', workCapacity: 'DELVIS',
      money: 'USIKKER', incomeSources: ['INGEN'], debt: 'NEI', housing: 'STABIL', network: 'LITE', substance: 'NEI', languageHelp: 'JA', careDuties: 'JA' },
    level: 'SPESIELT_TILPASSET_INNSATS', profilering: 'OPPGITT_HINDRINGER', flags: ['LANGUAGE', 'CARE_DUTIES'], rights: ['KVP', 'OKONOMISK_STONAD'], priority: 'HIGH', arenas: 1 },
  { name: 'serious debt only (seed 9)', answers: { ...GOOD, debt: 'JA' }, level: 'STANDARD_INNSATS', profilering: 'ANTATT_GODE_MULIGHETER', flags: ['DEBT'], rights: ['GJELDSRADGIVNING'], priority: 'ORDINARY', arenas: 1 },
  { name: 'nowhere to sleep (seed 10)', answers: { ...GOOD, housing: 'UTEN_BOLIG' }, level: 'SPESIELT_TILPASSET_INNSATS', profilering: 'OPPGITT_HINDRINGER', flags: ['URGENT_HOUSING'], rights: ['MIDLERTIDIG_BOTILBUD'], priority: 'URGENT', reasons: ['LIFE_SITUATION', 'LIFE_SITUATION_LIMITS_WORK', 'PRIORITY_URGENT'], notReasons: ['NOT_ANSWERED'] },
  { name: 'housing at risk only', answers: { ...GOOD, housing: 'USTABIL' }, level: 'STANDARD_INNSATS', profilering: 'ANTATT_GODE_MULIGHETER', flags: ['HOUSING_AT_RISK'], priority: 'ORDINARY', arenas: 1 },
  { name: 'single parent on low income (seed 11)', answers: { ...GOOD, careDuties: 'JA', money: 'USIKKER', incomeSources: ['LONN', 'SOSIALHJELP'], socialAssistanceDuration: 'UNDER_6_MND' }, level: 'STANDARD_INNSATS', profilering: 'ANTATT_GODE_MULIGHETER', flags: ['CARE_DUTIES'], rights: ['OKONOMISK_STONAD'], priority: 'ORDINARY' },
  { name: 'no money for food this month', answers: { ...GOOD, money: 'NEI' }, level: 'STANDARD_INNSATS', profilering: 'ANTATT_GODE_MULIGHETER', flags: ['URGENT_MONEY'], rights: ['OKONOMISK_STONAD', 'NODHJELP'], priority: 'URGENT', reasons: ['URGENT_MONEY', 'PRIORITY_URGENT'] },
  { name: 'three threatened arenas: a life-situation hinder', answers: { ...GOOD, money: 'NEI', debt: 'JA', network: 'NEI' }, level: 'SPESIELT_TILPASSET_INNSATS', profilering: 'OPPGITT_HINDRINGER', flags: ['URGENT_MONEY', 'DEBT', 'ISOLATION'], rights: ['OKONOMISK_STONAD', 'NODHJELP', 'GJELDSRADGIVNING'], priority: 'URGENT', arenas: 3, reasons: ['LIFE_SITUATION'] },
  { name: 'two threatened arenas: high priority, level unchanged', answers: { ...GOOD, debt: 'JA', network: 'NEI' }, level: 'STANDARD_INNSATS', profilering: 'ANTATT_GODE_MULIGHETER', flags: ['DEBT', 'ISOLATION'], rights: ['GJELDSRADGIVNING'], priority: 'HIGH', arenas: 2, notReasons: ['LIFE_SITUATION'] },
  { name: 'three arenas, works fully: still spesielt (life situation)', answers: { ...GOOD, otherHinder: 'JA', workCapacity: 'FULLT', debt: 'JA', network: 'NEI', languageHelp: 'JA' }, level: 'SPESIELT_TILPASSET_INNSATS', profilering: 'OPPGITT_HINDRINGER', flags: ['DEBT', 'ISOLATION', 'LANGUAGE'], rights: ['GJELDSRADGIVNING'], priority: 'HIGH', reasons: ['LIFE_SITUATION_LIMITS_WORK'], notReasons: ['HINDER_BUT_FULL_CAPACITY'] },
  { name: 'substance use alone', answers: { ...GOOD, substance: 'JA' }, level: 'SPESIELT_TILPASSET_INNSATS', profilering: 'OPPGITT_HINDRINGER', flags: ['SUBSTANCE'], priority: 'HIGH', arenas: 1 },
  { name: 'would rather not say about substance use', answers: { ...GOOD, substance: 'VIL_IKKE_SVARE' }, level: 'STANDARD_INNSATS', profilering: 'ANTATT_GODE_MULIGHETER', priority: 'ORDINARY', arenas: 0 },
  { name: 'behov for veiledning, user thinks they manage alone: disagreement kept', answers: { ...NO_RECENT_WORK, selfAssessment: 'KLARER_SELV' }, level: 'SITUASJONSBESTEMT_INNSATS', profilering: 'ANTATT_BEHOV_FOR_VEILEDNING', priority: 'ORDINARY', userDisagrees: true, reasons: ['USER_DISAGREES'] },
  { name: 'spesielt tilpasset, wants a veileder: level stays', answers: { ...HEALTH_LONG_PART, selfAssessment: 'TRENGER_VEILEDER' }, level: 'SPESIELT_TILPASSET_INNSATS', profilering: 'OPPGITT_HINDRINGER', rights: ['AAP'], priority: 'HIGH', notReasons: ['SELF_ASSESSMENT_RAISED'] },
  { name: 'varig, thinks they manage alone: disagreement kept (seed 6)', answers: { ...GOOD, healthHinder: 'JA', healthDuration: 'VARIG', workCapacity: 'LITT_ELLER_INGENTING', selfAssessment: 'KLARER_SELV' }, level: 'VARIG_TILPASSET_INNSATS', profilering: 'OPPGITT_HINDRINGER', rights: ['AAP'], priority: 'HIGH', userDisagrees: true },
  { name: 'uføretrygd, curious about some work (seed 20): no KVP', answers: { ...GOOD, age: 50, situation: 'ANNET', workedSixOfTwelve: 'NEI', incomeSources: ['UFORETRYGD'], healthHinder: 'JA', healthDuration: 'VARIG', workCapacity: 'DELVIS' }, level: 'SPESIELT_TILPASSET_INNSATS', profilering: 'OPPGITT_HINDRINGER', rights: ['AAP'], priority: 'HIGH' },
  { name: 'KVP candidate: hinder and no income at all (seed 12)', answers: { ...GOOD, age: 30, incomeSources: ['INGEN'], healthHinder: 'JA', healthDuration: 'KORT', workCapacity: 'FULLT' }, level: 'SITUASJONSBESTEMT_INNSATS', profilering: 'OPPGITT_HINDRINGER', rights: ['KVP'], priority: 'ORDINARY', notReasons: ['UNGDOMSGARANTI'] },
  { name: 'long-term social assistance but already on AAP: no KVP', answers: { ...GOOD, otherHinder: 'JA', workCapacity: 'DELVIS', incomeSources: ['AAP', 'SOSIALHJELP'], socialAssistanceDuration: 'OVER_6_MND' }, level: 'SPESIELT_TILPASSET_INNSATS', profilering: 'OPPGITT_HINDRINGER', flags: ['LONG_TERM_SOCIAL_ASSISTANCE'], rights: ['OKONOMISK_STONAD'], priority: 'HIGH', arenas: 1 },
  { name: 'KVP needs a hinder: long social assistance without hinders', answers: { ...NO_RECENT_WORK, incomeSources: ['SOSIALHJELP'], socialAssistanceDuration: 'OVER_6_MND' }, level: 'SITUASJONSBESTEMT_INNSATS', profilering: 'ANTATT_BEHOV_FOR_VEILEDNING', flags: ['LONG_TERM_SOCIAL_ASSISTANCE'], rights: ['OKONOMISK_STONAD'], priority: 'ORDINARY' },
  { name: 'health "vet ikke" is no AAP reason even when long', answers: { ...GOOD, healthHinder: 'VET_IKKE', healthDuration: 'LANG', workCapacity: 'DELVIS' }, level: 'SPESIELT_TILPASSET_INNSATS', profilering: 'OPPGITT_HINDRINGER', priority: 'HIGH', notReasons: ['RIGHT_AAP'] },
];

describe('triage personas: answers → level, profilering, flags, rights, priority', () => {
  it('has at least 30 personas', () => assert.ok(personas.length >= 30, `only ${personas.length}`));

  for (const p of personas) {
    it(p.name, () => {
      const result = assess(p.answers, TODAY);
      assert.equal(result.level, p.level, 'level');
      assert.equal(result.profilering, p.profilering, 'profilering');
      assert.deepEqual(result.flags, p.flags ?? [], 'flags');
      assert.deepEqual(result.relevantRights, ['PARAGRAF_14A', ...(p.rights ?? [])], 'relevantRights');
      assert.equal(result.priority, p.priority, 'priority');
      assert.equal(result.needsWorkAbilityAssessment, p.level === 'SPESIELT_TILPASSET_INNSATS' || p.level === 'VARIG_TILPASSET_INNSATS');
      if (p.userDisagrees !== undefined) assert.equal(result.userDisagrees, p.userDisagrees, 'userDisagrees');
      if (p.arenas !== undefined) assert.equal(result.threatenedArenas, p.arenas, 'threatenedArenas');
      const codes = result.reasons.map((r) => r.code);
      for (const code of p.reasons ?? []) assert.ok(codes.includes(code), `reason ${code} missing in ${codes.join(', ')}`);
      for (const code of p.notReasons ?? []) assert.ok(!codes.includes(code), `reason ${code} should not be there`);
    });
  }
});
