import type { TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import type { Lang } from '../../core/language.js';
import { redact, type RedactionKind, type RedactionResult } from '../../core/redaction/index.js';
import { turnLang } from '../context.js';
import { t } from '../i18n.js';
import type { PrivacyDeps } from './ports.js';
import { PRIVACY_DELETE_DIALOG_ID, PrivacyDeleteDialog } from './privacyDialog.js';
import { sendPrivacyInfo, sendRedactionNotice } from './privacyInfo.js';

/** User text with identifying numbers replaced by "[fødselsnummer fjernet]" etc. in `lang`. */
export function redactFor(text: string, lang: Lang): RedactionResult {
  return redact(text, { placeholder: (kind: RedactionKind) => t(lang, `privacy:placeholder.${kind}`) });
}

/**
 * Everything the root needs for privacy, wired to the stores:
 *   flows: [privacy.dialog]                   add to the root's flows
 *   hooks: { privacy, redactionNotice }       the RootHooks members
 */
export function createPrivacy(deps: PrivacyDeps) {
  const dialog = new PrivacyDeleteDialog(deps);
  return {
    dialog,
    hooks: {
      async privacy(dc: DialogContext, action: 'info' | 'delete'): Promise<unknown> {
        if (action === 'delete') return dc.beginDialog(PRIVACY_DELETE_DIALOG_ID);
        await sendPrivacyInfo(dc.context, turnLang(dc.context), deps.retentionDays);
        // Asked in the middle of a flow: pick the flow's question up again.
        if (dc.activeDialog) await dc.repromptDialog();
        return undefined;
      },
      redactionNotice: (ctx: TurnContext, lang: Lang) => sendRedactionNotice(ctx, lang),
    },
  };
}
