import type { z } from 'zod';

/** Formats zod issues as `file: at path: problem` lines, one a line. */
export function formatIssues(file: string, issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const path = issue.path.length > 0 ? `$${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}` : '$';
      return `${file}: at ${path}: ${issue.message}`;
    })
    .join('\n');
}
