import type { LogEntry } from './recordStore.js';

/**
 * The lowdb stores' log file format (`<log>.jsonl`): one JSON value per line, each line started
 * with a newline, so a line torn by a kill in the middle of an append (never acknowledged) cannot
 * swallow the next one; the reader skips lines that do not parse.
 *   {"h":{"conversationId":…,"log":…,"lastSeq":…,"expiresAt":…}}   header, written by a rewrite
 *   {"x":"<expiresAt>","e":{"seq":…,"at":…,"data":…}}             one entry, appended
 * The file is created and rewritten (clear, trim, expiry) whole, by temp file and rename, so the
 * header is never torn.
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
}

export function entryLine(expiresAt: string, entryText: string): string {
  return `\n{"x":${JSON.stringify(expiresAt)},"e":${entryText}}`;
}

export function serializeLog(state: LogState): string {
  const { entries, ...header } = state;
  return `\n${JSON.stringify({ h: header })}${entries.map((e) => entryLine(state.expiresAt, e.text)).join('')}`;
}

export function parseLog(text: string): LogState | undefined {
  let state: LogState | undefined;
  const entries: LogState['entries'] = [];
  let lastSeq = 0;
  let expiresAt = '';
  for (const line of text.split('\n')) {
    if (!line) continue;
    let value: { h?: LogHeader; x?: string; e?: LogEntry<unknown> };
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
    }
  }
  if (!state) return undefined;
  return { ...state, lastSeq, expiresAt, entries };
}
