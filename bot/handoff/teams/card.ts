import type { HandoffRecord } from '../../../core/handoff/record.js';
import { known } from '../../../core/handoff/summary.js';
import type { Translate } from '../../../core/handoff/summaryTypes.js';
import { formatDateAndTime } from '../../../core/availability/formatDate.js';
import { plainTextBlock } from './plainText.js';

export const TEAMS_VERBS = { accept: 'handoff.accept', giveBack: 'handoff.return', close: 'handoff.close' } as const;

type Block = Record<string, unknown>;

function text(value: string, extra: Block = {}): Block {
  return { type: 'TextBlock', text: value, wrap: true, ...extra };
}

function bullets(lines: string[]): string {
  return lines.map((l) => `- ${l}`).join('\r');
}

/**
 * The Adaptive Card a veileder team sees for a handoff (schema 1.5, Action.Submit so it works in
 * Teams and Web Chat alike): priority, request in the user's words, the chat's indication with
 * reasons, flags and next steps, and the actions the current state allows.
 */
export function handoffCard(record: HandoffRecord, tr: Translate): Block {
  const s = record.summary;
  const a = s.assessment;
  const label = (key: string, fallback: string) => known(tr, key) ?? fallback;
  const body: Block[] = [
    text(tr('veileder.cardTitle'), { size: 'Large', weight: 'Bolder' }),
    text(`${tr('render.priority', { priority: tr(`priority.${record.priority}`) })} · ${tr('render.language', { language: tr(`languageName.${record.lang}`) })}`, {
      color: record.priority === 'URGENT' ? 'Attention' : 'Default',
      weight: record.priority === 'URGENT' ? 'Bolder' : 'Default',
    }),
    text(tr('render.ownWords'), { weight: 'Bolder', spacing: 'Medium' }),
    // The citizen's own words: shown as text, never as markdown or links.
    plainTextBlock([`«${s.request}»`]),
  ];
  const chat: string[] = [];
  if (a?.level) chat.push(label(`level.${a.level}`, a.level));
  for (const r of a?.reasons ?? []) chat.push(label(`reason.${r.code}`, r.code));
  if (a?.userDisagrees) chat.push(tr('render.userDisagrees'));
  for (const f of s.flags) chat.push(label(`flag.${f}`, f));
  body.push(text(tr('render.chatAssessment'), { weight: 'Bolder', spacing: 'Medium' }), text(bullets(chat.length ? chat : [tr('render.noTriage')])));
  if (s.nextStepCodes.length > 0) {
    body.push(text(tr('render.nextSteps'), { weight: 'Bolder', spacing: 'Medium' }), text(bullets(s.nextStepCodes.map((c) => label(`nextStep.${c}`, c)))));
  }
  body.push(text(tr('render.footer', { date: formatDateAndTime(new Date(record.createdAt), 'nb') }), { isSubtle: true, size: 'Small' }));

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
