import type { HandoffRecord } from '../../../core/handoff/record.js';
import type { Translate } from '../../../core/handoff/summaryTypes.js';
import { plainTextBlock } from './plainText.js';

export const TEAMS_VERBS = { accept: 'handoff.accept', giveBack: 'handoff.return', close: 'handoff.close' } as const;

type Block = Record<string, unknown>;

function text(value: string, extra: Block = {}): Block {
  return { type: 'TextBlock', text: value, wrap: true, ...extra };
}

/**
 * The Adaptive Card a veileder team sees for a handoff (schema 1.5, Action.Submit so it works in
 * Teams and Web Chat alike): priority, request in the user's words, the chat's indication with
 * reasons, flags and next steps (the rendered summary itself), and the actions the current state allows.
 */
export function handoffCard(record: HandoffRecord, tr: Translate): Block {
  // The same text the veileder page shows and the person approved (in the veileder's language): no second wording.
  const body: Block[] = [
    text(tr('veileder.cardTitle'), { size: 'Large', weight: 'Bolder' }),
    text(`${tr('render.priority', { priority: tr(`priority.${record.priority}`) })} · ${tr('render.language', { language: tr(`languageName.${record.lang}`) })}`, {
      color: record.priority === 'URGENT' ? 'Attention' : 'Default',
      weight: record.priority === 'URGENT' ? 'Bolder' : 'Default',
    }),
    text(record.veilederCopy.heading, { weight: 'Bolder', spacing: 'Medium' }),
    // The summary holds the citizen's own words: each line shown as text, never as markdown or links.
    ...record.veilederCopy.text.split('\n').filter((line) => line.trim()).map((line) => plainTextBlock([line])),
  ];

  // Names the veileder who took it, as sent by their sign-in: text too.
  const status = statusLine(record, tr);
  if (status) body.push(plainTextBlock([{ text: status, weight: 'Bolder' }], { spacing: 'Medium' }));

  const data = (verb: string) => ({ verb, handoffId: record.id });
  const actions: Block[] = [];
  if (record.state === 'queued') actions.push({ type: 'Action.Submit', title: tr('veileder.actions.accept'), style: 'positive', data: data(TEAMS_VERBS.accept) });
  if (record.state === 'queued' || record.state === 'accepted') {
    actions.push({ type: 'Action.Submit', title: tr('veileder.actions.return'), data: data(TEAMS_VERBS.giveBack) });
    actions.push({ type: 'Action.Submit', title: tr('veileder.actions.close'), data: data(TEAMS_VERBS.close) });
  }
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body, actions };
}

function statusLine(record: HandoffRecord, tr: Translate): string | undefined {
  switch (record.state) {
    case 'accepted':
      return tr('veileder.cardTaken', { who: record.acceptedBy?.name ?? record.acceptedBy?.id ?? '' });
    case 'closed':
      return tr('veileder.cardClosed');
    case 'returned':
      return tr('veileder.cardReturned');
    case 'cancelled':
      return tr('veileder.cardCancelled');
    case 'expired':
      return tr('veileder.cardExpired');
    default:
      return undefined;
  }
}

const SLOT = '\u0000';

/**
 * A citizen's message in the handoff's Teams thread ("Brukeren skriver: {{text}}"), as a card so
 * that nothing in it is markdown or a link.
 */
export function citizenMessageCard(tr: Translate, message: string): Block {
  const [before = '', after = ''] = tr('veileder.citizenSays', { text: SLOT }).split(SLOT);
  const runs = [{ text: before.trimEnd(), weight: 'Bolder' as const }, ` ${message}`, ...(after ? [after] : [])];
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body: [plainTextBlock(runs)] };
}
