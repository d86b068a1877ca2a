import { destroyRowsDatedBefore, FIRST_KEY, keysFrom, membersByColumn, pageOf, type DispositionTask } from '@mutual-graph/platform';
import { EducationPlan } from './entities/education-plan.js';
import { LearningCompletion } from './entities/learning-completion.js';
import { ServiceSurvey } from './entities/service-survey.js';

/** Surveys of services before the cutoff that still hold what the rule takes away (`column` is not null). */
function surveysStillHolding(rule: string, column: 'comment' | 'member_id', apply: DispositionTask['apply']): DispositionTask {
  return {
    rule,
    membersOf: membersByColumn('education.service_survey'),
    async due(em, cutoff, limit, after) {
      const ids = await keysFrom(em, `select id::text as id from education.service_survey where service_on < ? and ${column} is not null and id > ?::uuid order by id limit ?`, [
        cutoff,
        after ?? FIRST_KEY,
        limit,
      ]);
      return pageOf(ids, limit);
    },
    apply,
  };
}

/** The retention schedule's learning and survey rules, for what this subgraph holds. */
export function learningDisposition(): DispositionTask[] {
  return [
    // An active plan has no closing day and is never due; its steps go with it (their foreign key cascades).
    destroyRowsDatedBefore('support-program-education-plans', EducationPlan, 'education.education_plan', 'closed_on'),
    destroyRowsDatedBefore('learning-completions', LearningCompletion, 'education.learning_completion', 'completed_on'),
    surveysStillHolding('survey-comments', 'comment', (em, ids) => em.nativeUpdate(ServiceSurvey, { id: { $in: ids }, comment: { $ne: null } }, { comment: null })),
    // About no one from then on: the member and the comment go, the scores stay for the results.
    surveysStillHolding('service-surveys', 'member_id', (em, ids) => em.nativeUpdate(ServiceSurvey, { id: { $in: ids }, memberId: { $ne: null } }, { memberId: null, comment: null })),
  ];
}
