import { loadOpeningHours, weekdayHours } from '../core/availability/openingHours.js';
import { phoneNumbers } from '../core/rights/contacts.js';
import { helplineValues } from '../core/safety/helplines.js';

/**
 * Values every text may use without the caller passing them: the phone numbers (data/rights/
 * contacts.json, data/safety/helplines.json) and Nav's weekday hours (data/handoff/opening-hours.json).
 * A number or an opening time is written in data only, so a change there reaches every sentence.
 * Values a caller passes win over these.
 */
export function textValues(): Record<string, string> {
  const phones = phoneNumbers();
  const { opens, closes } = weekdayHours(loadOpeningHours());
  return {
    ...helplineValues(),
    phoneNav: phones.navKontaktsenter,
    phoneGjeld: phones.navGjeld,
    phone113: phones.emergencyMedical,
    phone112: phones.police,
    phoneLegevakt: phones.legevakt,
    phoneVo: helplineValues().vo_linjen ?? '',
    navOpens: opens,
    navCloses: closes,
  };
}
