import assert from 'node:assert/strict';
import { t } from '../../dialogs/i18n.js';
import { call, startConversation, type ActivityJson } from '../directline/harness.js';
import { startRealServer, type RealServer } from '../helpers/realServer.js';

async function say(server: RealServer, conversationId: string, token: string, text: string): Promise<string[]> {
  const before = await call(`${server.directLineBase}/conversations/${conversationId}/activities`, { token });
  const watermark = String(before.body.watermark);
  const posted = await call(`${server.directLineBase}/conversations/${conversationId}/activities`, {
    method: 'POST',
    token,
    body: { type: 'message', text, locale: 'nb-NO' },
  });
  assert.equal(posted.status, 200);
  const after = await call(`${server.directLineBase}/conversations/${conversationId}/activities?watermark=${watermark}`, { token });
  return (after.body.activities as ActivityJson[]).filter((a) => a.from.role === 'bot').map((a) => a.text ?? '');
}

describe('a conversation survives a restart of the server', () => {
  it('keeps the language, the questionnaire position and the activity log, with the same token', async () => {
    const first = await startRealServer();
    const started = await startConversation(first.directLineBase, 'nb-NO');
    const { conversationId, token } = started;
    assert.deepEqual(await say(first, conversationId, token, 'nynorsk'), [t('nn', 'language.switched'), t('nn', 'welcome.choose')]);
    await say(first, conversationId, token, t('nn', 'menu.triage'));
    // The questionnaire first asks for the request in the user's own words; give it.
    const afterRequest = await say(first, conversationId, token, 'Eg treng hjelp til å finne arbeid');
    const questionBeforeRestart = afterRequest.at(-1);
    assert.ok(questionBeforeRestart, 'a question is asked');
    const logBefore = await call(`${first.directLineBase}/conversations/${conversationId}/activities`, { token });
    await first.close();

    const second = await startRealServer({ DATA_DIR: first.dataDir });
    try {
      const logAfter = await call(`${second.directLineBase}/conversations/${conversationId}/activities`, { token });
      assert.equal(logAfter.status, 200, 'the same token works after the restart');
      assert.equal(logAfter.body.watermark, logBefore.body.watermark, 'the activity log is all there');
      // "hjelp" is answered in nynorsk, then the same question comes back: nothing was lost.
      const help = await say(second, conversationId, token, 'hjelp');
      assert.equal(help[0], t('nn', 'help.text'));
      assert.equal(help.at(-1), questionBeforeRestart);
    } finally {
      await second.close();
    }
  });
});
