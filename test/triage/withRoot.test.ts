import assert from 'node:assert/strict';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { t } from '../../dialogs/i18n.js';
import { TriageDialog } from '../../dialogs/triage/triageDialog.js';
import { createHarness, say } from '../helpers/botHarness.js';
import { askedQuestion, buttonsOf, textOf } from './dialogHarness.js';

/** Stands in for the rights flow: shows which topic the root asked for, then ends. */
class TopicEcho extends Dialog {
  constructor() {
    super('rights');
  }
  override async beginDialog(dc: DialogContext, options?: { topic?: string }): Promise<DialogTurnResult> {
    await dc.context.sendActivity(`[rights ${options?.topic}]`);
    return dc.endDialog();
  }
}

describe('triage dialog under the real root dialog', () => {
  it('starts from the menu, lets the root answer a side question, resumes, and ends back at the menu', async () => {
    const { adapter } = createHarness({
      flows: [new TriageDialog({ clock: () => new Date('2026-11-26T09:00:00Z') }), new TopicEcho()],
      understanding: { classify: (text) => (/aap/i.test(text) ? { intent: 'rights.aap', score: 0.9 } : { intent: 'none', score: 0.1 }) },
      locale: 'nb-NO',
    });
    let r = await say(adapter, t('nb', 'menu.triage'));
    assert.equal(textOf(r), t('nb', 'triage:intro.askGoal'));
    r = await say(adapter, 'Jeg er syk og vet ikke hva jeg har krav på');
    assert.equal(askedQuestion('nb', r), 'age');
    r = await say(adapter, 'hva er aap egentlig');
    assert.equal(r[0]?.text, '[rights AAP]');
    assert.ok(r[1]?.text?.startsWith(t('nb', 'triage:intro.resume')));
    assert.equal(askedQuestion('nb', r), 'age');
    r = await say(adapter, 'xyzzy');
    assert.equal(askedQuestion('nb', r), 'age', 'not understood: the root reprompts the same question');
    for (const a of ['40', 'Er sykmeldt', 'ja', 'Grunnskole', 'ja', 'Det blir nok ikke bedre', 'nei', 'Lite eller ingenting', 'ja', 'Sykepenger', 'ferdig', 'nei', 'Jeg har et trygt sted å bo', 'ja', 'nei', 'nei', 'nei']) r = await say(adapter, a);
    assert.ok(textOf(r).includes(t('nb', 'triage:review.heading')), textOf(r));
    r = await say(adapter, 'Vis resultatet');
    assert.ok(textOf(r).includes('Liten mulighet til å jobbe (varig tilpasset innsats)'));
    r = await say(adapter, 'Hopp over');
    const buttons = buttonsOf(r.at(-1));
    assert.ok(buttons.includes(t('nb', 'menu.aap')), buttons.join(' | '));
    r = await say(adapter, t('nb', 'menu.aap'));
    assert.equal(r[0]?.text, '[rights AAP]', 'the rights button is routed by the root');
    assert.ok(buttonsOf(r.at(-1)).includes(t('nb', 'triage:buttons.done')), 'the offer is shown again afterwards');
    r = await say(adapter, 'ferdig');
    assert.equal(textOf(r), t('nb', 'welcome.choose'), 'back at the main menu');
  });
});
