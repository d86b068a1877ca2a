/** What one cell of survey results counts: each respondent once (a member is surveyed about a service at most once a quarter). */
export interface SurveyCounts {
  respondents: number;
  /** Respondents whose satisfaction was SATISFIED_FROM or more. */
  satisfied: number;
  /** Advice-call respondents who answered stress before and after, severe before. */
  severeBefore: number;
  /** Of the same respondents (all who answered both), severe after. */
  severeAfter: number;
}

export const NO_COUNTS: SurveyCounts = { respondents: 0, satisfied: 0, severeBefore: 0, severeAfter: 0 };

export function add(a: SurveyCounts, b: SurveyCounts): SurveyCounts {
  return { respondents: a.respondents + b.respondents, satisfied: a.satisfied + b.satisfied, severeBefore: a.severeBefore + b.severeBefore, severeAfter: a.severeAfter + b.severeAfter };
}

export const total = (cells: Iterable<SurveyCounts>) => [...cells].reduce(add, NO_COUNTS);

/** Satisfaction rate, as the annual report states it: respondents satisfied or very satisfied (4 or 5) over respondents. */
export function satisfactionRate(c: SurveyCounts): number | null {
  return c.respondents === 0 ? null : c.satisfied / c.respondents;
}

/**
 * Reduction in severe stress, as the annual report states it, among advice-call respondents who
 * rated their stress before and after: (members severe before − members severe after) / members
 * severe before, severe being 4 or 5. Null when no one was severe before.
 */
export function severeStressReduction(c: SurveyCounts): number | null {
  return c.severeBefore === 0 ? null : (c.severeBefore - c.severeAfter) / c.severeBefore;
}
