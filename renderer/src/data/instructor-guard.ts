/**
 * Instructor actions on the kiosk's own data (class list, PINs, catalog removals, undo) are refused in the
 * data layer unless main says an instructor is signed in for this window. main is the authority: the UI
 * hiding a button is a convenience, this check is the rule, and main checks its own channels again.
 */
export class InstructorRequiredError extends Error {
  readonly code = 'INSTRUCTOR_REQUIRED';
  constructor() {
    super('An instructor must be signed in for this');
    this.name = 'InstructorRequiredError';
  }
}

export interface InstructorGuard {
  /** Resolves when an instructor is signed in; rejects with InstructorRequiredError otherwise. */
  require(): Promise<void>;
}

/** `status` asks main; anything but a clear "signed in" (an error, no answer) counts as no. */
export function createInstructorGuard(status: () => Promise<{ signed_in: boolean } | null>): InstructorGuard {
  return {
    async require() {
      const signedIn = await status().then(
        (answer) => answer?.signed_in === true,
        () => false,
      );
      if (!signedIn) throw new InstructorRequiredError();
    },
  };
}
