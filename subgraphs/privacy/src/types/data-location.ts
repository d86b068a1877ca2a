import { Category, NonPersonal, Province } from '@mutual-graph/platform';
import { Field, InputType, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Where a service provider keeps the data' })
export class DataLocation {
  @Category('PRIVACY_RECORD')
  @Field({ description: 'The country, as its ISO 3166-1 two-letter code' })
  country!: string;

  @Category('PRIVACY_RECORD')
  @Field({ description: "The country's name" })
  countryName!: string;

  @Category('PRIVACY_RECORD')
  @Field(() => Province, { nullable: true, description: 'In Canada, the province or territory' })
  province!: Province | null;
}

@NonPersonal()
@InputType({ description: 'Where a service provider keeps the data: a country and, in Canada, the province or territory' })
export class DataLocationInput {
  @Field({ description: 'ISO 3166-1 two-letter country code (CA, US, IE…)' })
  country!: string;

  @Field(() => Province, { nullable: true, description: 'Required in Canada, refused elsewhere' })
  province?: Province | null;
}
