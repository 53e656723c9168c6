/** A refusal by the logger rules, with the status and code both sides answer with. */
export class LoggerError extends Error {
  constructor(
    readonly status: 400 | 403 | 404,
    readonly code: 'VALIDATION_ERROR' | 'FORBIDDEN' | 'NOT_FOUND',
    message: string,
  ) {
    super(message);
    this.name = 'LoggerError';
  }
}

export const forbiddenFinishedQuiz = (): LoggerError => new LoggerError(403, 'FORBIDDEN', 'Cannot update a finished coach assigned quiz');
