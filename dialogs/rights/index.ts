export { RightsDialog } from './rightsDialog.js';
export { SelfCheckDialog } from './selfCheckDialog.js';
export { emergencyReply } from './emergency.js';
