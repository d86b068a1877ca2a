import { Category, Provenance } from '@mutual-graph/platform';
import { Field, ObjectType } from 'type-graphql';

/**
 * Whether a member may be sent service surveys and may answer one, as their survey consent now
 * stands: what service evaluation may know of a member's privacy record, and nothing more.
 */
@ObjectType({ description: 'Whether a member may be surveyed, from their current consent' })
export class SurveyPreferences {
  @Category('SURVEY')
  @Provenance('MEMBER')
  @Field({ description: "True while the member's survey consent is granted" })
  consented!: boolean;
}
