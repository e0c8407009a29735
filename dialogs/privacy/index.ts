export { createPrivacy, redactFor } from './createPrivacy.js';
export { PrivacyDeleteDialog, PRIVACY_DELETE_DIALOG_ID } from './privacyDialog.js';
export { sendPrivacyInfo, sendRedactionNotice } from './privacyInfo.js';
export { eraseConversation, handoffSituation, veilederHasActed } from './eraseConversation.js';
export type { ErasureReport } from './eraseConversation.js';
export { matchDeleteAnswer } from './answers.js';
export type { PrivacyDeps, PrivacyRecords, PrivacyStorage } from './ports.js';
