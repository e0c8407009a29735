export { createAvailability, type Availability, type AvailabilityMode } from './availability.js';
export { loadOpeningHours, validateOpeningHours, weekdayHours, OpeningHoursError, type OpeningHours } from './openingHours.js';
export { formatDayAndTime, formatDateAndTime, formatTime, OSLO } from './formatDate.js';
