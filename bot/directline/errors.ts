/** Direct Line answers in the service's one error shape (bot/httpErrors.ts), Azure's. */
export { jsonErrorHandler, sendError } from '../httpErrors.js';
