export * from './codes.js';
export * from './questionBank.js';
export * from './flow.js';
export * from './validateAnswers.js';
export * from './assess.js';
export * from './numberWords.js';
export * from './needs.js';
