import { RIGHTS_OPEN_STATUSES, type RightsStatus } from '../../shared/enums-rights';

export type DuplicateDecision = 'linked' | 'merged' | 'dismissed';

/**
 * The decisions an open duplicate flag still allows, from the statuses of its two clues (`newer` is the flag's
 * `clueId`, the one that would be merged into the older). Once both clues have ended there is nothing left to
 * handle together, so no decision is offered; merging ends the newer clue, so it must not yet be triaged.
 * The server refuses what this does not allow, and the clue page offers exactly these buttons.
 */
export function duplicateDecisions(newer: RightsStatus, older: RightsStatus): DuplicateDecision[] {
  const open = (s: RightsStatus) => RIGHTS_OPEN_STATUSES.includes(s);
  if (!open(newer) && !open(older)) return [];
  return newer === 'received' ? ['linked', 'merged', 'dismissed'] : ['linked', 'dismissed'];
}
