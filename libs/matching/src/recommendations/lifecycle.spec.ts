import { RECOMMENDATION_STATUSES, type RecommendationStatus } from '../domain/recommendation-status';
import {
  answerStep,
  combineAnswers,
  RECOMMENDATION_ACTIONS,
  shownToSides,
  transition,
  type RecommendationAction,
} from './lifecycle';

const ALLOWED: [RecommendationStatus, RecommendationAction, RecommendationStatus][] = [
  ['pending_review', 'approve', 'approved'],
  ['pending_review', 'reject', 'rejected'],
  ['pending_review', 'reassign', 'pending_review'],
  ['approved', 'deliver', 'delivered'],
  ['delivered', 'view', 'viewed'],
];

describe('recommendation lifecycle', () => {
  describe('transition', () => {
    it.each(ALLOWED)('moves %s by %s to %s', (from, action, to) => {
      expect(transition(from, action)).toEqual({ ok: true, to });
    });

    // Every other pair of status and action is refused: the table above is the whole machine.
    const refused = RECOMMENDATION_STATUSES.flatMap((from) =>
      RECOMMENDATION_ACTIONS.filter((action) => !ALLOWED.some(([f, a]) => f === from && a === action)).map(
        (action) => [from, action] as const,
      ),
    );

    it('refuses every other step (45 of 50)', () => {
      expect(refused).toHaveLength(RECOMMENDATION_STATUSES.length * RECOMMENDATION_ACTIONS.length - ALLOWED.length);
    });

    it.each(refused)('refuses %s → %s', (from, action) => {
      expect(transition(from, action)).toMatchObject({ ok: false });
    });

    it('names the status it is in and the statuses it would need', () => {
      expect(transition('rejected', 'approve')).toEqual({
        ok: false,
        message: 'cannot approve a recommendation that is rejected (only when pending_review)',
      });
      expect(transition('superseded', 'approve')).toMatchObject({ ok: false });
      expect(transition('approved', 'approve')).toMatchObject({ ok: false });
    });
  });

  describe('shownToSides', () => {
    it('shows what was pushed and not taken back', () => {
      expect(RECOMMENDATION_STATUSES.filter(shownToSides)).toEqual([
        'delivered',
        'viewed',
        'interested',
        'declined',
        'connected',
      ]);
    });
  });

  describe('combineAnswers', () => {
    it.each([
      [null, null, 'viewed'],
      ['interested', null, 'interested'],
      [null, 'interested', 'interested'],
      ['declined', null, 'declined'],
      [null, 'declined', 'declined'],
      ['interested', 'declined', 'declined'],
      ['declined', 'interested', 'declined'],
      ['declined', 'declined', 'declined'],
      ['interested', 'interested', 'connected'],
    ] as const)('company %s and institution %s make %s', (company, institution, status) => {
      expect(combineAnswers(company, institution, 'viewed')).toBe(status);
    });
  });

  describe('answerStep', () => {
    const delivered = { status: 'delivered', companyAnswer: null, institutionAnswer: null } as const;

    it('records the first interest as interested, without a connection', () => {
      expect(answerStep(delivered, 'company', 'interested')).toEqual({
        ok: true,
        status: 'interested',
        companyAnswer: 'interested',
        institutionAnswer: null,
        connect: false,
      });
    });

    it('connects when the second side is interested too', () => {
      const state = { status: 'interested', companyAnswer: 'interested', institutionAnswer: null } as const;
      expect(answerStep(state, 'institution', 'interested')).toEqual({
        ok: true,
        status: 'connected',
        companyAnswer: 'interested',
        institutionAnswer: 'interested',
        connect: true,
      });
    });

    it('declines when either side declines, even after the other was interested', () => {
      const state = { status: 'interested', companyAnswer: null, institutionAnswer: 'interested' } as const;
      expect(answerStep(state, 'company', 'declined')).toMatchObject({ ok: true, status: 'declined', connect: false });
      expect(answerStep({ ...delivered, status: 'viewed' }, 'institution', 'declined')).toMatchObject({
        ok: true,
        status: 'declined',
      });
    });

    it('refuses a second answer from the same side', () => {
      const state = { status: 'interested', companyAnswer: 'interested', institutionAnswer: null } as const;
      expect(answerStep(state, 'company', 'declined')).toMatchObject({ ok: false, reason: 'already_answered' });
    });

    it.each(['declined', 'connected'] as const)('refuses any answer once %s', (status) => {
      const state = { status, companyAnswer: 'interested', institutionAnswer: null } as const;
      expect(answerStep(state, 'institution', 'interested')).toMatchObject({ ok: false, reason: 'closed' });
    });

    it.each(['pending_review', 'approved', 'rejected', 'superseded', 'withdrawn'] as const)(
      'refuses an answer while %s (not shown to the sides)',
      (status) => {
        expect(answerStep({ ...delivered, status }, 'company', 'interested')).toMatchObject({
          ok: false,
          reason: 'not_shown',
        });
      },
    );
  });
});
