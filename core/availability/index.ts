export { createAvailability } from './availability.js';
export { loadOpeningHours, validateOpeningHours, weekdayHours, OpeningHoursError } from './openingHours.js';
export { formatDayAndTime } from './formatDate.js';
