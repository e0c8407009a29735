import type { Application } from '@microsoft/teams-ai';
import { CardFactory, MessageFactory, TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { HandoffTransitionError } from '../../../core/handoff/stateMachine.js';
import type { HandoffRecord } from '../../../core/handoff/record.js';
import { handoffTexts } from '../../../dialogs/handoff/texts.js';
import { redactFor } from '../../../dialogs/privacy/index.js';
import { HandoffNotFoundError } from '../errors.js';
import type { VeilederIdentity } from '../handoffQueue.js';
import type { VeilederActions } from '../veilederActions.js';
import { citizenMessageCard, handoffCard, TEAMS_VERBS } from './card.js';
import { threadRef, type TeamsPoster } from './poster.js';
import type { TeamsRegistry } from './registry.js';

export interface TeamsSideOptions {
  actions: VeilederActions;
  registry: TeamsRegistry;
  poster: TeamsPoster;
  veilederLang?: 'nb' | 'nn';
  onError?: (error: unknown) => void;
}

const VEILEDER_SCOPES = new Set(['channel', 'groupChat']);

function baseConversationId(id: string | undefined): string {
  return (id ?? '').split(';messageid=')[0] ?? '';
}

/** The veileder's identity in Teams: the Entra object id (no spaces, safe for the audit log) and their name. */
function veilederFrom(ctx: TurnContext): VeilederIdentity {
  const from = ctx.activity.from;
  const id = (from.aadObjectId ?? from.id ?? 'teams').replace(/[^A-Za-z0-9._:-]/g, '').slice(0, 80) || 'teams';
  const name = from.name ? redactFor(from.name.slice(0, 60), 'nb').text : undefined;
  return { id: `teams-${id}`, ...(name ? { name } : {}) };
}

/**
 * The veileder side in Microsoft Teams. Installed in a team (or group chat), the bot remembers where;
 * each new handoff is posted there as a card with Ta saken / Gi tilbake til chatten / Avslutt; after
 * "Ta saken" the card's reply thread is the conversation: the veileder's replies go to the citizen,
 * the citizen's messages appear in the thread; the card always shows the current state.
 */
export class TeamsVeilederSide {
  constructor(private readonly options: TeamsSideOptions) {}

  private get tr() {
    return handoffTexts(this.options.veilederLang ?? 'nb');
  }

  /** Routes for the Teams AI application; registered before the citizen's catch-all message route. */
  register(app: Application): void {
    // Before routing, so the citizen's welcome (the root's membersAdded route) never lands in the veileder channel.
    app.turn('beforeTurn', async (ctx) => !(await this.onInstalled(ctx)));
    for (const verb of Object.values(TEAMS_VERBS)) {
      app.adaptiveCards.actionSubmit(verb, async (ctx, _state, data) => {
        await this.onCardAction(ctx, verb, data as { handoffId?: unknown });
      });
    }
    app.activity(
      async (ctx) => ctx.activity.type === 'message' && !!ctx.activity.text && (await this.isVeilederConversation(ctx)),
      async (ctx) => {
        await this.onVeilederMessage(ctx);
      },
    );
  }

  /** Only the conversation the bot was installed in for veiledere may use the veileder actions. */
  async isVeilederConversation(ctx: TurnContext): Promise<boolean> {
    if (ctx.activity.channelId !== 'msteams') return false;
    if (!VEILEDER_SCOPES.has(ctx.activity.conversation?.conversationType ?? '')) return false;
    const ref = await this.options.registry.get();
    return !!ref && baseConversationId(ref.conversation?.id) === baseConversationId(ctx.activity.conversation.id);
  }

  /** True when this turn was the bot being added to a team channel or group chat (and is now handled). */
  private async onInstalled(ctx: TurnContext): Promise<boolean> {
    const { activity } = ctx;
    if (activity.channelId !== 'msteams' || !VEILEDER_SCOPES.has(activity.conversation?.conversationType ?? '')) return false;
    const added =
      (activity.type === 'conversationUpdate' && (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id)) ||
      (activity.type === 'installationUpdate' && activity.action === 'add');
    if (!added) return false;
    const ref = TurnContext.getConversationReference(activity);
    // New posts go to the channel itself, not into the thread the install message came from.
    ref.conversation = { ...ref.conversation!, id: baseConversationId(ref.conversation?.id) };
    await this.options.registry.save(ref);
    await ctx.sendActivity(this.tr('veileder.installed'));
    return true;
  }

  private async onCardAction(ctx: TurnContext, verb: string, data: { handoffId?: unknown }): Promise<void> {
    if (!(await this.isVeilederConversation(ctx)) || typeof data.handoffId !== 'string') return;
    const veileder = veilederFrom(ctx);
    const { actions } = this.options;
    try {
      if (verb === TEAMS_VERBS.accept) {
        await actions.accept(data.handoffId, veileder);
        // A press on a channel card arrives in the card's own thread, so this reply opens the conversation there.
        await ctx.sendActivity(this.tr('veileder.threadStart'));
      } else if (verb === TEAMS_VERBS.giveBack) {
        await actions.giveBack(data.handoffId, veileder);
      } else {
        await actions.close(data.handoffId, veileder);
      }
    } catch (error) {
      if (error instanceof HandoffTransitionError || error instanceof HandoffNotFoundError) {
        await ctx.sendActivity(this.tr('veileder.conflict'));
        return;
      }
      throw error;
    }
  }

  /** A veileder's reply in a card's thread (channel) or in the group chat goes to the citizen. */
  private async onVeilederMessage(ctx: TurnContext): Promise<void> {
    const text = (ctx.activity.text ?? '').trim();
    if (!text) return;
    const veileder = veilederFrom(ctx);
    const record = await this.handoffFor(ctx, veileder);
    if (!record) return;
    await this.options.actions.send(record.id, veileder, text).catch(async (error: unknown) => {
      if (error instanceof HandoffTransitionError) await ctx.sendActivity(this.tr('veileder.conflict'));
      else throw error;
    });
  }

  private async handoffFor(ctx: TurnContext, veileder: VeilederIdentity): Promise<HandoffRecord | undefined> {
    const accepted = await this.options.actions.queue.list(['accepted']);
    const thread = /;messageid=(.+)$/.exec(ctx.activity.conversation.id)?.[1];
    if (thread) return accepted.find((r) => r.teams?.activityId === thread);
    // A group chat has no threads: the handoff this veileder has taken most recently.
    return accepted.filter((r) => r.acceptedBy?.id === veileder.id).sort((a, b) => (b.acceptedBy?.at ?? '').localeCompare(a.acceptedBy?.at ?? ''))[0];
  }

  /** Queue listener: post the card for a new handoff, update it on every later change. */
  async onChange(record: HandoffRecord): Promise<void> {
    const ref = record.teams?.conversationRef ?? (await this.options.registry.get());
    if (!ref) return;
    const activity: Partial<Activity> = MessageFactory.attachment(CardFactory.adaptiveCard(handoffCard(record, this.tr)));
    if (record.teams?.activityId) {
      await this.options.poster.update(ref as Partial<ConversationReference>, record.teams.activityId, activity);
      return;
    }
    if (record.state !== 'queued') return;
    const activityId = await this.options.poster.send(ref as Partial<ConversationReference>, activity);
    await this.options.actions.queue.setTeams(record.id, { conversationRef: ref as Record<string, unknown>, ...(activityId ? { activityId } : {}) });
  }

  /** Turn-hook listener: the citizen's message appears in the card's thread once a veileder has it. */
  async onCitizenMessage(record: HandoffRecord, seq: number): Promise<void> {
    if (record.state !== 'accepted' || !record.teams?.activityId) return;
    const [message] = await this.options.actions.queue.messages(record, seq - 1);
    if (!message) return;
    const ref = threadRef(record.teams.conversationRef as Partial<ConversationReference>, record.teams.activityId);
    await this.options.poster.send(ref, MessageFactory.attachment(CardFactory.adaptiveCard(citizenMessageCard(this.tr, message.text))));
  }
}
