import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { t } from '../../dialogs/i18n.js';
import { createTriageHarness } from './dialogHarness.js';

interface Card { body: { type: string; text?: string; choices?: { title: string; value: string }[] }[]; actions: { type: string; data?: { verb?: string } }[] }

function cardOf(reply: Partial<Activity> | undefined): Card {
  const attachment = reply?.attachments?.[0];
  assert.equal(attachment?.contentType, 'application/vnd.microsoft.card.adaptive');
  return attachment!.content as Card;
}

describe('triage dialog in Teams (only three suggested actions are shown there)', () => {
  it('shows longer choice lists as an Adaptive Card with a radio list and Action.Submit, and takes the submitted choice', async () => {
    const h = createTriageHarness({ lang: 'nn', request: 'Hjelp' });
    const teams = (x: Partial<Activity>) => h.say({ channelId: 'msteams', ...x });
    await teams({ text: 'start' });
    let r = await teams({ text: '40' });
    const card = cardOf(r.at(-1));
    assert.equal(card.body[0]?.text, `${t('nn', 'triage:questions.situation.text')}\n\n${t('nn', 'triage:progress', { n: 2, total: 16 })}`);
    const choices = card.body[1]?.choices ?? [];
    assert.equal(choices.length, 14, 'twelve situations, skip and back');
    assert.equal(choices[10]?.value, 'Er sjukmeld');
    assert.deepEqual(card.actions.map((a) => [a.type, a.data?.verb]), [['Action.Submit', 'triage']]);

    r = await teams({ value: { verb: 'triage', answer: 'Er sjukmeld' } });
    assert.ok(String(cardOf(r.at(-1)).body[0]?.text).startsWith(t('nn', 'triage:questions.workedSixOfTwelve.text')));
    r = await teams({ value: { verb: 'triage' } });
    assert.ok(String(cardOf(r.at(-1)).body[0]?.text).startsWith(t('nn', 'triage:questions.workedSixOfTwelve.text')), 'nothing chosen: the same question again');
    r = await teams({ text: 'ja' });
    assert.ok(String(cardOf(r.at(-1)).body[0]?.text).startsWith(t('nn', 'triage:questions.education.text')), 'typing still works in Teams');
  });

  it('keeps suggested actions in Web Chat and for short lists in Teams', async () => {
    const h = createTriageHarness({ request: 'Hjelp' });
    const r = await h.say({ channelId: 'msteams', text: 'start' });
    assert.equal(r.at(-1)?.attachments, undefined);
    assert.deepEqual(r.at(-1)?.suggestedActions?.actions.map((a) => a.title), ['Hopp over']);
  });
});
