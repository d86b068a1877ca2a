import { Category } from '@mutual-graph/platform';
import { FieldResolver, Resolver, Root } from 'type-graphql';
import { MedicoLegalMatter } from '../entities/medico-legal-matter.js';
import { Member } from '../types/member.js';
import { Money } from '../types/money.js';

@Resolver(() => MedicoLegalMatter)
export class MedicoLegalMatterResolver {
  @Category('MEDICO_LEGAL')
  @FieldResolver(() => Money, { nullable: true, description: 'Compensation paid to the patient, when any' })
  compensationPaid(@Root() matter: MedicoLegalMatter): Money | null {
    return matter.compensationPaidCad === null ? null : { amount: matter.compensationPaidCad, currency: 'CAD' };
  }

  @Category('MEDICO_LEGAL')
  @FieldResolver(() => Member)
  member(@Root() matter: MedicoLegalMatter): Member {
    return { id: matter.memberId };
  }
}
