import { hashResumeCode, newResumeCode, normalizeResumeCode } from '../../core/resume/index.js';
import { RecordConflictError, type RecordStore } from '../storage/recordStore.js';

/**
 * Resume codes kept as records in the record store: the id is the code's keyed hash (never the
 * code), `conversationId` is the conversation it opens. So "slett samtalen" (deleteConversation)
 * and retention (expiresAt, RETENTION_DAYS from the last write) remove it with the rest.
 */
export const RESUME_KIND = 'resume-code';

interface ResumeValue {
  issuedAt: string;
}

export type ResumeLookup = { ok: true; conversationId: string } | { ok: false; reason: 'malformed' | 'unknown' };

export interface ResumeCodesOptions {
  records: Pick<RecordStore, 'get' | 'put' | 'list' | 'delete'>;
  /** Keys the hash; keep it stable across restarts (the Direct Line secret). */
  secret: string;
  clock?: () => Date;
  /** Gives a uniform integer below n (tests fix the codes). */
  pick?: (n: number) => number;
}

export class ResumeCodes {
  readonly #records: ResumeCodesOptions['records'];
  readonly #secret: string;
  readonly #clock: () => Date;
  readonly #pick?: (n: number) => number;

  constructor(options: ResumeCodesOptions) {
    this.#records = options.records;
    this.#secret = options.secret;
    this.#clock = options.clock ?? (() => new Date());
    this.#pick = options.pick;
  }

  /** A new code for the conversation; an earlier one stops working (one code per conversation). */
  async issue(conversationId: string): Promise<string> {
    for (const old of await this.#records.list(RESUME_KIND, { conversationId })) await this.#records.delete(RESUME_KIND, old.id);
    for (let attempt = 0; ; attempt++) {
      const code = newResumeCode(this.#pick);
      try {
        await this.#records.put<ResumeValue>(RESUME_KIND, hashResumeCode(this.#secret, code), { value: { issuedAt: this.#clock().toISOString() }, conversationId }, null);
        return code;
      } catch (err) {
        // Another conversation holds this code (about one in 10^14): draw again.
        if (!(err instanceof RecordConflictError) || attempt >= 4) throw err;
      }
    }
  }

  /**
   * The conversation a typed code opens. Wrong, expired and deleted codes are all "unknown":
   * the answer tells a guesser nothing. A code that worked is kept for another RETENTION_DAYS.
   */
  async find(input: unknown): Promise<ResumeLookup> {
    const code = normalizeResumeCode(input);
    if (!code) return { ok: false, reason: 'malformed' };
    const id = hashResumeCode(this.#secret, code);
    const found = await this.#records.get<ResumeValue>(RESUME_KIND, id);
    if (!found?.conversationId || Date.parse(found.expiresAt) <= this.#clock().getTime()) return { ok: false, reason: 'unknown' };
    await this.#records.put<ResumeValue>(RESUME_KIND, id, { value: found.value, conversationId: found.conversationId }, found.version).catch((err: unknown) => {
      if (!(err instanceof RecordConflictError)) throw err;
    });
    return { ok: true, conversationId: found.conversationId };
  }
}
