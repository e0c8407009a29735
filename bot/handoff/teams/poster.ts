import { TurnContext, type Activity, type BotAdapter, type ConversationReference } from 'botbuilder';

/** Proactive posting into the veileder team (outside a turn): new card, card update, thread reply. */
export interface TeamsPoster {
  send(ref: Partial<ConversationReference>, activity: Partial<Activity>): Promise<string | undefined>;
  update(ref: Partial<ConversationReference>, activityId: string, activity: Partial<Activity>): Promise<void>;
}

/** Through the Bot Framework adapter (TeamsAdapter / CloudAdapter) and the Bot Connector service. */
export function adapterPoster(adapter: BotAdapter, appId: string): TeamsPoster {
  return {
    async send(ref, activity) {
      let id: string | undefined;
      await adapter.continueConversationAsync(appId, ref, async (ctx) => {
        // A new post, not a reply: without replyToId the Connector gets POST …/conversations/{id}/activities
        // (the channel itself, or the thread when the id carries ";messageid=").
        const out = TurnContext.applyConversationReference({ type: 'message', ...activity }, TurnContext.getConversationReference(ctx.activity));
        delete out.replyToId;
        id = (await ctx.adapter.sendActivities(ctx, [out]))[0]?.id;
      });
      return id;
    },
    async update(ref, activityId, activity) {
      await adapter.continueConversationAsync(appId, ref, async (ctx) => {
        await ctx.updateActivity({ ...activity, id: activityId, conversation: ctx.activity.conversation });
      });
    },
  };
}

/** A reference that points into the reply thread of a channel message. */
export function threadRef(ref: Partial<ConversationReference>, rootActivityId: string): Partial<ConversationReference> {
  const id = ref.conversation?.id ?? '';
  const base = id.split(';messageid=')[0];
  return { ...ref, conversation: { ...ref.conversation!, id: `${base};messageid=${rootActivityId}` } };
}
