import type { Express } from 'express';
import type { LocalDirectLine } from '../directline/index.js';
import type { RateLimitOptions } from '../directline/rateLimit.js';
import type { RecordStore } from '../storage/recordStore.js';
import { ResumeCodes } from './resumeCodes.js';
import { resumeRouter } from './routes.js';

export { RESUME_KIND, ResumeCodes } from './resumeCodes.js';

/** Where the page reads a code from a link: the fragment, so it never reaches a server log or a Referer. */
export const RESUME_PATH = '/#kode=';

/** The channel of the local Direct Line (the web page); Teams knows its users and needs no code. */
const WEB_CHANNEL = 'directline';

export interface ResumeOffer {
  code: string;
  /** PUBLIC_BASE_URL + RESUME_PATH + code, or relative when unset (the page makes it whole). */
  url: string;
  /** How long the code works without use (RETENTION_DAYS). */
  days: number;
}

export interface ResumePartsOptions {
  records: RecordStore;
  secret: string;
  retentionDays: number;
  publicBaseUrl?: () => string | undefined;
  rateLimit?: RateLimitOptions;
  clock?: () => Date;
  onError?: (err: unknown) => void;
}

export interface ResumeParts {
  codes: ResumeCodes;
  /** A code and link for a conversation on the web page; undefined in other channels. */
  offer: (conversationId: string, channelId: string | undefined) => Promise<ResumeOffer | undefined>;
  /** Mounts POST /api/resume; until then no code is offered. */
  mount: (web: Express, directLine: LocalDirectLine) => void;
}

/** "Come back tomorrow": resume codes for the web page, built once at start-up. */
export function createResumeParts(options: ResumePartsOptions): ResumeParts {
  const codes = new ResumeCodes({ records: options.records, secret: options.secret, clock: options.clock });
  let local: Pick<LocalDirectLine, 'store'> | undefined;
  return {
    codes,
    async offer(conversationId, channelId) {
      if (channelId !== WEB_CHANNEL) return undefined;
      // Only a conversation on this server's own Direct Line: a page on Azure Direct Line (same
      // channel id) could not use the token the code gives.
      if (!local || !(await local.store.getConversation(conversationId))) return undefined;
      const code = await codes.issue(conversationId);
      const base = options.publicBaseUrl?.()?.replace(/\/+$/, '') ?? '';
      return { code, url: `${base}${RESUME_PATH}${code}`, days: options.retentionDays };
    },
    mount(web, directLine) {
      local = directLine;
      web.use('/api/resume', resumeRouter({ codes, directLine, records: options.records, rateLimit: options.rateLimit, clock: options.clock, onError: options.onError }));
    },
  };
}
