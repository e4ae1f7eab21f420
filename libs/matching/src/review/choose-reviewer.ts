export interface ReviewerCandidate {
  userId: string;
  /** Fields the manager knows best; empty means any. */
  fieldCodes: string[];
  /** Reviews open now. */
  load: number;
  capacity: number;
}

/**
 * Picks the technology manager for a recommendation: among those below capacity, one whose
 * fields cover the achievement's beats a generalist, who beats a specialist of other fields;
 * then the lightest load; then the user id, so the choice is stable. Null when all are full.
 */
export function chooseReviewer(candidates: readonly ReviewerCandidate[], fieldCodes: readonly string[]): string | null {
  const fit = (c: ReviewerCandidate): number =>
    c.fieldCodes.some((code) => fieldCodes.includes(code)) ? 0 : c.fieldCodes.length === 0 ? 1 : 2;
  const open = candidates.filter((c) => c.load < c.capacity);
  open.sort((a, b) => fit(a) - fit(b) || a.load - b.load || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  return open[0]?.userId ?? null;
}
