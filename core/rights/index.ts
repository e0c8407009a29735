export { TOPIC_CODES, isTopicCode, topicEntry, partEntry, type TopicCode, type TopicEntry, type PartEntry } from './catalogue.js';
export { osloDate, type IsoDate } from './dates.js';
export { valueOn, factor, type SeriesValue } from './figures.js';
export { groupFigures, FIGURE_GROUPS, type FigureGroup, type GroupFigures } from './figureGroups.js';
export { formatWhole, formatDecimal, formatDate } from './format.js';
export { partAnswer, partIds, shortAnswer, commonParams, type PartAnswer, type TextRef, type SourceRef } from './answer.js';
export { phoneNumbers } from './contacts.js';
export { evaluateSelfCheck, isSelfCheckTopic, selfCheckQuestions, SELF_CHECK_TOPICS, type SelfCheckAnswer, type SelfCheckResult, type SelfCheckTopic } from './selfCheck.js';
