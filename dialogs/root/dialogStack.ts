import type { DialogContext } from 'botbuilder-dialogs';
import type { LeftOverDialog, OpenQuestionDialog } from '../context.js';

/** Flows that ask an open question say so (see OpenQuestionDialog in dialogs/context.ts). */
export function awaitsFreeText(dc: DialogContext): boolean {
  const active = dc.activeDialog;
  if (!active) return false;
  const dialog = dc.findDialog(active.id) as Partial<OpenQuestionDialog> | undefined;
  return dialog?.awaitsFreeText?.(active.state) === true;
}

export function onStack(dc: DialogContext, dialogId: string): boolean {
  return dc.stack.some((instance) => instance.id === dialogId);
}

/** The flow on the stack is only left over from something that has ended (see LeftOverDialog). */
export async function leftOver(dc: DialogContext, dialogId: string): Promise<boolean> {
  const instance = [...dc.stack].reverse().find((i) => i.id === dialogId);
  const dialog = dc.findDialog(dialogId) as Partial<LeftOverDialog> | undefined;
  return !!instance && (await dialog?.isLeftOver?.(dc.context, instance.state)) === true;
}
