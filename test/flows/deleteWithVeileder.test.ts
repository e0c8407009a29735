import assert from 'node:assert/strict';
import type { Lang } from '../../core/language.js';
import { t } from '../../dialogs/i18n.js';
import { FlowBot, LANGS } from '../helpers/flowHarness.js';

const REQUEST: Record<Lang, string> = { nb: 'Jeg trenger hjelp med husleia', nn: 'Eg treng hjelp med husleiga', en: 'I need help with my rent' };
const DELETE: Record<Lang, string> = { nb: 'slett samtalen', nn: 'slett samtalen', en: 'delete conversation' };

describe('deleting the conversation while a veileder has it', () => {
  let bot: FlowBot;
  before(async () => {
    bot = await FlowBot.start();
  });
  after(async () => bot?.close());

  for (const lang of LANGS) {
    it(`${lang}: the request to delete reaches the bot, not the veileder; after yes the handoff is closed`, async () => {
      await bot.veileder('');
      const citizen = await bot.citizen(lang);
      const request = `${REQUEST[lang]} (${lang})`;
      await citizen.sayAll([t(lang, 'menu.human'), request, t(lang, 'handoff:consent.buttons.send')]);
      const handoff = await bot.handoffWithRequest(request);
      assert.ok(handoff);
      assert.equal((await bot.veileder(`/${handoff.id}/accept`, { method: 'POST' })).status, 200);
      await citizen.read();

      const asked = await citizen.say(DELETE[lang]);
      assert.ok(asked.some((r) => r.text.includes(t(lang, 'privacy:delete.confirmAccepted'))), asked.map((r) => r.text).join(' | '));
      const done = await citizen.say(t(lang, 'privacy:delete.yesButton'));
      assert.ok(done.some((r) => r.text === t(lang, 'privacy:delete.done')), done.map((r) => r.text).join(' | '));
      const after = await bot.veileder(`/${handoff.id}`);
      assert.equal((after.body as { state?: string }).state ?? (after.body as { handoff?: { state?: string } }).handoff?.state, 'closed');
      const log = await bot.veileder(`/${handoff.id}/messages?after=0`);
      const userLines = (log.body.messages as Array<{ from: string; text: string }>).filter((m) => m.from === 'user').map((m) => m.text);
      assert.ok(!userLines.includes(DELETE[lang]), 'the delete request was not relayed to the veileder');
    });
  }
});
