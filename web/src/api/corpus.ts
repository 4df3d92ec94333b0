// The corpus queries the corpus page uses: the indicator catalogue, the years a key has reports
// in, the region path for the breadcrumb, aggregates by the next region tier down, and the
// ranked reports of one region (the agency level, whose rows open a report).
import { graphqlRequest } from './graphqlClient';

export type RegionTier = 'PROVINCE' | 'CITY' | 'COUNTY';

export interface IndicatorOption {
  key: string;
  nameZh: string;
}

export interface RegionStep {
  code: string;
  name: string;
}

export interface RegionInfo {
  code: string;
  name: string;
  level: string;
  path: RegionStep[];
}

/** One bar of the chart: a region below the current one (null: agencies of the region itself). */
export interface RegionBar {
  region: RegionStep | null;
  reports: number;
  withValue: number;
  /** The sum for a figure, the mean for an indicator (a sum of rates means nothing). */
  value: number | null;
}

/** One bar of the agency level: a report of an agency. */
export interface AgencyBar {
  reportId: string;
  agencyName: string;
  regionName: string | null;
  value: number | null;
  marker: string | null;
}

export const INDICATORS_QUERY = `query CorpusIndicators { indicators { key nameZh } }`;

export const YEARS_QUERY = `
  query CorpusYears($key: String!) {
    figureAggregates(keys: [$key], groupBy: [YEAR]) { group { year } reports }
  }`;

export const REGION_QUERY = `
  query CorpusRegion($code: String!) {
    region(code: $code) { code name level path { code name } }
  }`;

export const REGION_BARS_QUERY = `
  query CorpusRegionBars($key: String!, $groupBy: [GroupDimension!]!, $filter: CorpusFilterInput) {
    figureAggregates(keys: [$key], groupBy: $groupBy, filter: $filter) {
      group { province { code name } city { code name } county { code name } }
      reports withValue sum mean
    }
  }`;

export const AGENCY_BARS_QUERY = `
  query CorpusAgencyBars($key: String!, $filter: CorpusFilterInput) {
    figureValues(key: $key, filter: $filter, orderBy: { by: VALUE, direction: DESC }, first: 100) {
      totalCount
      edges { node { value marker report { id } agency { name } region { name } } }
    }
  }`;

export async function fetchIndicators(): Promise<IndicatorOption[]> {
  return (await graphqlRequest<{ indicators: IndicatorOption[] }>(INDICATORS_QUERY)).indicators;
}

/** The years in which `key` has reports, newest first. */
export async function fetchYears(key: string): Promise<number[]> {
  const data = await graphqlRequest<{
    figureAggregates: Array<{ group: { year: number | null }; reports: number }>;
  }>(YEARS_QUERY, { key });
  return data.figureAggregates
    .filter((row) => row.reports > 0 && row.group.year !== null)
    .map((row) => row.group.year as number)
    .sort((a, b) => b - a);
}

export async function fetchRegion(code: string): Promise<RegionInfo | null> {
  return (await graphqlRequest<{ region: RegionInfo | null }>(REGION_QUERY, { code })).region;
}

/** The tier below a region's tier; null below a county (the agency level). */
export function tierBelow(level: string | null): RegionTier | null {
  if (level === null) return 'PROVINCE';
  if (level === 'PROVINCE') return 'CITY';
  if (level === 'CITY') return 'COUNTY';
  return null;
}

interface GroupRegion {
  code: string;
  name: string;
}

export async function fetchRegionBars(
  key: string,
  year: number,
  regionCode: string | null,
  tier: RegionTier,
  isIndicator: boolean,
): Promise<RegionBar[]> {
  const data = await graphqlRequest<{
    figureAggregates: Array<{
      group: { province: GroupRegion | null; city: GroupRegion | null; county: GroupRegion | null };
      reports: number;
      withValue: number;
      sum: string | null;
      mean: number | null;
    }>;
  }>(REGION_BARS_QUERY, {
    key,
    groupBy: [tier],
    filter: { year, ...(regionCode ? { regionCode } : {}) },
  });
  const field = tier === 'PROVINCE' ? 'province' : tier === 'CITY' ? 'city' : 'county';
  return data.figureAggregates.map((row) => {
    const region = row.group[field];
    const value = isIndicator ? row.mean : row.sum === null ? null : Number(row.sum);
    return {
      region: region ? { code: region.code, name: region.name } : null,
      reports: row.reports,
      withValue: row.withValue,
      value,
    };
  });
}

export async function fetchAgencyBars(
  key: string,
  year: number,
  regionCode: string | null,
): Promise<{ bars: AgencyBar[]; totalCount: number }> {
  const data = await graphqlRequest<{
    figureValues: {
      totalCount: number;
      edges: Array<{
        node: {
          value: string | null;
          marker: string | null;
          report: { id: string } | null;
          agency: { name: string };
          region: { name: string } | null;
        };
      }>;
    };
  }>(AGENCY_BARS_QUERY, { key, filter: { year, ...(regionCode ? { regionCode } : {}) } });
  return {
    totalCount: data.figureValues.totalCount,
    bars: data.figureValues.edges
      .filter((edge) => edge.node.report !== null)
      .map(({ node }) => ({
        reportId: (node.report as { id: string }).id,
        agencyName: node.agency.name,
        regionName: node.region?.name ?? null,
        value: node.value === null ? null : Number(node.value),
        marker: node.marker,
      })),
  };
}
