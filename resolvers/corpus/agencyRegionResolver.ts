// The fields the corpus adds to Agency: its region, level and kind (from the name or set by an
// administrator), the warnings of the resolution, and a series of values across years.
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { agencySeries } from '../../src/corpus/agencySeries';
import type { EffectiveRegion } from '../../src/corpus/corpusIndex';
import type { RequestContext } from '../context';
import { bi } from '../types/describe';
import { Agency } from '../types/agency';
import { AgencyKindEnum, AgencyLevelEnum, RegionStatusEnum } from './corpusEnums';
import { corpusViewOf, regionToGraph } from './corpusContext';
import { Region, SeriesPoint } from './corpusTypes';
import { AsOfArg } from './figureValuesResolver';

async function regionOfAgency(
  agency: Agency,
  context: RequestContext,
): Promise<{ region: EffectiveRegion | null; view: Awaited<ReturnType<typeof corpusViewOf>> }> {
  const view = await corpusViewOf(context, null);
  const ordinal = view.index.agencyOrdinal(agency.agencyId);
  return { region: ordinal === undefined ? null : view.region(ordinal), view };
}

@Resolver(() => Agency)
export class AgencyRegionResolver {
  @FieldResolver(() => Region, {
    nullable: true,
    description: bi(
      '机构所在区划（由名称确定或由管理员设置；无法确定时为 null，见 regionStatus）',
      "The agency's region (from its name, or set by an administrator); null when unknown (see regionStatus)",
    ),
  })
  async region(@Root() agency: Agency, @Ctx() context: RequestContext): Promise<Region | null> {
    const { region, view } = await regionOfAgency(agency, context);
    return region?.code ? regionToGraph(view.index.tree, region.code) : null;
  }

  @FieldResolver(() => AgencyLevelEnum, {
    nullable: true,
    description: bi('机构层级', 'Agency level'),
  })
  async level(
    @Root() agency: Agency,
    @Ctx() context: RequestContext,
  ): Promise<AgencyLevelEnum | null> {
    const { region } = await regionOfAgency(agency, context);
    return (region?.level as AgencyLevelEnum | null | undefined) ?? null;
  }

  @FieldResolver(() => AgencyKindEnum, {
    nullable: true,
    description: bi('机构类别', 'Agency kind'),
  })
  async kind(
    @Root() agency: Agency,
    @Ctx() context: RequestContext,
  ): Promise<AgencyKindEnum | null> {
    const { region } = await regionOfAgency(agency, context);
    return (region?.kind as AgencyKindEnum | undefined) ?? null;
  }

  @FieldResolver(() => RegionStatusEnum, {
    nullable: true,
    description: bi('区划的来源', 'Where the region comes from'),
  })
  async regionStatus(
    @Root() agency: Agency,
    @Ctx() context: RequestContext,
  ): Promise<RegionStatusEnum | null> {
    const { region } = await regionOfAgency(agency, context);
    return (region?.status as RegionStatusEnum | undefined) ?? null;
  }

  @FieldResolver(() => [String], {
    description: bi(
      '确定区划时的提示（特殊区域、歧义、无法识别）',
      'Warnings of the region resolution (special areas, ambiguity, unknown names)',
    ),
  })
  async regionWarnings(@Root() agency: Agency, @Ctx() context: RequestContext): Promise<string[]> {
    const { region } = await regionOfAgency(agency, context);
    return region?.warnings ?? [];
  }

  @FieldResolver(() => [Region], {
    description: bi('名称有歧义时的候选区划', 'Candidate regions when the name is ambiguous'),
  })
  async regionCandidates(
    @Root() agency: Agency,
    @Ctx() context: RequestContext,
  ): Promise<Region[]> {
    const { region, view } = await regionOfAgency(agency, context);
    return (region?.candidates ?? [])
      .map((code) => regionToGraph(view.index.tree, code))
      .filter((item): item is Region => item !== null);
  }

  @FieldResolver(() => [SeriesPoint], {
    description: bi(
      '各年度的数字或指标值（每键每年一点，无报告的年度为空）',
      'Values of figures or indicators per year (one point per key and year; blank without a report)',
    ),
    complexity: 20,
  })
  async series(
    @Root() agency: Agency,
    @Arg('keys', () => [String], { description: bi('数字键或指标键', 'Figure or indicator keys') })
    keys: string[],
    @Arg('fromYear', () => Int, { description: bi('起始年度', 'First year') }) fromYear: number,
    @Arg('toYear', () => Int, { description: bi('截止年度', 'Last year') }) toYear: number,
    @AsOfArg() asOf: Date | null,
    @Ctx() context: RequestContext,
  ): Promise<SeriesPoint[]> {
    const view = await corpusViewOf(context, asOf);
    const ordinal = view.index.agencyOrdinal(agency.agencyId);
    if (ordinal === undefined) return [];
    return agencySeries(view, ordinal, keys, fromYear, toYear).map((point) =>
      Object.assign(new SeriesPoint(), {
        key: point.key,
        year: point.year,
        value: point.reading.value,
        hasReport: point.reportOrdinal !== null,
        notComputableReason: point.reportOrdinal === null ? null : point.reading.reason,
        reportId: point.reportOrdinal === null ? null : view.index.reportIds[point.reportOrdinal],
      }),
    );
  }
}
