/** Dates and times the bot shows, counts or compares are Norway's: opening hours, deadlines, "today". */
export const OSLO = 'Europe/Oslo';
