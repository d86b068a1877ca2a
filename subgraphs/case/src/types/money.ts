import { NonPersonal } from '@mutual-graph/platform';
import { Field, ObjectType } from 'type-graphql';

@NonPersonal()
@ObjectType({ description: 'An amount of money; decimals as a string so no cent is lost to floating point' })
export class Money {
  @Field({ description: 'Decimal amount, e.g. "125000.00"' })
  amount!: string;

  @Field({ description: 'ISO 4217 currency code' })
  currency!: string;
}
