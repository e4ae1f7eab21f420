import { chooseReviewer, type ReviewerCandidate } from './choose-reviewer';

const manager = (userId: string, load: number, fieldCodes: string[] = [], capacity = 10): ReviewerCandidate => ({
  userId,
  load,
  fieldCodes,
  capacity,
});

describe('chooseReviewer', () => {
  it('prefers a manager of the field, then a generalist, then the lightest load', () => {
    const managers = [manager('a', 0, ['law']), manager('b', 5), manager('c', 7, ['materials']), manager('d', 1)];
    expect(chooseReviewer(managers, ['materials'])).toBe('c');
    expect(chooseReviewer(managers, ['software'])).toBe('d');
  });

  it('skips managers at capacity and answers null when everyone is full', () => {
    expect(chooseReviewer([manager('a', 10, ['materials']), manager('b', 3)], ['materials'])).toBe('b');
    expect(chooseReviewer([manager('a', 10)], [])).toBeNull();
  });

  it('breaks ties by user id', () => {
    expect(chooseReviewer([manager('b', 1), manager('a', 1)], [])).toBe('a');
  });
});
