import { Language, NonPersonal } from '@mutual-graph/platform';
import { Field, ObjectType } from 'type-graphql';
import { SupportService } from '../entities/support-service.js';
import { WellnessResource } from '../entities/wellness-resource.js';

@NonPersonal()
@ObjectType({ description: 'Where a member can turn now: services in their province and resources for their situation, in their language' })
export class SupportSuggestions {
  @Field(() => Language)
  language!: Language;

  @Field(() => [SupportService])
  services!: SupportService[];

  @Field(() => [WellnessResource])
  resources!: WellnessResource[];
}
