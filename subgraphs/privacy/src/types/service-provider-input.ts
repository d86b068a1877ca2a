import { DateScalar, NonPersonal, Province } from '@mutual-graph/platform';
import { Field, InputType } from 'type-graphql';
import { DataLocationInput } from './data-location.js';

@NonPersonal()
@InputType({ description: 'A service provider as first registered: it receives nothing until the office marks what it receives' })
export class ServiceProviderInput {
  @Field({ description: '2 to 200 characters, one line' })
  name!: string;

  @Field({ description: 'The service it performs (5 to 2,000 characters)' })
  service!: string;

  @Field(() => [DataLocationInput], { description: 'Every place it keeps the data (1 to 20)' })
  locations!: DataLocationInput[];

  @Field({ description: 'The written agreement: its reference (2 to 200 characters, one line)' })
  agreementReference!: string;

  @Field(() => DateScalar, { description: 'When the written agreement was signed' })
  agreementSignedOn!: Date;
}

@NonPersonal()
@InputType({ description: 'What a service provider receives: these categories, of the members of these provinces and territories' })
export class ProviderTransferInput {
  @Field(() => [String], { description: 'Data categories; none with no province, to stop' })
  categories!: string[];

  @Field(() => [Province])
  memberProvinces!: Province[];
}
