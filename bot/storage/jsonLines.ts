import type { LogEntry } from './recordStore.js';

/**
 * The lowdb stores' log file format (`<log>.jsonl`): one JSON value per line, each line started
 * with a newline, so a line torn by a kill in the middle of an append (never acknowledged) cannot
 * swallow the next one; the reader skips lines that do not parse.
 *   {"h":{"conversationId":…,"log":…,"lastSeq":…,"expiresAt":…}}        header, written by a rewrite
 *   {"x":"<expiresAt>","c":"<conversationId>","l":"<log>","e":{"seq":…,"at":…,"data":…}}   one entry, appended
 * The file is created and rewritten (clear, trim, expiry) whole, by temp file and rename, so the
 * header is never torn by a crash. A line damaged some other way costs that line only: each entry
 * names its conversation and log, so a file whose header cannot be read is rebuilt from its
 * entries (`repaired`), not taken for empty and overwritten.
 */
export interface LogHeader {
  conversationId: string;
  log: string;
  /** Kept when entries are cleared, so sequence numbers are never reused. */
  lastSeq: number;
  expiresAt: string;
}

/** A log as kept in memory: each entry's JSON text, parsed only when read. */
export interface LogState extends LogHeader {
  entries: { seq: number; text: string }[];
  /** Set by parseLog when the header could not be read and was rebuilt from the entries. */
  repaired?: boolean;
}

export function entryLine(header: Pick<LogHeader, 'conversationId' | 'log' | 'expiresAt'>, entryText: string): string {
  return `\n{"x":${JSON.stringify(header.expiresAt)},"c":${JSON.stringify(header.conversationId)},"l":${JSON.stringify(header.log)},"e":${entryText}}`;
}

export function serializeLog(state: LogState): string {
  const { entries, repaired: _repaired, ...header } = state;
  return `\n${JSON.stringify({ h: header })}${entries.map((e) => entryLine(state, e.text)).join('')}`;
}

export function parseLog(text: string): LogState | undefined {
  let state: LogState | undefined;
  const entries: LogState['entries'] = [];
  let lastSeq = 0;
  let expiresAt = '';
  let named: Pick<LogHeader, 'conversationId' | 'log'> | undefined;
  for (const line of text.split('\n')) {
    if (!line) continue;
    let value: { h?: LogHeader; x?: string; c?: string; l?: string; e?: LogEntry<unknown> };
    try {
      value = JSON.parse(line) as typeof value;
    } catch {
      continue;
    }
    if (value.h) {
      state = { ...value.h, entries };
      lastSeq = Math.max(lastSeq, value.h.lastSeq);
      expiresAt = value.h.expiresAt;
    } else if (value.e && typeof value.e.seq === 'number') {
      entries.push({ seq: value.e.seq, text: JSON.stringify(value.e) });
      lastSeq = Math.max(lastSeq, value.e.seq);
      if (value.x) expiresAt = value.x;
      if (typeof value.c === 'string' && typeof value.l === 'string') named ??= { conversationId: value.c, log: value.l };
    }
  }
  if (!state && named) return { ...named, lastSeq, expiresAt, entries, repaired: true };
  if (!state) return undefined;
  return { ...state, lastSeq, expiresAt, entries };
}
