/**
 * Which texts make up the crisis answer, in order (keys in locales/<lang>/safety.json):
 * the help lines first, then the offer of a veileder, then "you can go on where you were",
 * with two quick replies. The dialog that sends it renders each key in the user's language.
 */
export interface CrisisAnswer {
  messages: string[];
  buttons: { veileder: string; continue: string };
}

export function crisisAnswer(kind: 'self_harm' | 'violence'): CrisisAnswer {
  return {
    messages: [`safety:${kind}`, 'safety:offerVeileder', 'safety:continue'],
    buttons: { veileder: 'safety:buttons.veileder', continue: 'safety:buttons.continue' },
  };
}
