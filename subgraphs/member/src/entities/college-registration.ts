import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Category, Provenance, Province } from '@mutual-graph/platform';
import { Field, ObjectType } from 'type-graphql';
import { Member } from './member.js';

/** A member's licence with a provincial or territorial College (the regulator). */
@ObjectType({ description: 'A licence with a provincial or territorial College' })
@Entity({ tableName: 'college_registration' })
@Unique({ properties: ['college', 'registrationNumber'] })
export class CollegeRegistration {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => Member, { deleteRule: 'cascade' })
  member!: Member;

  @Category('PROFESSIONAL')
  @Provenance('MEMBER')
  @Field(() => Province, { description: 'The College of this province or territory' })
  @Enum({ items: () => Province, nativeEnumName: 'province' })
  college!: Province;

  @Category('PROFESSIONAL')
  @Provenance('MEMBER')
  @Field()
  @Property({ type: 'string', length: 20 })
  registrationNumber!: string;
}
