import { describe, expect, it } from 'vitest';
import { duplicateDecisions } from './duplicates';

describe('duplicateDecisions', () => {
  it('offers merging only while the newer clue awaits triage', () => {
    expect(duplicateDecisions('received', 'accepted')).toEqual(['linked', 'merged', 'dismissed']);
    expect(duplicateDecisions('accepted', 'received')).toEqual(['linked', 'dismissed']);
  });
  it('offers nothing once both clues have ended', () => {
    expect(duplicateDecisions('not_accepted', 'closed')).toEqual([]);
    expect(duplicateDecisions('merged', 'civil_guided')).toEqual([]);
    expect(duplicateDecisions('closed', 'transferred_police')).toEqual(['linked', 'dismissed']);
  });
});
