import { isRecord, readRightsData } from './data.js';

export type ContactId = 'navKontaktsenter' | 'navGjeld' | 'emergencyMedical' | 'police' | 'legevakt';
const CONTACT_IDS: ContactId[] = ['navKontaktsenter', 'navGjeld', 'emergencyMedical', 'police', 'legevakt'];

let loaded: Record<ContactId, string> | undefined;

/** Phone numbers from data/rights/contacts.json, as they are written in Norway ("55 55 33 33"). */
export function phoneNumbers(): Record<ContactId, string> {
  if (loaded) return loaded;
  const raw = readRightsData('contacts.json');
  if (!isRecord(raw) || !isRecord(raw.contacts)) throw new Error('data/rights/contacts.json: needs a "contacts" object');
  const contacts = raw.contacts;
  const phones = {} as Record<ContactId, string>;
  for (const id of CONTACT_IDS) {
    const c = contacts[id];
    if (!isRecord(c) || typeof c.phone !== 'string' || !/^[\d ]+$/.test(c.phone)) {
      throw new Error(`data/rights/contacts.json: ${id} needs a phone number of digits and spaces`);
    }
    // Non-breaking spaces keep a number on one line on a narrow phone screen.
    phones[id] = c.phone.replace(/ /g, '\u00a0');
  }
  loaded = phones;
  return phones;
}
