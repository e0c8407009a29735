export { createPrivacy, redactFor } from './createPrivacy.js';
export { PRIVACY_DELETE_DIALOG_ID } from './privacyDialog.js';
export { veilederHasActed } from './eraseConversation.js';
export type { PrivacyRecords } from './ports.js';
