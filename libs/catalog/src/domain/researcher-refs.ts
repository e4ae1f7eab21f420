import type { RowProblem } from './import-row';

/** A researcher of the importing institution, as the import's `researchers` column may name them. */
export interface NameableResearcher {
  id: string;
  externalRef: string | null;
  email: string | null;
  name: string;
}

export type ResearcherRefResult =
  { ok: true; ids: string[] } | { ok: false; unknown: string[]; ambiguous: { ref: string; count: number }[] };

/**
 * Resolves the entries of one row's `researchers` cell within the institution's researchers:
 * each entry is a reference (编号), an e-mail (any case) or a full name, tried in that order.
 * A name two researchers share is ambiguous (the row must give an e-mail or reference instead);
 * one nobody has is unknown. Pure: the caller loads the candidates.
 */
export function resolveResearcherRefs(
  refs: readonly string[],
  people: readonly NameableResearcher[],
): ResearcherRefResult {
  const ids: string[] = [];
  const unknown: string[] = [];
  const ambiguous: { ref: string; count: number }[] = [];
  for (const ref of refs) {
    const byRef = people.find((p) => p.externalRef === ref);
    const byEmail = ref.includes('@') ? people.find((p) => p.email?.toLowerCase() === ref.toLowerCase()) : undefined;
    const found = byRef ?? byEmail;
    if (found) {
      ids.push(found.id);
      continue;
    }
    const named = people.filter((p) => p.name.trim() === ref);
    if (named.length === 1) ids.push(named[0].id);
    else if (named.length > 1) ambiguous.push({ ref, count: named.length });
    else unknown.push(ref);
  }
  if (unknown.length > 0 || ambiguous.length > 0) return { ok: false, unknown, ambiguous };
  return { ok: true, ids: [...new Set(ids)] };
}

/** The per-row report of a `researchers` cell that did not resolve: one problem per ambiguous name, one for the unknown. */
export function researcherProblems(row: number, result: Extract<ResearcherRefResult, { ok: false }>): RowProblem[] {
  const problems: RowProblem[] = result.ambiguous.map(({ ref, count }) => ({
    row,
    column: 'researchers',
    reason: `${count} researchers of your institution are named ${ref}; give their e-mail or reference instead`,
    code: 'ambiguous_researcher',
    params: { name: ref, count },
  }));
  if (result.unknown.length > 0) {
    const references = result.unknown.join(', ');
    problems.push({
      row,
      column: 'researchers',
      reason: `no researcher with reference, e-mail or name ${references}`,
      code: 'unknown_researcher',
      params: { references },
    });
  }
  return problems;
}
