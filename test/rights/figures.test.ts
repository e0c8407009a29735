import assert from 'node:assert/strict';
import { osloDate, nextMonthDay } from '../../core/rights/dates.js';
import { figureData, parseFigureData, valueOn } from '../../core/rights/figures.js';
import { groupFigures } from '../../core/rights/figureGroups.js';

const NBSP = '\u00a0';
const kr = (digits: string) => digits.replace(/ /g, NBSP);

describe('rights figures: the value in force on a date', () => {
  it('takes today from the clock in Norway, not in UTC', () => {
    assert.equal(osloDate(new Date('2026-04-30T21:59:00Z')), '2026-04-30');
    assert.equal(osloDate(new Date('2026-04-30T22:00:00Z')), '2026-05-01');
    assert.equal(osloDate(new Date('2026-12-31T23:30:00Z')), '2027-01-01');
  });

  it('turns the date at midnight to the millisecond, also when asked twice in the last minute of a day', () => {
    assert.equal(osloDate(new Date('2026-10-24T21:59:00.000Z')), '2026-10-24');
    assert.equal(osloDate(new Date('2026-10-24T21:59:59.999Z')), '2026-10-24');
    assert.equal(osloDate(new Date('2026-10-24T22:00:00.000Z')), '2026-10-25');
    // After the change to winter time (25 October 2026), midnight in Oslo is 23:00 UTC.
    assert.equal(osloDate(new Date('2026-10-25T22:59:59.999Z')), '2026-10-25');
    assert.equal(osloDate(new Date('2026-10-25T23:00:00.000Z')), '2026-10-26');
  });

  it('finds the next yearly renewal date', () => {
    assert.equal(nextMonthDay('2026-05-01', '05-01'), '2027-05-01');
    assert.equal(nextMonthDay('2026-01-01', '05-01'), '2026-05-01');
  });

  it('uses the old G on 30 April 2026 and the new G on 1 May 2026', () => {
    assert.deepEqual(valueOn('G', '2026-04-30'), { status: 'current', value: 130160, from: '2025-05-01', source: 'navGrunnbelopet' });
    assert.deepEqual(valueOn('G', '2026-05-01'), { status: 'current', value: 136549, from: '2026-05-01', source: 'navGrunnbelopet' });
  });

  it('calls G out of date from 1 May 2027 when no newer value is in data', () => {
    const v = valueOn('G', '2027-05-01');
    assert.equal(v.status, 'stale');
    assert.equal(v.status === 'stale' && v.expectedFrom, '2027-05-01');
    assert.equal(valueOn('G', '2027-04-30').status, 'current');
  });

  it('computes the AAP figures from G and the factors, as nav.no states them', () => {
    const before = groupFigures('AAP_RATES', 'nb', '2026-04-30');
    const after = groupFigures('AAP_RATES', 'nb', '2026-05-01');
    assert.equal(before.status, 'current');
    assert.equal(after.status, 'current');
    // nav.no: 265 657 and 177 104 kroner with the 2025 G.
    assert.equal(before.params.min, kr('265 657'));
    assert.equal(before.params.minUnder25, kr('177 104'));
    assert.equal(before.params.from, '1. mai 2025');
    assert.equal(after.params.min, kr('278 697'));
    assert.equal(after.params.minUnder25, kr('185 798'));
    assert.equal(after.params.max, kr('540 734'));
    assert.equal(after.params.from, '1. mai 2026');
  });

  it('uses the old minimum (2 G) before 1 July 2024 and 2,041 G from that date', () => {
    const june = groupFigures('AAP_RATES', 'nb', '2024-06-30');
    const july = groupFigures('AAP_RATES', 'nb', '2024-07-01');
    assert.equal(june.params.min, kr('248 056'));
    assert.equal(july.params.min, kr('253 141'));
    assert.equal(july.params.from, '1. juli 2024');
  });

  it('formats figures the English way in English', () => {
    const en = groupFigures('KVP_RATES', 'en', '2026-05-01');
    assert.equal(en.params.full, '278,697');
    assert.equal(en.params.from, '1 May 2026');
  });

  it('gives no figure but where to look when G is out of date', () => {
    const stale = groupFigures('AAP_RATES', 'nn', '2027-06-01');
    assert.equal(stale.status, 'stale');
    assert.equal(stale.status === 'stale' && stale.reason, 'G');
    assert.equal(stale.params.url, 'https://www.nav.no/grunnbelopet');
    assert.equal(stale.params.expected, '1. mai 2027');
    assert.equal(stale.params.min, undefined);
  });

  it('treats the barnetillegg as set per calendar year', () => {
    assert.equal(groupFigures('AAP_CHILD', 'nb', '2026-12-31').params.perDay, '38');
    const next = groupFigures('AAP_CHILD', 'nb', '2027-01-01');
    assert.equal(next.status === 'stale' && next.reason, 'CHILD');
  });

  it('shows the sosialhjelp guideline rates only in the year they are for', () => {
    const in2024 = groupFigures('SOCIAL_RATES', 'nb', '2024-03-01');
    assert.equal(in2024.status, 'current');
    assert.equal(in2024.params.single, kr('7 850'));
    assert.equal(in2024.params.year, '2024');
    const now = groupFigures('SOCIAL_RATES', 'nb', '2026-11-26');
    assert.equal(now.status === 'stale' && now.reason, 'SOCIAL');
  });

  it('has a source reference on every figure in data', () => {
    const data = figureData();
    for (const series of Object.values(data.series)) {
      for (const e of series.entries) assert.ok(e.ref.length > 10, `${series.id} ${e.from} has no usable source`);
    }
  });

  it('rejects broken figure data with the place of the error', () => {
    const good = { series: { G: { renews: '05-01', checkUrl: 'https://x.no', source: 's', entries: [{ from: '2026-05-01', value: 1, ref: 'some source' }] } }, factors: {} };
    assert.doesNotThrow(() => parseFigureData(good));
    const noRef = structuredClone(good);
    noRef.series.G.entries[0]!.ref = '';
    assert.throws(() => parseFigureData(noRef), /series\.G\.entries\[0\]\.ref/);
    const badDate = structuredClone(good);
    badDate.series.G.entries[0]!.from = '1 May 2026';
    assert.throws(() => parseFigureData(badDate), /series\.G\.entries\[0\]\.from/);
    const unordered = structuredClone(good);
    unordered.series.G.entries.push({ from: '2025-05-01', value: 1, ref: 'some source' });
    assert.throws(() => parseFigureData(unordered), /dates must increase/);
  });
});
