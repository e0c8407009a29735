import type { HandoffRecord } from '../../core/handoff/record.js';
import { HandoffTransitionError } from '../../core/handoff/stateMachine.js';
import { handoffTexts } from '../../dialogs/handoff/texts.js';
import { t } from '../../dialogs/i18n.js';
import { menuActivity, menuCard } from '../../dialogs/root/menu.js';
import type { RecordStore } from '../storage/recordStore.js';
import { copyPath } from './copyLink.js';
import type { CitizenDelivery } from './delivery.js';
import type { HandoffQueue, HandoffMessage, VeilederIdentity } from './handoffQueue.js';

export const MAX_VEILEDER_MESSAGE = 5000;

export interface VeilederActionsOptions {
  queue: HandoffQueue;
  records: RecordStore;
  deliver: CitizenDelivery;
  /** Signs the citizen's copy link. */
  copySecret: string;
  /** Turns "/kopi/…" into the link the citizen can open (the public origin). */
  publicUrl?: (path: string) => string;
  /** Told after every change, so the other veileder surface (Teams card, page) can follow. */
  onChange?: (record: HandoffRecord) => Promise<void>;
  onError?: (error: unknown) => void;
}

/**
 * What a veileder can do with a handoff, the same from the web page, the API and Teams:
 * each action is an atomic state change, an audit entry (who, what, when; never text) and a
 * message to the citizen in their language.
 */
export class VeilederActions {
  /** What each veileder last saw in the queue, so the page's polling is audited only when it shows something new. */
  readonly #lastList = new Map<string, string>();

  constructor(private readonly options: VeilederActionsOptions) {}

  get queue(): HandoffQueue {
    return this.options.queue;
  }

  async audit(veileder: VeilederIdentity, action: string, target?: string, conversationId?: string): Promise<void> {
    await this.options.records.appendAudit({ actor: `veileder:${veileder.id}`, action, ...(target ? { target } : {}), ...(conversationId ? { conversationId } : {}) });
  }

  async view(id: string, veileder: VeilederIdentity): Promise<HandoffRecord> {
    const record = await this.options.queue.get(id);
    await this.audit(veileder, 'handoff.view', id, record.conversationId);
    return record;
  }

  async list(states: Parameters<HandoffQueue['list']>[0], veileder: VeilederIdentity): Promise<HandoffRecord[]> {
    const records = await this.options.queue.list(states);
    const seen = records.map((r) => `${r.id}:${r.state}`).join(',');
    if (this.#lastList.get(veileder.id) !== seen) {
      this.#lastList.set(veileder.id, seen);
      await this.audit(veileder, 'handoff.list');
    }
    return records;
  }

  async accept(id: string, veileder: VeilederIdentity): Promise<HandoffRecord> {
    const record = await this.options.queue.accept(id, veileder);
    await this.audit(veileder, 'handoff.accept', id, record.conversationId);
    const tr = handoffTexts(record.lang);
    await this.tell(record, veileder.name ? tr('relay.connectedNamed', { name: veileder.name }) : tr('relay.connected'));
    await this.changed(record);
    return record;
  }

  async giveBack(id: string, veileder: VeilederIdentity): Promise<HandoffRecord> {
    const record = await this.options.queue.giveBack(id);
    await this.audit(veileder, 'handoff.return', id, record.conversationId);
    await this.tell(record, handoffTexts(record.lang)('relay.returned'));
    await this.changed(record);
    return record;
  }

  /** Closes; a closing note, when given, reaches the citizen first as the veileder's last message. */
  async close(id: string, veileder: VeilederIdentity, note?: string): Promise<HandoffRecord> {
    if (note) {
      const before = await this.options.queue.get(id);
      if (before.state !== 'accepted' && before.state !== 'queued') throw new HandoffTransitionError(before.state, 'closed');
    }
    const record = await this.options.queue.close(id);
    await this.audit(veileder, 'handoff.close', id, record.conversationId);
    if (note) await this.relay(record, veileder, note).catch(this.options.onError);
    const tr = handoffTexts(record.lang);
    const path = copyPath(this.options.copySecret, record.id);
    await this.tell(record, tr('relay.closed'), tr('relay.printLink', { url: this.options.publicUrl?.(path) ?? path }));
    await this.showMenu(record);
    await this.changed(record);
    return record;
  }

  /** A veileder's message to the citizen; only while the handoff is accepted. */
  async send(id: string, veileder: VeilederIdentity, text: string): Promise<HandoffMessage> {
    const record = await this.options.queue.get(id);
    if (record.state !== 'accepted') throw new HandoffTransitionError(record.state, 'accepted');
    return this.relay(record, veileder, text);
  }

  /** Keeps the veileder's message with the handoff and delivers it to the citizen. */
  private async relay(record: HandoffRecord, veileder: VeilederIdentity, text: string): Promise<HandoffMessage> {
    const seq = await this.options.queue.appendMessage(record.id, record.conversationId, 'veileder', text);
    await this.audit(veileder, 'handoff.message', record.id, record.conversationId);
    const tr = handoffTexts(record.lang);
    // Web Chat shows the bot and the veileder alike ("the bot said"), so the text itself says who is writing.
    const said = veileder.name ? tr('relay.veilederSaysNamed', { name: veileder.name, text }) : tr('relay.veilederSays', { text });
    await this.options.deliver(record.citizenRef, [
      { type: 'message', text: said, from: { id: 'veileder', name: veileder.name ?? tr('relay.veilederName'), role: 'bot' } },
    ]);
    return { seq, at: new Date().toISOString(), from: 'veileder', text };
  }

  async messages(id: string, veileder: VeilederIdentity, after: number): Promise<{ record: HandoffRecord; messages: HandoffMessage[] }> {
    const record = await this.options.queue.get(id);
    const messages = await this.options.queue.messages(record, after);
    // Polling is frequent: a read is audited when it shows the veileder something new.
    if (messages.length > 0) await this.audit(veileder, 'handoff.messages.read', id, record.conversationId);
    return { record, messages };
  }

  private async tell(record: HandoffRecord, ...texts: string[]): Promise<void> {
    await this.options.queue.appendMessage(record.id, record.conversationId, 'system', texts[0] ?? '');
    // Once the veileder has closed or given back, the bot answers again: the last message carries
    // the menu's buttons, so no one is left without a way on.
    const botAgain = record.state !== 'queued' && record.state !== 'accepted';
    const activities = texts.map((text, i) => (botAgain && i === texts.length - 1 ? { ...menuActivity(record.lang, text), type: 'message' } : { type: 'message', text }));
    await this.options
      .deliver(record.citizenRef, activities)
      .catch(this.options.onError);
  }

  /** The bot answers again after a close: its main choices, so the person is not left without a way on. */
  private async showMenu(record: HandoffRecord): Promise<void> {
    const text = t(record.lang, 'welcome.choose');
    const menu = record.citizenRef.channelId === 'msteams' ? menuCard(record.lang, text) : menuActivity(record.lang, text);
    await this.options.deliver(record.citizenRef, [menu]).catch(this.options.onError);
  }

  private async changed(record: HandoffRecord): Promise<void> {
    await this.options.onChange?.(record).catch(this.options.onError);
  }
}
