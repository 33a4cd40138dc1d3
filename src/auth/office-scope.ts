import type { Actor } from './context.js';

/**
 * Higher offices supervise lower ones (CAC Provisions art. 4 on supervision):
 * an officer sees their own office and every office below it, nothing else.
 */
export function isInScope(actor: Actor, officePath: string): boolean {
  return officePath.startsWith(actor.officePath);
}

/** LIKE pattern for "this path and below"; paths hold only uuids and slashes, nothing to escape. */
export function subtreePattern(officePath: string): string {
  return `${officePath}%`;
}
