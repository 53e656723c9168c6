import type { z } from 'zod';
import { LESSON_PLAY_ERROR_MESSAGES } from '../../../shared/schemas/api-error';
import { ApiFailure, json } from './api-response';

/** The lesson-plays API answers errors as `{ error }` with the seed's message and no code. */
export function lessonPlayError(status: number, message: string): Response {
  return json({ error: message }, status);
}

export function lessonPlayFailure(status: number, message: string): ApiFailure {
  return new ApiFailure(lessonPlayError(status, message));
}

const SEED_MESSAGES: readonly string[] = Object.values(LESSON_PLAY_ERROR_MESSAGES);

/** The seed's own message for a field when it has one (or an "Invalid <param>" of the list); otherwise the path and zod's wording. */
export function firstIssueMessage(issues: readonly z.core.$ZodIssue[]): string {
  const [issue] = issues;
  if (!issue) return 'Invalid request body';
  if (SEED_MESSAGES.includes(issue.message) || /^Invalid [A-Za-z]+$/.test(issue.message)) return issue.message;
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}
