import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { redact } from '../../core/redaction/index.js';
import { markUnhandled } from '../../dialogs/context.js';
import type { Lang } from '../../core/language.js';
import { createStores, type Claim, type Stores } from '../../bot/storage/index.js';
import { t } from '../../dialogs/i18n.js';
import { createPrivacy, redactFor, type PrivacyRecords } from '../../dialogs/privacy/index.js';
import { allText, createHarness, describe as describeReply, say } from '../helpers/botHarness.js';

const LOCALES: Record<Lang, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-US' };
const ASK_INFO: Record<Lang, string> = { nb: 'hva lagrer dere?', nn: 'kva lagrar de?', en: 'what do you store?' };
const ASK_DELETE: Record<Lang, string> = { nb: 'slett samtalen', nn: 'slett samtalen', en: 'delete conversation' };
const YES: Record<Lang, string> = { nb: 'ja', nn: 'ja', en: 'yes' };
const NO: Record<Lang, string> = { nb: 'nei', nn: 'nei', en: 'no' };
const INTENTS = new Map<string, string>([
  ...Object.values(ASK_INFO).map((q) => [q.replace('?', ''), 'privacy.info'] as [string, string]),
  ...Object.values(ASK_DELETE).map((q) => [q, 'privacy.delete'] as [string, string]),
]);
/**
 * A stand-in for any flow waiting for an answer (the unhandled-text protocol of dialogs/context.ts),
 * registered under the questionnaire's id so the root can start it.
 */
class AgeQuestion extends Dialog {
  constructor() {
    super('triage');
  }
  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await dc.context.sendActivity('How old are you?');
    return Dialog.EndOfTurn;
  }
  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const text = dc.context.activity.text ?? '';
    if (!/^\d+$/.test(text)) {
      markUnhandled(dc.context);
      return Dialog.EndOfTurn;
    }
    await dc.context.sendActivity(`Thanks: ${text}`);
    return dc.endDialog();
  }
  override async repromptDialog(ctx: TurnContext): Promise<void> {
    await ctx.sendActivity('How old are you?');
  }
}

const CONVERSATION = 'Convo1'; // TestAdapter's conversation id
const STATE_KEY = `test/conversations/${CONVERSATION}/`;

