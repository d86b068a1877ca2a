import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Category, DateScalar } from '@mutual-graph/platform';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ExtensionGround } from '../domain/statutory-clock.js';

registerEnumType(ExtensionGround, { name: 'ExtensionGround', description: 'PIPEDA s. 8(3): why the time limit was extended' });

/**
 * The notice of an extension sent to the member (PIPEDA s. 8(3)): given within the original 30
 * days, it states the new time limit, the ground and reason, and the right to complain to the
 * Commissioner. One a request.
 */
@ObjectType({ description: 'The notice of an extension of the time limit, as given to the member' })
@Entity({ tableName: 'extension_notice' })
@Unique({ properties: ['requestId'] })
export class ExtensionNotice {
  @Category('PRIVACY_RECORD')
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  requestId!: string;

  @Category('PRIVACY_RECORD')
  @Field(() => DateScalar, { description: 'The day the notice was given to the member' })
  @Property({ type: 'date' })
  givenOn!: string;

  @Category('PRIVACY_RECORD')
  @Field(() => DateScalar, { description: 'The time limit before the extension: 30 days after receipt' })
  @Property({ type: 'date' })
  originalDueOn!: string;

  @Category('PRIVACY_RECORD')
  @Field(() => DateScalar, { description: 'The new time limit the notice states' })
  @Property({ type: 'date' })
  newDueOn!: string;

  @Category('PRIVACY_RECORD')
  @Field(() => ExtensionGround)
  @Enum({ items: () => ExtensionGround, nativeEnumName: 'extension_ground' })
  ground!: ExtensionGround;

  @Category('PRIVACY_RECORD')
  @Field({ description: 'The reason for the extension, in the words of the notice' })
  @Property({ type: 'text' })
  reason!: string;

  @Category('PRIVACY_RECORD')
  @Field({ description: 'What the notice told the member of their right to complain to the Commissioner' })
  @Property({ type: 'text' })
  recourse!: string;

  @Category('PRIVACY_RECORD')
  @Field({ description: 'The privacy office principal who gave the notice' })
  @Property({ type: 'string', length: 200 })
  givenBy!: string;

  @Category('PRIVACY_RECORD')
  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  recordedAt!: Date;
}
