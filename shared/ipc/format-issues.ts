import type { z } from 'zod';

/** One readable line per zod issue, e.g. `locale: Invalid option: expected one of "en"|"zh-Hans"|"zh-Hant"`. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

export function issueDetails(issues: readonly z.core.$ZodIssue[]): Array<{ path: string; message: string }> {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}