describe('privacy flow', () => {
  let dir: string;
  let stores: Stores;
  let errors: unknown[];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'veiviser-privacy-'));
    stores = await createStores({ dataDir: dir, retentionDays: 14 });
    errors = [];
  });
  afterEach(async () => {
    await stores.close();
    await rm(dir, { recursive: true, force: true });
  });

  function harness(lang: Lang, overrides: { records?: PrivacyRecords; extraFlows?: Dialog[] } = {}) {
    const privacy = createPrivacy({ records: overrides.records ?? stores.records, storage: stores.storage, retentionDays: 14, onError: (e) => errors.push(e) });
    return createHarness({
      storage: stores.storage,
      locale: LOCALES[lang],
      retentionDays: 14,
      flows: [privacy.dialog, ...(overrides.extraFlows ?? [])],
      understanding: {
        classify: (text) => {
          const intent = text === 'start age' ? 'triage.start' : INTENTS.get(text.toLowerCase().replace('?', '').trim());
          return intent ? { intent, score: 1 } : { intent: 'None', score: 0 };
        },
      },
      hooks: { ...privacy.hooks, redact: (text) => redact(text) },
    }).adapter;
  }

  /** One user message in the language under test (Web Chat sends the page locale with each). */
  function sayIn(lang: Lang, adapter: ReturnType<typeof harness>, text: string) {
    return say(adapter, { type: 'message', text, locale: LOCALES[lang] });
  }

  async function seedConversation(state: string | null): Promise<void> {
    await stores.records.appendLog(CONVERSATION, 'directline', { type: 'message', text: 'Jeg har ikke penger til husleia' });
    await stores.records.put('consent', 'k1', { value: { at: 'x' }, conversationId: CONVERSATION });
    if (state) {
      await stores.records.put('handoff', 'h1', {
        value: { state, history: [{ state: 'queued', at: '2026-03-02T10:00:00Z', by: 'system' }, ...(state === 'accepted' ? [{ state, at: '2026-03-02T10:05:00Z', by: 'veileder' }] : [])] },
        conversationId: CONVERSATION,
        state,
      });
    }
    await stores.records.appendLog('someone-else', 'directline', { type: 'message', text: 'hei' });
  }

  for (const lang of ['nb', 'nn', 'en'] as const) {
    describe(lang, () => {
      it('explains what is kept (the resume code too), why and for how long, with the configured days and a delete button', async () => {
        const adapter = harness(lang);
        const [reply] = await sayIn(lang, adapter, ASK_INFO[lang]);
        const { text, buttons } = describeReply(reply ?? {});
        assert.ok(text.includes(t(lang, 'privacy:info.what')));
        assert.ok(text.includes(t(lang, 'privacy:info.why')));
        assert.ok(text.includes(t(lang, 'privacy:info.howLong', { days: 14 })));
        // A resume code is stored too, as a fingerprint only: the person is told so, with its lifetime.
        assert.ok(text.includes(t(lang, 'privacy:info.resumeCode', { days: 14 })));
        assert.match(text, /14/);
        assert.deepEqual(buttons, [t(lang, 'privacy:info.deleteButton')]);
      });

      it('asks before deleting, then deletes state, the message log and a queued handoff, and says so', async () => {
        await seedConversation('queued');
        const adapter = harness(lang);
        await sayIn(lang, adapter, 'Fødselsnummeret mitt er 15038512363');
        assert.ok(Object.keys(await stores.storage.read([STATE_KEY])).length === 1, 'the conversation has state');

        const [question] = await sayIn(lang, adapter, ASK_DELETE[lang]);
        const { text, buttons } = describeReply(question ?? {});
        assert.ok(text.startsWith(t(lang, 'privacy:delete.confirm')));
        assert.ok(text.includes(t(lang, 'privacy:delete.confirmQueued')), 'the user is told they leave the queue');
        assert.ok(text.includes(t(lang, 'privacy:delete.cannotUndo')));
        assert.deepEqual(buttons, [t(lang, 'privacy:delete.yesButton'), t(lang, 'privacy:delete.noButton')]);
        assert.ok(await stores.records.get('handoff', 'h1'), 'nothing is deleted before the answer');

        const replies = await sayIn(lang, adapter, YES[lang]);
        assert.ok(allText(replies).includes(t(lang, 'privacy:delete.done')));
        assert.ok(!allText(replies).includes(t(lang, 'privacy:delete.doneAccepted')));
        assert.deepEqual(await stores.records.readLog(CONVERSATION, 'directline'), []);
        assert.deepEqual(await stores.records.readLog(CONVERSATION, 'directline'), []);
        assert.equal(await stores.records.get('handoff', 'h1'), undefined);
        assert.equal(await stores.records.get('consent', 'k1'), undefined);
        assert.equal((await stores.records.readLog('someone-else', 'directline')).length, 1, 'other conversations stay');
        const saved = (await stores.storage.read([STATE_KEY]))[STATE_KEY] as { veiviser?: Record<string, unknown>; dialogState?: { dialogStack: unknown[] } } | undefined;
        assert.equal(saved?.veiviser?.redactionNoticeGiven, undefined, 'the state saved after the turn starts afresh');
        assert.deepEqual(saved?.dialogState?.dialogStack ?? [], []);
        const audit = await stores.records.readAudit({ conversationId: CONVERSATION });
        assert.deepEqual(audit.map((a) => [a.actor, a.action]), [['user', 'conversation.delete']]);
        assert.equal(errors.length, 0);
      });

      it('keeps everything when the user says no, by word or by button', async () => {
        await seedConversation(null);
        const adapter = harness(lang);
        await sayIn(lang, adapter, ASK_DELETE[lang]);
        assert.ok(allText(await sayIn(lang, adapter, NO[lang])).includes(t(lang, 'privacy:delete.kept')));
        await sayIn(lang, adapter, ASK_DELETE[lang]);
        assert.ok(allText(await sayIn(lang, adapter, t(lang, 'privacy:delete.noButton'))).includes(t(lang, 'privacy:delete.kept')));
        assert.equal((await stores.records.readLog(CONVERSATION, 'directline')).length, 1);
        assert.ok(await stores.records.get('consent', 'k1'));
      });

      it('closes a handoff a veileder has taken instead of deleting it, and tells the user', async () => {
        await seedConversation('accepted');
        const adapter = harness(lang);
        const [question] = await sayIn(lang, adapter, ASK_DELETE[lang]);
        assert.ok((question?.text ?? '').includes(t(lang, 'privacy:delete.confirmAccepted')));
        const replies = await sayIn(lang, adapter, t(lang, 'privacy:delete.yesButton'));
        assert.ok(allText(replies).includes(t(lang, 'privacy:delete.done')));
        assert.ok(allText(replies).includes(t(lang, 'privacy:delete.doneAccepted')));
        const handoff = await stores.records.get<{ state: string; history: Array<{ state: string; by: string }> }>('handoff', 'h1');
        assert.equal(handoff?.state, 'closed');
        const last = handoff?.value.history.at(-1);
        assert.equal(last?.state, 'closed');
        assert.equal(last?.by, 'user', 'the history says the user ended it');
        assert.deepEqual(await stores.records.readLog(CONVERSATION, 'directline'), []);
      });

      it('asks again, in plain words, when the answer is neither yes nor no', async () => {
        const adapter = harness(lang);
        await sayIn(lang, adapter, ASK_DELETE[lang]);
        const replies = await sayIn(lang, adapter, 'blå');
        const { text, buttons } = describeReply(replies.at(-1) ?? {});
        assert.equal(text, t(lang, 'privacy:delete.reprompt'));
        assert.deepEqual(buttons, [t(lang, 'privacy:delete.yesButton'), t(lang, 'privacy:delete.noButton')]);
      });

      it('tells the user once, kindly, that an identity number was removed', async () => {
        const adapter = harness(lang);
        assert.ok(allText(await sayIn(lang, adapter, 'nummeret mitt er 15038512363')).includes(t(lang, 'privacy:notice.redacted')));
        assert.ok(!allText(await sayIn(lang, adapter, 'og kontoen 1234.56.78903')).includes(t(lang, 'privacy:notice.redacted')));
      });

      it('gives a kind answer and deletes nothing it cannot finish when the store fails', async () => {
        await seedConversation(null);
        const failing: PrivacyRecords = {
          list: (kind, filter) => stores.records.list(kind, filter),
          claim: (kind, id, claim) => stores.records.claim(kind, id, claim as Claim<unknown>),
          appendAudit: (entry) => stores.records.appendAudit(entry),
          deleteConversation: async () => {
            throw new Error('disk full');
          },
        };
        const adapter = harness(lang, { records: failing });
        await sayIn(lang, adapter, ASK_DELETE[lang]);
        const replies = await sayIn(lang, adapter, YES[lang]);
        assert.equal(allText(replies).split('\n')[0], t(lang, 'privacy:delete.failed'));
        assert.doesNotMatch(allText(replies), /disk full|Error|\(\S+:\d+:\d+\)/);
        assert.equal(errors.length, 1);
        assert.equal((await stores.records.readLog(CONVERSATION, 'directline')).length, 1);
      });

      it('answers "what do you store" in the middle of another flow, then asks that flow\'s question again', async () => {
        const adapter = harness(lang, { extraFlows: [new AgeQuestion()] });
        await sayIn(lang, adapter, 'start age');
        const replies = await sayIn(lang, adapter, ASK_INFO[lang]);
        assert.ok(allText(replies).includes(t(lang, 'privacy:info.why')));
        assert.equal(replies.at(-1)?.text, 'How old are you?');
        assert.equal(replies.filter((r) => r.text === 'How old are you?').length, 1, 'asked once, not twice');
        assert.deepEqual(describeReply((await sayIn(lang, adapter, '34'))[0] ?? {}).text, 'Thanks: 34');
      });

      it('renders placeholders for removed numbers in the user language', () => {
        const { text, kinds } = redactFor('fnr 15038512363 og e-post a@b.no', lang);
        assert.deepEqual(kinds, ['fodselsnummer', 'epost']);
        assert.equal(text, `fnr ${t(lang, 'privacy:placeholder.fodselsnummer')} og e-post ${t(lang, 'privacy:placeholder.epost')}`);
        assert.doesNotMatch(text, /privacy:|15038512363/);
      });
    });
  }
});
