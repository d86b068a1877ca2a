import { CursorError } from '@mikro-orm/core';
import type { FilterQuery } from '@mikro-orm/postgresql';
import { ActsOnCaller, badUserInput, Language, NonPersonal, Province, requirePageSize } from '@mutual-graph/platform';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { EducationContext } from '../context.js';
import { SupportService } from '../entities/support-service.js';
import { WellnessResource, WellnessTopic } from '../entities/wellness-resource.js';
import { WellnessResourceConnection } from '../types/wellness-resource-connection.js';

/** Physician support and wellness content: readable under every purpose, about no one. */
@Resolver()
export class SupportContentResolver {
  // Support content is about no one (@ActsOnCaller): readable under self-service as under every purpose.

  @NonPersonal()
  @ActsOnCaller()
  @Query(() => [SupportService], { description: 'Physician health programs, one per province and territory' })
  supportServices(@Ctx() { em }: EducationContext, @NonPersonal() @Arg('province', () => Province, { nullable: true }) province?: Province | null): Promise<SupportService[]> {
    return em.find(SupportService, province ? { province } : {}, { orderBy: { province: 'asc' } });
  }

  @NonPersonal()
  @ActsOnCaller()
  @Query(() => WellnessResourceConnection, { description: 'Articles, outside resources and programs by topic and language, newest first' })
  async wellnessResources(
    @Ctx() { em }: EducationContext,
    @NonPersonal() @Arg('topic', () => WellnessTopic, { nullable: true }) topic?: WellnessTopic | null,
    @NonPersonal() @Arg('language', () => Language, { nullable: true }) language?: Language | null,
    @NonPersonal() @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null = 20,
    @NonPersonal() @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<WellnessResourceConnection> {
    const where: FilterQuery<WellnessResource> = {};
    if (topic) where.topic = topic;
    if (language) where.language = language;
    try {
      const page = await em.findByCursor(WellnessResource, { where, first: requirePageSize('first', first ?? 20), after: after ?? undefined, orderBy: { publishedOn: 'desc', id: 'asc' } });
      return { nodes: page.items, endCursor: page.endCursor, hasNextPage: page.hasNextPage, totalCount: page.totalCount };
    } catch (error) {
      if (error instanceof CursorError) throw badUserInput('after', 'after is not a cursor this list returned');
      throw error;
    }
  }
}
