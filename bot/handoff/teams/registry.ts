import type { ConversationReference } from 'botbuilder';
import type { RecordStore } from '../../storage/recordStore.js';

const KIND = 'teams-channel';
const ID = 'veileder';
/** The installation is configuration, not personal data: kept until the bot is removed. */
const KEEP_MS = 10 * 365 * 24 * 3600 * 1000;

/** Where the bot is installed for veiledere (a team channel or a group chat), kept in the record store. */
export class TeamsRegistry {
  #installed = false;

  constructor(
    private readonly records: RecordStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async save(ref: Partial<ConversationReference>): Promise<void> {
    // Only what is needed to post there again; the activity id of the install event is not.
    const { activityId: _unused, ...keep } = ref;
    await this.records.put(KIND, ID, { value: keep, conversationId: null, expiresAt: new Date(this.clock().getTime() + KEEP_MS) });
    this.#installed = true;
  }

  /** As of the last save or get in this process (for the synchronous "is anyone on duty" check). */
  get installed(): boolean {
    return this.#installed;
  }

  async get(): Promise<Partial<ConversationReference> | undefined> {
    const ref = (await this.records.get<Partial<ConversationReference>>(KIND, ID))?.value;
    this.#installed = ref !== undefined;
    return ref;
  }

  async remove(): Promise<void> {
    await this.records.delete(KIND, ID);
    this.#installed = false;
  }
}
