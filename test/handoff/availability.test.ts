import assert from 'node:assert/strict';
import sinon from 'sinon';
import {
  createAvailability,
  formatDayAndTime,
  loadOpeningHours,
  OpeningHoursError,
  validateOpeningHours,
} from '../../core/availability/index.js';

const hours = loadOpeningHours();
const byData = createAvailability(hours, 'data');

/** Local Oslo wall-clock time written with its offset, so the test reads like the opening hours. */
const oslo = (isoWithOffset: string) => new Date(isoWithOffset);

describe('opening hours (weekdays 09:00–15:00 Europe/Oslo, public holidays closed)', () => {
  it('the data file names its source and the date it was checked', () => {
    assert.match(hours.source, /55 55 33 33/);
    assert.match(hours.checked, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(hours.timeZone, 'Europe/Oslo');
  });

  it('a weekday at 14:59 is open and closes at 15:00', () => {
    const now = oslo('2026-04-07T14:59:00+02:00');
    assert.equal(byData.isOpen(now), true);
    assert.equal(byData.closesAt(now)?.toISOString(), oslo('2026-04-07T15:00:00+02:00').toISOString());
    assert.equal(byData.nextOpening(now), now);
  });

  it('a weekday at 15:01 is closed and opens next morning at 09:00', () => {
    const now = oslo('2026-04-07T15:01:00+02:00');
    assert.equal(byData.isOpen(now), false);
    assert.equal(byData.closesAt(now), undefined);
    assert.equal(byData.nextOpening(now).toISOString(), oslo('2026-04-08T09:00:00+02:00').toISOString());
  });

  it('a weekday at 08:59 opens the same day at 09:00, in winter time too', () => {
    const now = oslo('2026-01-13T08:59:00+01:00');
    assert.equal(byData.isOpen(now), false);
    assert.equal(byData.nextOpening(now).toISOString(), oslo('2026-01-13T09:00:00+01:00').toISOString());
  });

  it('a Saturday is closed and opens on Monday', () => {
    const now = oslo('2026-03-14T11:00:00+01:00');
    assert.equal(byData.isOpen(now), false);
    assert.equal(byData.nextOpening(now).toISOString(), oslo('2026-03-16T09:00:00+01:00').toISOString());
  });

  it('17 May is closed (a public holiday), named, and the queue opens the next weekday', () => {
    const now = oslo('2028-05-17T10:00:00+02:00'); // a Wednesday in 2028
    assert.equal(byData.isOpen(now), false);
    assert.equal(byData.holidayName(now), 'Grunnlovsdagen');
    assert.equal(byData.nextOpening(now).toISOString(), oslo('2028-05-18T09:00:00+02:00').toISOString());
    // In 2027, 17 May is also Whit Monday: both names are kept.
    assert.equal(byData.holidayName(oslo('2027-05-17T10:00:00+02:00')), 'Grunnlovsdagen / Andre pinsedag');
  });

  it('Easter Monday 2026-04-06 is closed; from Maundy Thursday the next opening is Tuesday after Easter', () => {
    const easterMonday = oslo('2026-04-06T10:00:00+02:00');
    assert.equal(byData.isOpen(easterMonday), false);
    assert.equal(byData.holidayName(easterMonday), 'Andre påskedag');
    const wednesdayAfterClosing = oslo('2026-04-01T15:30:00+02:00');
    assert.equal(byData.nextOpening(wednesdayAfterClosing).toISOString(), oslo('2026-04-07T09:00:00+02:00').toISOString());
  });

  it('works from the clock too (fake timers): Saturday afternoon is closed', () => {
    const clock = sinon.useFakeTimers({ now: oslo('2026-03-14T13:00:00+01:00'), toFake: ['Date'] });
    try {
      assert.equal(byData.isOpen(new Date()), false);
    } finally {
      clock.restore();
    }
  });

  it('OPENING_HOURS=always is open on a Saturday night and on 17 May', () => {
    const always = createAvailability(hours, 'always');
    for (const now of [oslo('2026-03-14T23:30:00+01:00'), oslo('2027-05-17T10:00:00+02:00')]) {
      assert.equal(always.isOpen(now), true);
      assert.equal(always.nextOpening(now), now);
    }
  });

  it('a bad data file is refused with the field named', () => {
    const bad = { ...hours, weekly: { ...hours.weekly, monday: [['15:00', '09:00']] } };
    assert.throws(() => validateOpeningHours(bad), (e: unknown) => e instanceof OpeningHoursError && /monday/.test(e.message));
    assert.throws(() => validateOpeningHours({ ...hours, timeZone: 'Europe/Nowhere' }), /time zone/);
  });

  it('formats the next opening for people in each language', () => {
    const at = oslo('2026-04-07T09:00:00+02:00');
    assert.equal(formatDayAndTime(at, 'nb'), 'tirsdag 7. april kl. 09:00');
    assert.equal(formatDayAndTime(at, 'nn'), 'tysdag 7. april kl. 09:00');
    assert.equal(formatDayAndTime(at, 'en'), 'Tuesday 7 April at 09:00');
  });
});
