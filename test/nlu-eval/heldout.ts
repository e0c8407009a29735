import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LANGUAGES, type Lang } from '../../core/language.js';
import { isIntentId, type IntentId } from '../../core/understanding/index.js';

/**
 * The held-out sets: `nlu-heldout` (939 messages of every kind) and `nlu-heldout-2` (398, mostly
 * crisis messages and their look-alikes, written after the first set's results had been seen by
 * the team, by a writer who had seen neither). Both have since been used to develop the crisis
 * check (docs/understanding.md), so they are development sets now. `nlu-heldout-3` (840 messages
 * of every kind, frozen 2026-12-03 before the third round of changes, by two writers who had seen
 * no training data, no phrase list and no earlier set) was measured once and then worked on.
 * `nlu-heldout-4` (614 messages, 266 of them crisis, frozen 2026-12-03 by a writer who had seen none of
 * ours) was measured once and then worked on. `nlu-heldout-5` (frozen 2026-12-04 before the fourth
 * round of changes, by a writer who had seen no training data, no phrase list and no earlier set) is
 * the clean one.
 */
export const HELD_OUT_SETS = ['nlu-heldout', 'nlu-heldout-2', 'nlu-heldout-3', 'nlu-heldout-4', 'nlu-heldout-5'] as const;
export type HeldOutSet = (typeof HELD_OUT_SETS)[number];

export const KINDS = [
  'plain', 'long', 'dialect', 'learner', 'typo', 'figure_of_speech', 'indirect_crisis', 'contrast', 'mixed',
  'own_case_named', 'appeal_named', 'language_request',
] as const;
export type Kind = (typeof KINDS)[number];
export type CrisisLabel = 'self_harm' | 'violence' | 'distress' | null;

export interface HeldOutMessage {
  text: string;
  intent: IntentId;
  /** Other readings that are also fair for an ambiguous message. */
  accept: IntentId[];
  crisis: CrisisLabel;
  kind: Kind;
  language: Lang;
}

interface HeldOutFile {
  language: string;
  messages: { text: string; intent: string; accept?: string[]; crisis: CrisisLabel; kind: string }[];
}

/**
 * test/<set>/<lang>.json: written by people who had not seen the training data, frozen
 * before it was grown, and never trained or tuned on. Throws on a label the spec does not have.
 */
export function loadHeldOut(set: HeldOutSet = 'nlu-heldout'): HeldOutMessage[] {
  const dir = fileURLToPath(new URL(`../${set}/`, import.meta.url));
  return LANGUAGES.flatMap((language) => {
    const file = JSON.parse(readFileSync(`${dir}${language}.json`, 'utf8')) as HeldOutFile;
    return file.messages.map((m) => {
      const accept = m.accept ?? [];
      for (const id of [m.intent, ...accept]) if (!isIntentId(id)) throw new Error(`${language}.json: unknown intent "${id}"`);
      if (!(KINDS as readonly string[]).includes(m.kind)) throw new Error(`${language}.json: unknown kind "${m.kind}"`);
      if (!['self_harm', 'violence', 'distress', null].includes(m.crisis)) throw new Error(`${language}.json: unknown crisis "${String(m.crisis)}"`);
      return { text: m.text, intent: m.intent as IntentId, accept: accept as IntentId[], crisis: m.crisis, kind: m.kind as Kind, language };
    });
  });
}
