import assert from 'node:assert/strict';
import type { Lang } from '../../core/language.js';
import { t } from '../../dialogs/i18n.js';
import { FlowBot, joined } from '../helpers/flowHarness.js';

/** A request to write in a language, written in another one: the language asked for wins. */
const REQUESTS: [Lang, string, Lang][] = [
  ['nb', 'kan du skrive nynorsk', 'nn'],
  ['nb', 'could you write in english please', 'en'],
  ['nn', 'eg vil ha bokmål', 'nb'],
  ['nn', 'kan du snakke engelsk', 'en'],
  ['en', 'can you write in norwegian', 'nb'],
  ['en', 'skriv på nynorsk takk', 'nn'],
];

describe('a request to write in a language wins over the language it is written in', function () {
  this.timeout(60_000);
  let bot: FlowBot;
  before(async () => {
    bot = await FlowBot.start();
  });
  after(async () => bot?.close());

  for (const [from, text, to] of REQUESTS) {
    it(`in ${from}, "${text}" switches to ${to}, with no offer of another language`, async () => {
      const citizen = await bot.citizen(from);
      const replies = await citizen.say(text);
      assert.equal(replies[0]?.text, t(to, 'language.switched'), joined(replies));
      assert.ok(!replies.some((r) => ['nb', 'nn', 'en'].some((l) => r.text === t(l as Lang, 'language.offer'))), joined(replies));
    });
  }
});
