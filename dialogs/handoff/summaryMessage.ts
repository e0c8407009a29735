import { CardFactory, MessageFactory, type Activity } from 'botbuilder';

/**
 * The summary the user is asked to approve, as the channel shows it with its lines kept. Web Chat
 * shows plain text as it is. Teams joins the lines of a text message into one paragraph, so there
 * each line is a text block of its own in an Adaptive Card (the same words, line for line).
 */
export function summaryMessage(text: string, channelId: string | undefined): Partial<Activity> {
  if (channelId !== 'msteams') return { type: 'message', text, textFormat: 'plain' };
  const body: Array<Record<string, unknown>> = [];
  let gap = false;
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      gap = true;
      continue;
    }
    body.push({ type: 'TextBlock', text: line, wrap: true, ...(body.length === 0 ? { weight: 'Bolder' } : {}), ...(gap ? { spacing: 'Medium' } : { spacing: 'None' }) });
    gap = false;
  }
  return MessageFactory.attachment(CardFactory.adaptiveCard({ type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body }));
}
