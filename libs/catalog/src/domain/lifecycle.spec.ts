import { isEditable, isPubliclyVisible, transition } from './lifecycle';

describe('listing lifecycle', () => {
  describe('transition', () => {
    it.each([
      ['draft', 'submit', 'owner', 'submitted'],
      ['submitted', 'withdraw', 'owner', 'draft'],
      ['published', 'withdraw', 'owner', 'draft'],
      ['submitted', 'approve', 'moderator', 'published'],
      ['submitted', 'reject', 'moderator', 'draft'],
      ['published', 'match', 'owner', 'matched'],
      ['published', 'match', 'system', 'matched'],
      ['matched', 'close', 'owner', 'closed'],
      ['draft', 'close', 'moderator', 'closed'],
      ['published', 'expire', 'system', 'expired'],
    ] as const)('moves %s by %s (%s) to %s', (from, action, actor, to) => {
      expect(transition(from, action, actor)).toEqual({ ok: true, to });
    });

    it.each([
      ['draft', 'approve'],
      ['published', 'submit'],
      ['draft', 'match'],
      ['closed', 'close'],
      ['expired', 'withdraw'],
      ['closed', 'submit'],
      ['matched', 'expire'],
    ] as const)('refuses %s → %s as the wrong status', (from, action) => {
      const actor = action === 'approve' || action === 'expire' ? 'moderator' : 'owner';
      expect(transition(from, action, actor)).toMatchObject({
        ok: false,
        reason: 'wrong_status',
      });
    });

    it.each([
      ['submitted', 'approve', 'owner'],
      ['submitted', 'reject', 'owner'],
      ['draft', 'submit', 'moderator'],
      ['published', 'withdraw', 'moderator'],
      ['published', 'expire', 'owner'],
      ['draft', 'close', 'system'],
    ] as const)('refuses %s → %s by %s', (from, action, actor) => {
      expect(transition(from, action, actor)).toMatchObject({
        ok: false,
        reason: 'not_allowed_for_actor',
      });
    });

    it('names the allowed statuses when refusing', () => {
      const result = transition('closed', 'submit', 'owner');
      expect(result.ok ? '' : result.message).toBe('cannot submit a listing that is closed (only from draft)');
    });
  });

  describe('isEditable', () => {
    it('allows edits to drafts only', () => {
      const editable = (['draft', 'submitted', 'published', 'matched', 'closed', 'expired'] as const).filter(
        isEditable,
      );
      expect(editable).toEqual(['draft']);
    });
  });

  describe('isPubliclyVisible', () => {
    it('shows published and matched listings to other organisations', () => {
      const visible = (['draft', 'submitted', 'published', 'matched', 'closed', 'expired'] as const).filter(
        isPubliclyVisible,
      );
      expect(visible).toEqual(['published', 'matched']);
    });
  });
});
