/** No handoff with that id (the API answers 404). */
export class HandoffNotFoundError extends Error {
  readonly code = 'HANDOFF_NOT_FOUND';
  constructor(readonly id: string) {
    super('No such handoff');
    this.name = 'HandoffNotFoundError';
  }
}
