import { NonPersonal, OnlyForPurposes, requirePageSize, RequiresRole, requireUuid } from '@mutual-graph/platform';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { MemberContext } from '../context.js';
import { EdiRelease } from '../entities/edi-release.js';
import { EdiDimension } from '../reporting/edi-dimensions.js';
import { publishRelease, readBudget } from '../reporting/release-publication.js';
import { readSummary } from '../reporting/release-summary.js';
import { releaseView } from '../reporting/release-view.js';
import { EdiPrivacyBudget, EdiReleaseInfo } from '../types/edi-release.js';
import { EdiSummary, EdiSummaryFilter } from '../types/edi-summary.js';

/** EDI statistics: published releases only, all on the EDI store's own connection. */
@Resolver(() => EdiSummary)
export class EdiSummaryResolver {
  // Bound to EDI_REPORTING: aggregates of data no other purpose may see (the summary carries no
  // personal information, but it is EDI).

  @NonPersonal()
  @OnlyForPurposes('EDI_REPORTING')
  @Query(() => EdiSummary, { description: 'One table of a published EDI release, or a slice of one (EDI_REPORTING): the latest release unless `release` names another' })
  async ediSummary(
    @NonPersonal() @Arg('groupBy', () => [EdiDimension]) groupBy: EdiDimension[],
    @Ctx() { stores }: MemberContext,
    @NonPersonal() @Arg('filter', () => EdiSummaryFilter, { nullable: true }) filter?: EdiSummaryFilter | null,
    @NonPersonal() @Arg('release', () => ID, { nullable: true }) release?: string | null,
  ): Promise<EdiSummary> {
    const summary = await readSummary(stores.edi, { groupBy, filter, release });
    return {
      release: releaseView(summary.release),
      cells: summary.cells,
      suppressedCells: summary.cells.filter((c) => c.suppressed).length,
      minimumCellSize: summary.release.minimumCellSize,
    };
  }

  @NonPersonal()
  @OnlyForPurposes('EDI_REPORTING')
  @Query(() => [EdiReleaseInfo], { description: 'Published EDI releases, newest first (EDI_REPORTING)' })
  async ediReleases(@Ctx() { stores }: MemberContext, @NonPersonal() @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null = 20): Promise<EdiReleaseInfo[]> {
    const limit = requirePageSize('first', first ?? 20, 100);
    return (await stores.edi.find(EdiRelease, {}, { orderBy: { version: 'desc' }, limit })).map(releaseView);
  }

  @NonPersonal()
  @OnlyForPurposes('EDI_REPORTING')
  @Query(() => EdiReleaseInfo, { nullable: true, description: 'One published EDI release (EDI_REPORTING)' })
  async ediRelease(@NonPersonal() @Arg('id', () => ID) id: string, @Ctx() { stores }: MemberContext): Promise<EdiReleaseInfo | null> {
    const release = await stores.edi.findOne(EdiRelease, { id: requireUuid('id', id) });
    return release ? releaseView(release) : null;
  }

  @NonPersonal()
  @OnlyForPurposes('EDI_REPORTING')
  @Query(() => EdiPrivacyBudget, { description: 'What the releases of the last 365 days spent of the EDI privacy budget (EDI_REPORTING)' })
  ediPrivacyBudget(@Ctx() { stores }: MemberContext): Promise<EdiPrivacyBudget> {
    return readBudget(stores.edi.fork());
  }

  @NonPersonal()
  // A release spends the year's EDI privacy budget: only the EDI reporting lead publishes one.
  @OnlyForPurposes('EDI_REPORTING')
  @RequiresRole('edi-reporting-lead')
  @Mutation(() => EdiReleaseInfo, { description: 'Publishes a new EDI release from one snapshot of the EDI store, within the privacy budget (the EDI reporting lead, EDI_REPORTING)' })
  async publishEdiRelease(@Ctx() { stores, hop }: MemberContext): Promise<EdiReleaseInfo> {
    return releaseView(await publishRelease(stores.edi, { publishedBy: hop.principal.sub }));
  }
}
