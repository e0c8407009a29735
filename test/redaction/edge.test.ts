import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { redactActivity } from '../../bot/redaction/atTheEdge.js';
import { isRedactedAtEdge } from '../../core/redaction/index.js';
import { redactFor } from '../../dialogs/privacy/index.js';

describe('redaction where an activity comes in', () => {
  it('redacts the text, an event name and every string of a card value (keys too), and says so', () => {
    const activity: Partial<Activity> = {
      type: 'message',
      text: 'ring 912 34 567',
      name: 'x/15038512363',
      value: { request: 'fnr 150385 12363', list: [{ deep: 'kari (at) example.no' }], '45019012410': 1, count: 3 },
      locale: 'en-GB',
    };
    redactActivity(activity, redactFor);
    assert.equal(activity.text, 'ring [phone number removed]');
    assert.equal(activity.name, 'x/[identity number removed]');
    assert.deepEqual(activity.value, {
      request: 'fnr [identity number removed]',
      list: [{ deep: '[e-mail address removed]' }],
      '[D number removed]': 1,
      count: 3,
    });
    assert.deepEqual(activity.channelData, { redacted: true });
    assert.ok(isRedactedAtEdge(activity));
    assert.ok(!JSON.stringify(activity).includes('redactedAtEdge'), 'the mark is never serialised');
  });

  it('redacts once: a marked activity is left as it is', () => {
    let calls = 0;
    const counting = (text: string, lang: 'nb' | 'nn' | 'en') => (calls++, redactFor(text, lang));
    const activity: Partial<Activity> = { type: 'message', text: 'hei' };
    redactActivity(activity, counting);
    redactActivity(activity, counting);
    assert.equal(calls, 1);
    assert.equal(activity.channelData, undefined, 'nothing removed, nothing said');
  });
});
