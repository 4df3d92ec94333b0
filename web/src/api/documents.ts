// Every GraphQL document the viewer sends, in one place, with the small adapters that turn a
// response into the viewer's types (types.ts). When the schema moves, only this file changes.
import { graphqlRequest } from './graphqlClient';
import type {
  Agency,
  Connection,
  Figure,
  FigureChange,
  FigureChangeInput,
  Narrative,
  NarrativeFigure,
  Report,
  ReportFilterInput,
  ReportSummary,
  RuleResult,
} from './types';

const FIGURE_CHANGE_FIELDS = `
  eventId revision recordedAt reason from to kind
  actor { id name }
  review { proposalId proposedBy { id name } approvedBy { id name } }
`;

const REPORT_FIELDS = `
  id year revision template agencyName
  figures {
    key label table row column unit value raw empty marker uncertain sentence revision
    source { line column htmlPath token excerpt }
    lastChange { ${FIGURE_CHANGE_FIELDS} }
  }
  rules { id scope status severity keys left right message messageZh notAssessableReason }
  warnings { code keys message }
  narrative { id heading text }
`;

export const REPORTS_QUERY = `
  query ViewerReports($filter: ReportFilter, $first: Int, $after: String) {
    reports(filter: $filter, first: $first, after: $after) {
      edges { cursor node { id year revision template agencyName failedRuleCount ruleStatus agency { sample } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export const AGENCIES_QUERY = `
  query ViewerAgencies($first: Int, $after: String) {
    agencies(filter: { includeSample: true }, first: $first, after: $after) {
      edges { cursor node { id name sample } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export const REPORT_BY_ID_QUERY = `
  query ViewerReportById($id: ID!) {
    reportById(id: $id) { ${REPORT_FIELDS} }
  }
`;

export const REPORT_AT_REVISION_QUERY = `
  query ViewerReportAtRevision($agency: String!, $year: Int!, $atRevision: Int) {
    report(agency: $agency, year: $year, atRevision: $atRevision) { ${REPORT_FIELDS} }
  }
`;

export const REPORT_REVISION_QUERY = `
  query ViewerReportRevision($id: ID!) {
    reportById(id: $id) { id revision }
  }
`;

export const FIGURE_HISTORY_QUERY = `
  query ViewerFigureHistory($id: ID!, $key: String!, $first: Int, $after: String) {
    reportById(id: $id) {
      id revision
      figure(key: $key) {
        key value raw
        history(first: $first, after: $after) {
          edges { cursor node { ${FIGURE_CHANGE_FIELDS} } }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  }
`;

export const SET_FIGURES_MUTATION = `
  mutation ViewerSetFigures($input: SetFiguresInput!) {
    setFigures(input: $input) {
      clientMutationId
      report { ${REPORT_FIELDS} }
    }
  }
`;

export const REPORT_CHANGED_SUBSCRIPTION = `
  subscription ViewerReportChanged($reportId: ID!) {
    reportChanged(reportId: $reportId) { __typename }
  }
`;

// ---- adapters -------------------------------------------------------------------------------

/** The API's figure: table cells (t2/t3/t4) and narrative numbers (table NARRATIVE, keys n.*). */
type RawFigure = Figure & { uncertain?: boolean; sentence?: string | null };

interface RawReport {
  id: string;
  year: number;
  revision: number;
  template: string | null;
  agencyName: string;
  figures: RawFigure[];
  rules?: RuleResult[] | null;
  warnings?: Report['warnings'] | null;
  narrative?: Narrative['sections'] | null;
}

function isNarrativeFigure(figure: RawFigure): boolean {
  return figure.key.startsWith('n.') || String(figure.table).toUpperCase() === 'NARRATIVE';
}

function toNarrativeFigure(figure: RawFigure): NarrativeFigure {
  return {
    key: figure.key,
    // Narrative keys are n.<sectionId>.<ordinal>; the API also gives the section as `row`.
    sectionId: figure.row ?? figure.key.slice(2, figure.key.lastIndexOf('.')),
    value: figure.value ?? '',
    unit: figure.unit,
    raw: figure.raw ?? figure.value ?? '',
    sentence: figure.sentence ?? null,
  };
}

function toReport(raw: RawReport): Report {
  const figures = raw.figures ?? [];
  return {
    id: raw.id,
    year: raw.year,
    revision: raw.revision,
    template: raw.template,
    agency: { id: raw.agencyName, name: raw.agencyName },
    figures: figures.filter((figure) => !isNarrativeFigure(figure)),
    rules: raw.rules ?? [],
    warnings: raw.warnings ?? [],
    narrative: {
      sections: raw.narrative ?? [],
      figures: figures.filter(isNarrativeFigure).map(toNarrativeFigure),
    },
  };
}

interface RawSummary {
  id: string;
  year: number;
  revision: number;
  template: string | null;
  agencyName: string;
  failedRuleCount: number;
  ruleStatus?: string | null;
  agency: { sample: boolean };
}

/** Only the statuses the API defines; anything else is unknown (and never reads as passing). */
function ruleStatusOf(status: string | null | undefined): ReportSummary['ruleStatus'] {
  const upper = status?.toUpperCase();
  return upper === 'PASSED' || upper === 'FAILED' || upper === 'NOT_ASSESSABLE' ? upper : null;
}

export interface ReportPage {
  reports: ReportSummary[];
  hasNextPage: boolean;
  endCursor: string | null;
}

export async function fetchReports(
  filter: ReportFilterInput,
  first: number,
  after: string | null,
): Promise<ReportPage> {
  // The viewer shows sample data (marked as such), which lists leave out unless asked for.
  const data = await graphqlRequest<{ reports: Connection<RawSummary> }>(REPORTS_QUERY, {
    filter: { ...filter, includeSample: true },
    first,
    after,
  });
  return {
    reports: data.reports.edges.map(({ node }) => ({
      id: node.id,
      year: node.year,
      revision: node.revision,
      template: node.template,
      agency: { id: node.agencyName, name: node.agencyName, sample: node.agency.sample },
      failedRuleCount: node.failedRuleCount,
      ruleStatus: ruleStatusOf(node.ruleStatus),
    })),
    hasNextPage: data.reports.pageInfo.hasNextPage,
    endCursor: data.reports.pageInfo.endCursor,
  };
}

export async function fetchAgencies(): Promise<Agency[]> {
  const agencies: Agency[] = [];
  let after: string | null = null;
  // A handful of pages at most: the picker is a convenience, the text filter still works.
  for (let page = 0; page < 10; page += 1) {
    const data: { agencies: Connection<Agency> } = await graphqlRequest(AGENCIES_QUERY, {
      first: 100,
      after,
    });
    agencies.push(...data.agencies.edges.map((edge) => edge.node));
    if (!data.agencies.pageInfo.hasNextPage) break;
    after = data.agencies.pageInfo.endCursor;
  }
  return agencies;
}

export async function fetchReport(id: string): Promise<Report | null> {
  const data = await graphqlRequest<{ reportById: RawReport | null }>(REPORT_BY_ID_QUERY, { id });
  return data.reportById ? toReport(data.reportById) : null;
}

export async function fetchReportAtRevision(
  agency: string,
  year: number,
  atRevision: number,
): Promise<Report | null> {
  const data = await graphqlRequest<{ report: RawReport | null }>(REPORT_AT_REVISION_QUERY, {
    agency,
    year,
    atRevision,
  });
  return data.report ? toReport(data.report) : null;
}

export async function fetchReportRevision(id: string): Promise<number | null> {
  const data = await graphqlRequest<{ reportById: { revision: number } | null }>(
    REPORT_REVISION_QUERY,
    { id },
  );
  return data.reportById?.revision ?? null;
}

export interface FigureHistory {
  changes: FigureChange[];
  hasNextPage: boolean;
  endCursor: string | null;
}

export async function fetchFigureHistory(
  reportId: string,
  key: string,
  after: string | null = null,
): Promise<FigureHistory> {
  const data = await graphqlRequest<{
    reportById: { figure: { history: Connection<FigureChange> } | null } | null;
  }>(FIGURE_HISTORY_QUERY, { id: reportId, key, first: 50, after });
  const history = data.reportById?.figure?.history;
  return {
    changes: history?.edges.map((edge) => edge.node) ?? [],
    hasNextPage: history?.pageInfo.hasNextPage ?? false,
    endCursor: history?.pageInfo.endCursor ?? null,
  };
}

export async function setFigures(
  token: string,
  input: {
    reportId: string;
    expectedRevision: number;
    changes: FigureChangeInput[];
    reason: string;
    clientMutationId: string;
  },
): Promise<Report> {
  const data = await graphqlRequest<{ setFigures: { report: RawReport } }>(
    SET_FIGURES_MUTATION,
    { input },
    token,
  );
  return toReport(data.setFigures.report);
}
