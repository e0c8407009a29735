import type { Application } from '@microsoft/teams-ai';
import { CardFactory, MessageFactory, TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { HandoffTransitionError } from '../../../core/handoff/stateMachine.js';
import { teamsPostsOf, type HandoffRecord, type TeamsPost } from '../../../core/handoff/record.js';
import { handoffTexts } from '../../../dialogs/handoff/texts.js';
import { redactFor } from '../../../dialogs/privacy/index.js';
import { LruMap } from '../../storage/lruMap.js';
import { HandoffNotFoundError } from '../errors.js';
import type { VeilederIdentity } from '../handoffQueue.js';
import type { VeilederActions } from '../veilederActions.js';
import { citizenMessageCard, handoffCard, TEAMS_VERBS } from './card.js';
import { threadRef, type TeamsPoster } from './poster.js';
import { baseConversationId, type TeamsRegistry } from './registry.js';
import { cutText } from '../../../core/wellFormed.js';

export interface TeamsSideOptions {
  actions: VeilederActions;
  registry: TeamsRegistry;
  poster: TeamsPoster;
  veilederLang?: 'nb' | 'nn';
  onError?: (error: unknown) => void;
}

const VEILEDER_SCOPES = new Set(['channel', 'groupChat']);
/** Teams announces one install twice (installationUpdate and conversationUpdate): one notice is enough. */
const NOTICE_AGAIN_AFTER_MS = 10 * 60_000;

/** The veileder's identity in Teams: the Entra object id (no spaces, safe for the audit log) and their name. */
function veilederFrom(ctx: TurnContext): VeilederIdentity {
  const from = ctx.activity.from;
  const id = (from.aadObjectId ?? from.id ?? 'teams').replace(/[^A-Za-z0-9._:-]/g, '').slice(0, 80) || 'teams';
  const name = from.name ? redactFor(cutText(from.name, 60), 'nb').text : undefined;
  return { id: `teams-${id}`, ...(name ? { name } : {}) };
}

function isGroupChat(ref: Partial<ConversationReference> | Record<string, unknown>): boolean {
  return (ref as Partial<ConversationReference>).conversation?.conversationType === 'groupChat';
}

function botAdded(activity: Activity): boolean {
  return (
    (activity.type === 'conversationUpdate' && (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id)) ||
    (activity.type === 'installationUpdate' && activity.action === 'add')
  );
}

function botRemoved(activity: Activity): boolean {
  return (
    (activity.type === 'conversationUpdate' && (activity.membersRemoved ?? []).some((m) => m.id === activity.recipient?.id)) ||
    (activity.type === 'installationUpdate' && activity.action === 'remove')
  );
}

/**
 * The veileder side in Microsoft Teams. The conversations where veiledere work are configured
 * (VEILEDER_TEAMS_CONVERSATION); each new handoff is posted in each of them as a card with Ta
 * saken / Gi tilbake til chatten / Avslutt. After "Ta saken" the card's reply thread (in a channel)
 * or the group chat itself is the conversation: the veileder's replies go to the citizen, the
 * citizen's messages appear there; every card always shows the current state.
 */
export class TeamsVeilederSide {
  readonly #noticed = new LruMap<string, number>(1000);

  constructor(private readonly options: TeamsSideOptions) {}

  private get tr() {
    return handoffTexts(this.options.veilederLang ?? 'nb');
  }

  /** Routes for the Teams AI application; registered before the citizen's catch-all message route. */
  register(app: Application): void {
    // Before routing, so the citizen's welcome (the root's membersAdded route) never lands in a veileder conversation.
    app.turn('beforeTurn', async (ctx) => !(await this.onInstallation(ctx)));
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

  /** Only the configured veileder conversations may use the veileder actions. */
  async isVeilederConversation(ctx: TurnContext): Promise<boolean> {
    if (!VEILEDER_SCOPES.has(ctx.activity.conversation?.conversationType ?? '')) return false;
    const destination = this.options.registry.destinationFor(ctx.activity);
    if (!destination) return false;
    // The bot may have been there before it was configured: the first word there makes it known.
    if (!this.options.registry.knows(destination) && (await this.learn(destination, ctx.activity))) this.postWaiting(destination);
    return true;
  }

  /** True when this turn was the bot being added to (or removed from) a team or group chat, now handled. */
  private async onInstallation(ctx: TurnContext): Promise<boolean> {
    const { activity } = ctx;
    if (activity.channelId !== 'msteams' || !VEILEDER_SCOPES.has(activity.conversation?.conversationType ?? '')) return false;
    const destination = this.options.registry.destinationFor(activity);
    if (botRemoved(activity)) {
      if (destination) await this.options.registry.remove(destination);
      return true;
    }
    if (!botAdded(activity)) return false;
    const chat = activity.conversation.conversationType === 'groupChat';
    if (!destination) {
      // Summaries never go to whoever adds the app; say so, once per install.
      const key = baseConversationId(activity.conversation.id);
      const now = Date.now();
      if ((this.#noticed.get(key) ?? 0) < now - NOTICE_AGAIN_AFTER_MS) {
        this.#noticed.set(key, now);
        await ctx.sendActivity(this.tr('veileder.notDestination'));
      }
      return true;
    }
    if (await this.learn(destination, activity)) {
      await ctx.sendActivity(this.tr(chat ? 'veileder.installedChat' : 'veileder.installed'));
      this.postWaiting(destination);
    }
    return true;
  }

  /** Saves where to post for a destination; true when it was not known before. */
  private learn(destination: string, activity: Activity): Promise<boolean> {
    return this.options.registry.save(destination, TurnContext.getConversationReference(activity));
  }

  /**
   * Handoffs queued before this destination existed are posted there once it does: after the
   * turn that made it known, so its own answer comes first.
   */
  private postWaiting(destination: string): void {
    void (async () => {
      const ref = (await this.options.registry.all()).find((d) => d.id === destination)?.ref;
      if (!ref) return;
      for (const record of await this.options.actions.queue.list(['queued'])) {
        if (teamsPostsOf(record).posts.some((p) => p.destination === destination)) continue;
        await this.post(record, destination, ref);
      }
    })().catch(this.options.onError);
  }

  private async onCardAction(ctx: TurnContext, verb: string, data: { handoffId?: unknown }): Promise<void> {
    if (!(await this.isVeilederConversation(ctx)) || typeof data.handoffId !== 'string') return;
    const veileder = veilederFrom(ctx);
    const { actions } = this.options;
    try {
      if (verb === TEAMS_VERBS.accept) {
        const destination = this.options.registry.destinationFor(ctx.activity);
        await actions.accept(data.handoffId, veileder);
        if (destination) await actions.queue.updateTeams(data.handoffId, (teams) => ({ ...teams, acceptedIn: destination }));
        // A press on a channel card arrives in the card's own thread, so this reply opens the conversation there.
        const chat = ctx.activity.conversation.conversationType === 'groupChat';
        await ctx.sendActivity(this.tr(chat ? 'veileder.chatStart' : 'veileder.threadStart'));
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
    const here = baseConversationId(ctx.activity.conversation.id);
    const postedHere = (r: HandoffRecord) => teamsPostsOf(r).posts.find((p) => baseConversationId((p.conversationRef as Partial<ConversationReference>).conversation?.id) === here);
    const thread = /;messageid=(.+)$/.exec(ctx.activity.conversation.id)?.[1];
    if (thread) return accepted.find((r) => postedHere(r)?.activityId === thread);
    // A group chat has no threads: the handoff this veileder has taken most recently there.
    return accepted
      .filter((r) => r.acceptedBy?.id === veileder.id && postedHere(r))
      .sort((a, b) => (b.acceptedBy?.at ?? '').localeCompare(a.acceptedBy?.at ?? ''))[0];
  }

  private card(record: HandoffRecord): Partial<Activity> {
    return MessageFactory.attachment(CardFactory.adaptiveCard(handoffCard(record, this.tr)));
  }

  private async post(record: HandoffRecord, destination: string, ref: Partial<ConversationReference>): Promise<void> {
    const activityId = await this.options.poster.send(ref, this.card(record));
    const post: TeamsPost = { destination, conversationRef: ref as Record<string, unknown>, ...(activityId ? { activityId } : {}) };
    await this.options.actions.queue.updateTeams(record.id, (teams) => ({ ...teams, posts: [...teams.posts.filter((p) => p.destination !== destination), post] }));
  }

  /** Queue listener: post the card for a new handoff in every destination, update every card on later changes. */
  async onChange(record: HandoffRecord): Promise<void> {
    const { posts } = teamsPostsOf(record);
    if (posts.length > 0) {
      const failures: unknown[] = [];
      for (const p of posts) {
        if (!p.activityId) continue;
        await this.options.poster.update(p.conversationRef as Partial<ConversationReference>, p.activityId, this.card(record)).catch((error: unknown) => failures.push(error));
      }
      if (failures.length > 0) throw failures[0];
      return;
    }
    if (record.state !== 'queued') return;
    for (const destination of await this.options.registry.all()) {
      await this.post(record, destination.id, destination.ref).catch(this.options.onError);
    }
  }

  /** Turn-hook listener: the citizen's message appears where a veileder has the handoff (the card's thread, or the group chat). */
  async onCitizenMessage(record: HandoffRecord, seq: number): Promise<void> {
    if (record.state !== 'accepted') return;
    const { posts, acceptedIn } = teamsPostsOf(record);
    const post = acceptedIn !== undefined ? posts.find((p) => p.destination === acceptedIn) : posts.length === 1 ? posts[0] : undefined;
    if (!post) return;
    const [message] = await this.options.actions.queue.messages(record, seq - 1);
    if (!message) return;
    const ref = post.conversationRef as Partial<ConversationReference>;
    const target = isGroupChat(ref) || !post.activityId ? ref : threadRef(ref, post.activityId);
    await this.options.poster.send(target, MessageFactory.attachment(CardFactory.adaptiveCard(citizenMessageCard(this.tr, message.text))));
  }
}
