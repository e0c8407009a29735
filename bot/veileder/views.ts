import type { HandoffRecord } from '../../core/handoff/record.js';

/** One row of the queue: enough to choose whom to help first. */
export function listItem(r: HandoffRecord) {
  return {
    id: r.id,
    state: r.state,
    priority: r.priority,
    createdAt: r.createdAt,
    /** When the state last changed (for "closed at 14:02"). */
    updatedAt: r.history.at(-1)?.at ?? r.createdAt,
    expiresAt: r.expiresAt ?? null,
    callback: r.callback,
    language: r.lang,
    channel: r.channel,
    heading: r.veilederCopy.heading,
    request: r.summary.request,
    flags: r.summary.flags,
    acceptedBy: r.acceptedBy?.id ?? null,
  };
}

/** The whole handoff for the veileder; the citizen's conversation reference stays inside. */
export function detail(r: HandoffRecord) {
  return {
    ...listItem(r),
    summary: r.summary,
    text: r.veilederCopy,
    consent: { at: r.consent.at, lang: r.consent.lang, heading: r.consent.heading, text: r.consent.text, sha256: r.consent.sha256 },
    history: r.history,
  };
}
