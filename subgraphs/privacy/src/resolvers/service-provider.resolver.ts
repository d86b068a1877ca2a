import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, Category, NonPersonal, OnlyForPurposes, requirePrintableText, requireUuid } from '@mutual-graph/platform';
import { isCategory } from '@mutual-graph/policy';
import { isoDate, PROVINCES, today } from '@mutual-graph/domain-codes';
import { GraphQLError } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { PrivacyContext } from '../context.js';
import { dataLocation, locationCode } from '../domain/data-location.js';
import { transferDecision, transferRefusal, type Transfer } from '../domain/provider-transfer.js';
import { PrivacyImpactAssessment } from '../entities/privacy-impact-assessment.js';
import { ServiceProvider } from '../entities/service-provider.js';
import { ServiceProviderTransfer } from '../entities/service-provider-transfer.js';
import { DataLocation } from '../types/data-location.js';
import { ProviderTransferInput, ServiceProviderInput } from '../types/service-provider-input.js';

/** The provider, locked for the rest of the transaction: every change to what it receives, and every assessment of it, waits its turn. */
export async function lockedProvider(tx: EntityManager, argument: string, providerId: string): Promise<ServiceProvider> {
  const provider = await tx.findOne(ServiceProvider, { id: requireUuid(argument, providerId) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!provider) throw badUserInput(argument, 'no service provider has this id');
  return provider;
}

/** Categories and provinces as given: known, at least one of each, without repeats, in order. */
export function validTransfer(argument: string, input: { categories: string[]; memberProvinces: string[] }): Transfer {
  if (input.categories.length === 0 || !input.categories.every(isCategory)) throw badUserInput(`${argument}.categories`, 'categories must be one or more data categories');
  if (input.memberProvinces.length === 0 || !input.memberProvinces.every((p) => Object.hasOwn(PROVINCES, p))) {
    throw badUserInput(`${argument}.memberProvinces`, 'memberProvinces must be one or more provinces or territories');
  }
  return { categories: [...new Set(input.categories)].sort(), memberProvinces: [...new Set(input.memberProvinces)].sort() };
}

/**
 * Ends what the provider receives as of today: closes the standing period and empties the entry.
 * In the caller's transaction, with the provider locked.
 */
export async function endTransfer(tx: EntityManager, provider: ServiceProvider, on: string): Promise<void> {
  await tx.nativeUpdate(ServiceProviderTransfer, { providerId: provider.id, until: null }, { until: on });
  tx.assign(provider, { categories: [], memberProvinces: [], receivingSince: null, stoppedReceivingOn: on });
}

const sameTransfer = (provider: ServiceProvider, transfer: Transfer) =>
  provider.categories.join() === transfer.categories.join() && provider.memberProvinces.join() === transfer.memberProvinces.join();

/**
 * The register of service providers, kept by the privacy office (PRIVACY_OFFICE alone: the
 * entries are the office's compliance records, categorised and bound as the incident register is).
 */
@Resolver(() => ServiceProvider)
export class ServiceProviderResolver {
  @Category('PRIVACY_RECORD')
  @FieldResolver(() => [DataLocation], { description: 'Every place it keeps the data' })
  locations(@Root() provider: ServiceProvider): DataLocation[] {
    return provider.locations.map(dataLocation);
  }

  @Category('PRIVACY_RECORD')
  @FieldResolver(() => [ServiceProviderTransfer], { description: 'Every period of receiving, the latest first' })
  transfers(@Root() provider: ServiceProvider, @Ctx() { loaders }: PrivacyContext): Promise<ServiceProviderTransfer[]> {
    return loaders.transfersByProvider.load(provider.id);
  }

  @Category('PRIVACY_RECORD')
  @FieldResolver(() => [PrivacyImpactAssessment], { description: 'The privacy impact assessments of transfers to it, the latest recorded first' })
  assessments(@Root() provider: ServiceProvider, @Ctx() { loaders }: PrivacyContext): Promise<PrivacyImpactAssessment[]> {
    return loaders.assessmentsByProvider.load(provider.id);
  }

  @NonPersonal()
  @OnlyForPurposes('PRIVACY_OFFICE')
  @Query(() => [ServiceProvider], { description: 'The register of service providers, by name (the privacy office)' })
  serviceProviders(@Ctx() { em }: PrivacyContext): Promise<ServiceProvider[]> {
    return em.find(ServiceProvider, {}, { orderBy: { name: 'asc', id: 'asc' }, limit: 500 });
  }

  @Category('PRIVACY_RECORD')
  @OnlyForPurposes('PRIVACY_OFFICE')
  @Mutation(() => ServiceProvider, { description: 'Enters a service provider in the register, receiving nothing yet' })
  async registerServiceProvider(@NonPersonal() @Arg('provider', () => ServiceProviderInput) input: ServiceProviderInput, @Ctx() { em, hop }: PrivacyContext): Promise<ServiceProvider> {
    const signedOn = isoDate(input.agreementSignedOn);
    if (signedOn > today()) throw badUserInput('provider.agreementSignedOn', 'agreementSignedOn cannot be in the future');
    if (input.locations.length === 0 || input.locations.length > 20) throw badUserInput('provider.locations', 'a provider keeps the data in 1 to 20 places');
    const provider = em.create(ServiceProvider, {
      id: randomUUID(),
      name: requirePrintableText('provider.name', input.name, 2, 200),
      service: requirePrintableText('provider.service', input.service, 5, 2000, { lines: true }),
      locations: [...new Set(input.locations.map((l, i) => locationCode(`provider.locations.${i}`, l)))].sort(),
      categories: [],
      memberProvinces: [],
      receivingSince: null,
      stoppedReceivingOn: null,
      agreementReference: requirePrintableText('provider.agreementReference', input.agreementReference, 2, 200),
      agreementSignedOn: signedOn,
      registeredBy: hop.principal.sub,
      registeredAt: new Date(),
    });
    await em.flush();
    return provider;
  }

  @Category('PRIVACY_RECORD')
  @OnlyForPurposes('PRIVACY_OFFICE')
  @Mutation(() => ServiceProvider, {
    description:
      'Marks what a provider receives from today: these categories of the members of these provinces. Outside the provinces where it keeps the data (every province, for data kept outside Canada) each category of each province needs a concluded, favourable privacy impact assessment, the latest concluded that covers it',
  })
  async setServiceProviderTransfer(
    @NonPersonal() @Arg('providerId', () => ID) providerId: string,
    @NonPersonal() @Arg('transfer', () => ProviderTransferInput) input: ProviderTransferInput,
    @Ctx() { em, loaders }: PrivacyContext,
  ): Promise<ServiceProvider> {
    const transfer = validTransfer('transfer', input);
    const provider = await em.transactional(async (tx) => {
      const locked = await lockedProvider(tx, 'providerId', providerId);
      if (sameTransfer(locked, transfer)) return locked;
      // Read after the lock: an assessment concluded at this moment is either seen here or waits for this write.
      const assessments = await tx.find(PrivacyImpactAssessment, { providerId: locked.id });
      const decision = transferDecision(locked.locations, transfer, assessments);
      if (!decision.allowed) throw transferRefusal('transfer', decision);
      const on = today();
      await tx.nativeUpdate(ServiceProviderTransfer, { providerId: locked.id, until: null }, { until: on });
      tx.create(ServiceProviderTransfer, { providerId: locked.id, categories: [...transfer.categories], memberProvinces: [...transfer.memberProvinces], since: on, until: null });
      return tx.assign(locked, { categories: [...transfer.categories], memberProvinces: [...transfer.memberProvinces], receivingSince: on, stoppedReceivingOn: null });
    });
    loaders.transfersByProvider.clear(provider.id);
    return provider;
  }

  @Category('PRIVACY_RECORD')
  @OnlyForPurposes('PRIVACY_OFFICE')
  @Mutation(() => ServiceProvider, { description: 'Records that a provider receives nothing from today' })
  async stopServiceProviderTransfer(@NonPersonal() @Arg('providerId', () => ID) providerId: string, @Ctx() { em, loaders }: PrivacyContext): Promise<ServiceProvider> {
    const provider = await em.transactional(async (tx) => {
      const locked = await lockedProvider(tx, 'providerId', providerId);
      if (locked.categories.length === 0) {
        throw new GraphQLError('this provider receives nothing', { extensions: { code: 'BAD_USER_INPUT', argument: 'providerId', reason: 'NOT_RECEIVING' } });
      }
      await endTransfer(tx, locked, today());
      return locked;
    });
    loaders.transfersByProvider.clear(provider.id);
    return provider;
  }
}
