/**
 * The question ids and answer codes fixed by shared/specs/triage.md. The question bank in
 * data/triage/questions.json declares the same ids and codes; loadQuestionBank() checks that they
 * agree, so a typo in the data cannot silently change what the rules see.
 */
export const SPEC_CODES = {
  situation: [
    'MISTET_JOBBEN', 'HAR_SAGT_OPP', 'DELTIDSJOBB_VIL_MER', 'ALDRI_HATT_JOBB', 'VIL_BYTTE_JOBB',
    'JOBB_OVER_2_AAR', 'ER_PERMITTERT', 'USIKKER_JOBBSITUASJON', 'AKKURAT_FULLFORT_UTDANNING',
    'VIL_FORTSETTE_I_JOBB', 'SYKMELDT', 'ANNET',
  ],
  workedSixOfTwelve: ['JA', 'NEI', 'VET_IKKE'],
  education: [
    'INGEN_UTDANNING', 'GRUNNSKOLE', 'VIDEREGAENDE_GRUNNUTDANNING', 'VIDEREGAENDE_FAGBREV_SVENNEBREV',
    'HOYERE_UTDANNING_1_TIL_4', 'HOYERE_UTDANNING_5_ELLER_MER',
  ],
  educationPassed: ['JA', 'NEI'],
  educationApproved: ['JA', 'NEI', 'VET_IKKE'],
  healthHinder: ['JA', 'NEI', 'VET_IKKE'],
  healthDuration: ['KORT', 'LANG', 'VARIG', 'VET_IKKE'],
  otherHinder: ['JA', 'NEI', 'VET_IKKE'],
  workCapacity: ['FULLT', 'DELVIS', 'LITT_ELLER_INGENTING', 'VET_IKKE'],
  money: ['JA', 'USIKKER', 'NEI'],
  incomeSources: ['LONN', 'DAGPENGER', 'SYKEPENGER', 'AAP', 'UFORETRYGD', 'SOSIALHJELP', 'KVP', 'STUDIELAN', 'INGEN', 'ANNET'],
  socialAssistanceDuration: ['UNDER_6_MND', 'OVER_6_MND'],
  debt: ['JA', 'NEI', 'VET_IKKE'],
  housing: ['STABIL', 'USTABIL', 'UTEN_BOLIG'],
  network: ['JA', 'LITE', 'NEI'],
  substance: ['NEI', 'JA', 'VIL_IKKE_SVARE'],
  languageHelp: ['NEI', 'JA'],
  careDuties: ['NEI', 'JA'],
  selfAssessment: ['KLARER_SELV', 'TRENGER_VEILEDER', 'USIKKER'],
} as const;

export type ChoiceQuestionId = keyof typeof SPEC_CODES;
export type CodeOf<Q extends ChoiceQuestionId> = (typeof SPEC_CODES)[Q][number];

/** Every question id in the spec, in the order the spec lists them. */
export const QUESTION_IDS = [
  'goal', 'age', 'situation', 'workedSixOfTwelve', 'education', 'educationPassed', 'educationApproved',
  'healthHinder', 'healthDuration', 'otherHinder', 'workCapacity',
  'money', 'incomeSources', 'socialAssistanceDuration', 'debt', 'housing', 'network', 'substance',
  'languageHelp', 'careDuties', 'selfAssessment',
] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];

/** Answers by question id. `null` = the question was shown and skipped; absent = not asked. */
export type Answers = {
  goal?: string | null;
  age?: number | null;
  incomeSources?: CodeOf<'incomeSources'>[] | null;
} & {
  [Q in Exclude<ChoiceQuestionId, 'incomeSources'>]?: CodeOf<Q> | null;
};

export const LEVELS = ['STANDARD_INNSATS', 'SITUASJONSBESTEMT_INNSATS', 'SPESIELT_TILPASSET_INNSATS', 'VARIG_TILPASSET_INNSATS'] as const;
export type Level = (typeof LEVELS)[number];

export const PROFILERINGER = ['ANTATT_GODE_MULIGHETER', 'ANTATT_BEHOV_FOR_VEILEDNING', 'OPPGITT_HINDRINGER'] as const;
export type Profilering = (typeof PROFILERINGER)[number];

export const FLAGS = [
  'URGENT_MONEY', 'URGENT_HOUSING', 'HOUSING_AT_RISK', 'DEBT', 'LONG_TERM_SOCIAL_ASSISTANCE', 'SUBSTANCE',
  'ISOLATION', 'LANGUAGE', 'CARE_DUTIES', 'UNDER_18', 'UNGDOMSGARANTI',
] as const;
export type Flag = (typeof FLAGS)[number];

/** Topic codes shared with the rights catalogue (core/rights). */
export const RIGHTS = ['PARAGRAF_14A', 'AAP', 'KVP', 'OKONOMISK_STONAD', 'NODHJELP', 'MIDLERTIDIG_BOTILBUD', 'GJELDSRADGIVNING'] as const;
export type RightCode = (typeof RIGHTS)[number];

export const PRIORITIES = ['ORDINARY', 'HIGH', 'URGENT'] as const;
export type Priority = (typeof PRIORITIES)[number];
