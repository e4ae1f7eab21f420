import type { Answer, RecommendationStatus } from '../domain/recommendation-status';
import { interestStep } from './interest-step';

const pair = (
  status: RecommendationStatus,
  companyAnswer: Answer | null = null,
  institutionAnswer: Answer | null = null,
) => ({
  status,
  companyAnswer,
  institutionAnswer,
});

describe('interestStep', () => {
  it('creates a recommendation when the pair has none', () => {
    expect(interestStep(null, 'company')).toEqual({ kind: 'create' });
  });

  it.each(['pending_review', 'rejected', 'superseded', 'withdrawn'] as const)(
    'puts a %s recommendation before a manager again',
    (status) => {
      expect(interestStep(pair(status), 'company')).toEqual({ kind: 'reopen' });
    },
  );

  it('records the answer on an approved recommendation without moving it', () => {
    expect(interestStep(pair('approved'), 'institution')).toEqual({ kind: 'prefill' });
  });

  it.each(['delivered', 'viewed'] as const)('answers a %s recommendation the ordinary way', (status) => {
    expect(interestStep(pair(status), 'company')).toEqual({ kind: 'answer' });
  });

  it('answers when only the other side is interested so far', () => {
    expect(interestStep(pair('interested', null, 'interested'), 'company')).toEqual({ kind: 'answer' });
  });

  it('does nothing when connected or already interested', () => {
    expect(interestStep(pair('connected', 'interested', 'interested'), 'company')).toEqual({ kind: 'nothing' });
    expect(interestStep(pair('interested', 'interested'), 'company')).toEqual({ kind: 'nothing' });
  });

  it('refuses after this side declined, naming the answer', () => {
    expect(interestStep(pair('declined', 'declined'), 'company')).toMatchObject({ kind: 'refused', field: 'answer' });
  });

  it('refuses after the other side declined, naming the status', () => {
    expect(interestStep(pair('declined', null, 'declined'), 'company')).toMatchObject({
      kind: 'refused',
      field: 'status',
    });
  });
});
