import type { Activity, BotAdapter, ConversationReference } from 'botbuilder';

/** Sends activities to a citizen outside their own turn (a veileder's message, an expiry notice). */
export type CitizenDelivery = (citizenRef: Record<string, unknown>, activities: Array<Partial<Activity>>) => Promise<void>;

export interface DeliveryChannels {
  /** The local Direct Line (web chat): push straight into the conversation's log. */
  directLine?: {
    pushActivity(conversationId: string, activity: Partial<Activity>): Promise<unknown>;
    /** The address the conversation last wrote from (memory only), for the urgent-handoff limit. */
    clientAddressOf?(conversationId: string): string | undefined;
  };
  /** Azure channels and Teams: a proactive turn through the Bot Framework adapter. */
  adapter?: BotAdapter;
  appId?: string;
}

export function createCitizenDelivery(channels: DeliveryChannels): CitizenDelivery {
  return async (citizenRef, activities) => {
    const ref = citizenRef as Partial<ConversationReference>;
    const conversationId = ref.conversation?.id;
    if (!conversationId) throw new Error('handoff: the citizen reference has no conversation');
    if (ref.channelId === 'directline' && channels.directLine) {
      for (const activity of activities) await channels.directLine.pushActivity(conversationId, activity);
      return;
    }
    if (!channels.adapter) throw new Error(`handoff: no adapter for channel ${ref.channelId ?? '?'}`);
    await channels.adapter.continueConversationAsync(channels.appId ?? '', ref, async (ctx) => {
      await ctx.sendActivities(activities);
    });
  };
}
