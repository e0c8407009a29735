import type { Activity, ConversationReference } from 'botbuilder';
import type { RecordStore } from '../../storage/recordStore.js';

const KIND = 'teams-destination';
/** Where earlier versions kept the last conversation the app was installed in; never used now. */
const LEARNED = { kind: 'teams-channel', id: 'veileder' } as const;
/** The address is configuration, not personal data: kept until the bot is removed there. */
const KEEP_MS = 10 * 365 * 24 * 3600 * 1000;

export interface TeamsDestination {
  /** The configured id (a team id or a chat id from VEILEDER_TEAMS_CONVERSATION). */
  id: string;
  /** Where to post: the conversation the bot was installed in or first heard from there. */
  ref: Partial<ConversationReference>;
}

export function baseConversationId(id: string | undefined): string {
  return (id ?? '').split(';messageid=')[0] ?? '';
}

/**
 * The veileder conversations in Teams. Which ones is configuration (VEILEDER_TEAMS_CONVERSATION),
 * never learned from whoever installs the app: an install anywhere else changes nothing. What is
 * learned, and kept in the record store, is only the address to post to in each configured one.
 */
export class TeamsRegistry {
  readonly #known = new Set<string>();

  constructor(
    private readonly records: RecordStore,
    private readonly configured: readonly string[],
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** The configured destination this activity belongs to (its team, chat or channel), if any. */
  destinationFor(activity: Partial<Activity>): string | undefined {
    if (activity.channelId !== 'msteams') return undefined;
    const data = (activity.channelData ?? {}) as { team?: { id?: string }; channel?: { id?: string } };
    const candidates = [data.team?.id, baseConversationId(activity.conversation?.id), data.channel?.id].filter((c): c is string => !!c);
    return this.configured.find((id) => candidates.includes(id));
  }

  /** Remembers where to post for this destination; true when it was not known before. */
  async save(id: string, ref: Partial<ConversationReference>): Promise<boolean> {
    const existing = await this.records.get(KIND, id);
    // Only what is needed to post there again; the activity id of the install event is not.
    const { activityId: _unused, ...keep } = ref;
    keep.conversation = { ...keep.conversation!, id: baseConversationId(keep.conversation?.id) };
    await this.records.put(KIND, id, { value: keep, conversationId: null, expiresAt: new Date(this.clock().getTime() + KEEP_MS) });
    this.#known.add(id);
    return !existing;
  }

  /** Known in this process (no store read): for the per-message "is this new" check. */
  knows(id: string): boolean {
    return this.#known.has(id);
  }

  /** As of the last read or save in this process (for the synchronous "is anyone on duty" check). */
  get installed(): boolean {
    return this.#known.size > 0;
  }

  /** The configured destinations with an address, in the configured order. */
  async all(): Promise<TeamsDestination[]> {
    const found: TeamsDestination[] = [];
    for (const id of this.configured) {
      const ref = (await this.records.get<Partial<ConversationReference>>(KIND, id))?.value;
      if (ref) {
        found.push({ id, ref });
        this.#known.add(id);
      } else {
        this.#known.delete(id);
      }
    }
    return found;
  }

  async remove(id: string): Promise<void> {
    await this.records.delete(KIND, id);
    this.#known.delete(id);
  }

  /** Reads what is known and forgets the address earlier versions learned from the last install. */
  async start(): Promise<void> {
    await this.records.delete(LEARNED.kind, LEARNED.id);
    await this.all();
  }
}
