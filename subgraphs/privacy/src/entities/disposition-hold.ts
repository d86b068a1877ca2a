import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Category, DateScalar } from '@mutual-graph/platform';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

/** Why information is held: the request it was asked for in was refused, or deemed refused (PIPEDA s. 8(5)). */
export enum HoldGround {
  REFUSED = 'REFUSED',
  DEEMED_REFUSED = 'DEEMED_REFUSED',
}
registerEnumType(HoldGround, { name: 'HoldGround' });

/**
 * A hold from disposition: the information a member asked for in a refused or deemed-refused
 * request, named by data category, kept from disposition in every subgraph until an officer
 * releases the hold once recourse is exhausted. `heldUntil` is the recourse deadline (extended when
 * the member complains); the hold stays in force past it until released, so a forgotten release
 * keeps information rather than losing it.
 */
@ObjectType('DispositionHold', { description: 'Information held from disposition until the recourse against a refusal is exhausted' })
@Entity({ tableName: 'disposition_hold' })
@Index({ properties: ['memberId'] })
@Index({ properties: ['requestId'] })
export class HoldFromDisposition {
  @Category('PRIVACY_RECORD')
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Category('PRIVACY_RECORD')
  @Field(() => ID, { description: 'The refused or deemed-refused request' })
  @Property({ type: 'uuid' })
  requestId!: string;

  @Property({ type: 'uuid' })
  memberId!: string;

  @Category('PRIVACY_RECORD')
  @Field(() => HoldGround)
  @Enum({ items: () => HoldGround, nativeEnumName: 'hold_ground' })
  ground!: HoldGround;

  @Category('PRIVACY_RECORD')
  @Field(() => [String], { description: 'The data categories held: what the request asked for, and PRIVACY_RECORD' })
  @Property({ type: 'array' })
  categories!: string[];

  @Category('PRIVACY_RECORD')
  @Field(() => DateScalar, { description: 'From the refusal, or the day the request was deemed refused' })
  @Property({ type: 'date' })
  heldFrom!: string;

  @Category('PRIVACY_RECORD')
  @Field(() => DateScalar, { description: 'The recourse deadline: six months after the refusal (PIPEDA s. 11(3)), or as extended' })
  @Property({ type: 'date' })
  heldUntil!: string;

  @Category('PRIVACY_RECORD')
  @Field(() => String, { nullable: true, description: 'Why the hold was last extended (a complaint filed, a report awaited, an application to the Federal Court)' })
  @Property({ type: 'text', nullable: true })
  extensionReason!: string | null;

  @Category('PRIVACY_RECORD')
  @Field({ description: 'The privacy office principal who placed the hold' })
  @Property({ type: 'string', length: 200 })
  placedBy!: string;

  @Category('PRIVACY_RECORD')
  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  placedAt!: Date;

  @Category('PRIVACY_RECORD')
  @Field(() => DateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  releasedOn!: string | null;

  @Category('PRIVACY_RECORD')
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  releasedBy!: string | null;

  @Category('PRIVACY_RECORD')
  @Field(() => String, { nullable: true, description: 'Why recourse is exhausted' })
  @Property({ type: 'text', nullable: true })
  releaseReason!: string | null;
}

/** A new hold on what a request asked for, in force until released. */
export function newHold(request: { id: string; memberId: string }, ground: HoldGround, categories: string[], heldFrom: string, heldUntil: string, placedBy: string): HoldFromDisposition {
  return Object.assign(new HoldFromDisposition(), {
    id: randomUUID(),
    requestId: request.id,
    memberId: request.memberId,
    ground,
    categories,
    heldFrom,
    heldUntil,
    extensionReason: null,
    placedBy,
    placedAt: new Date(),
    releasedOn: null,
    releasedBy: null,
    releaseReason: null,
  });
}
