import { CursorError } from '@mikro-orm/core';
import type { FilterQuery } from '@mikro-orm/postgresql';
import { badUserInput, NonPersonal, requirePageSize } from '@mutual-graph/platform';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { EducationContext } from '../context.js';
import { LearningActivity } from '../entities/learning-activity.js';
import { ContentLanguage } from '../entities/learning-enums.js';
import { Accreditation, CatalogueFilter, LearningActivityPage } from '../types/catalogue.js';

/** LIKE wildcards in a search term are the searcher's words, not patterns. */
const literal = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

@Resolver(() => LearningActivity)
export class CatalogueResolver {
  @NonPersonal()
  @Query(() => LearningActivityPage, { description: 'The learning catalogue: search and filters, newest first, a page at a time' })
  async learningActivities(
    @Ctx() { em }: EducationContext,
    @NonPersonal() @Arg('filter', () => CatalogueFilter, { nullable: true }) filter?: CatalogueFilter | null,
    @NonPersonal() @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null = 20,
    @NonPersonal() @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<LearningActivityPage> {
    const where: FilterQuery<LearningActivity> = {};
    const search = filter?.search?.trim();
    if (search) {
      if (search.length > 100) throw badUserInput('filter.search', 'search takes at most 100 characters');
      where.title = { $ilike: `%${literal(search)}%` };
    }
    if (filter?.kind) where.kind = filter.kind;
    if (filter?.topic) where.topics = { $contains: [filter.topic] };
    if (filter?.language && filter.language !== ContentLanguage.BOTH) where.language = { $in: [filter.language, ContentLanguage.BOTH] };
    else if (filter?.language) where.language = ContentLanguage.BOTH;
    if (filter?.accreditation === Accreditation.MAINPRO_PLUS) where.credits = { $gt: '0' };
    if (filter?.accreditation === Accreditation.ROYAL_COLLEGE_MOC) where.mocSection3Hours = { $gt: '0' };
    if (!filter?.includeRetired) where.retiredOn = null;
    try {
      const page = await em.findByCursor(LearningActivity, {
        where,
        first: requirePageSize('first', first ?? 20),
        after: after ?? undefined,
        orderBy: { publishedOn: 'desc', id: 'asc' },
      });
      return { nodes: page.items, endCursor: page.endCursor, hasNextPage: page.hasNextPage, totalCount: page.totalCount };
    } catch (error) {
      if (error instanceof CursorError) throw badUserInput('after', 'after is not a cursor this list returned');
      throw error;
    }
  }
}
