import { phoneNumbers } from '../core/rights/contacts.js';
import { helplineValues } from '../core/safety/index.js';

/** A phone number as the bot writes it ("55 55 33 33") and the tel: link that dials it. */
export interface PhoneNumber {
  text: string;
  tel: string;
}

/**
 * The tel: link for a Norwegian number: eight digits get the country code (they can be dialled
 * from abroad); short numbers (113, 116 123) are dialled as they are, which only works without it.
 */
export function telLink(number: string): string {
  const digits = number.replace(/\D/g, '');
  return digits.length === 8 ? `tel:+47${digits}` : `tel:${digits}`;
}

/**
 * Every phone number the bot's texts take from data (NAV's numbers in data/rights/contacts.json,
 * the help lines in data/safety/helplines.json), for the web page to make them tappable.
 */
export function knownPhoneNumbers(): PhoneNumber[] {
  const written = [...Object.values(phoneNumbers()), ...Object.values(helplineValues())]
    .map((value) => value.replace(/\u00a0/g, ' ').trim())
    .filter((value) => /^\d[\d ]*\d$/.test(value));
  return [...new Set(written)].map((text) => ({ text, tel: telLink(text) }));
}

/**
 * Escaped HTML with every known phone number made a tel: link, for the pages the server writes
 * itself (the chat's own messages are linked by web/app.js). A number counts only on its own.
 */
export function linkPhoneNumbersInHtml(html: string, numbers: PhoneNumber[] = knownPhoneNumbers()): string {
  const longestFirst = [...numbers].sort((a, b) => b.text.length - a.text.length);
  const pattern = longestFirst.map((p) => p.text.replace(/\D/g, '').split('').join('[ \u00a0]?')).join('|');
  if (!pattern) return html;
  return html.replace(new RegExp(`(?<![\\d§][ \u00a0]?)(?<!\\d)(${pattern})(?![ \u00a0]?\\d)`, 'g'), (number) => {
    const digits = number.replace(/\D/g, '');
    const known = longestFirst.find((p) => p.text.replace(/\D/g, '') === digits);
    return known ? `<a href="${known.tel}">${number}</a>` : number;
  });
}
