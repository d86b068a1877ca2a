import { NonPersonal } from '@mutual-graph/platform';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LearningActivity } from '../entities/learning-activity.js';
import { ActivityKind, ContentLanguage } from '../entities/learning-enums.js';

export enum Accreditation {
  MAINPRO_PLUS = 'MAINPRO_PLUS',
  ROYAL_COLLEGE_MOC = 'ROYAL_COLLEGE_MOC',
}
registerEnumType(Accreditation, { name: 'Accreditation', description: 'Mainpro+ (CFPC) or Royal College MOC Section 3' });

@NonPersonal()
@InputType({ description: 'Narrows the catalogue; every given field must match' })
export class CatalogueFilter {
  @Field(() => String, { nullable: true, description: 'Words in the title' })
  search?: string | null;

  @Field(() => ActivityKind, { nullable: true })
  kind?: ActivityKind | null;

  @Field(() => String, { nullable: true })
  topic?: string | null;

  @Field(() => ContentLanguage, { nullable: true, description: 'EN or FR also finds items offered in both' })
  language?: ContentLanguage | null;

  @Field(() => Accreditation, { nullable: true })
  accreditation?: Accreditation | null;

  @Field({ defaultValue: false, description: 'Include items withdrawn from the catalogue' })
  includeRetired!: boolean;
}

@NonPersonal()
@ObjectType({ description: 'A page of the learning catalogue, newest first' })
export class LearningActivityPage {
  @Field(() => [LearningActivity])
  nodes!: LearningActivity[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page' })
  endCursor!: string | null;

  @Field()
  hasNextPage!: boolean;

  @Field(() => Int)
  totalCount!: number;
}
