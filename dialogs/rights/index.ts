export { RIGHTS_DIALOG_ID, RightsDialog, type RightsDialogDeps, type RightsOptions, type RightsResult } from './rightsDialog.js';
export { SELF_CHECK_DIALOG_ID, SelfCheckDialog, type SelfCheckOptions } from './selfCheckDialog.js';
export { emergencyAnswer, emergencyReply } from './emergency.js';
export { RIGHTS_SUBMIT_VERB } from './reply.js';
