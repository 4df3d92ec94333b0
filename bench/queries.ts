// The GraphQL documents the bench sends.

/** Everything a report page shows: all 200 figures with their last change, rules, narrative. */
export const FULL_REPORT = `query FullReport($id: ID!) {
  reportById(id: $id) {
    id agencyName year revision status
    figures { key label table row column unit value raw empty marker uncertain revision
      lastChange { eventId revision recordedAt reason kind actor { id name } } }
    rules { id scope status severity keys left right message }
    narrative { id heading text }
    warnings { code message }
  }
}`;

/** A page of the report list with each report's agency and last editor. */
export const REPORT_LIST = `query ReportList($first: Int!) {
  reports(first: $first) {
    edges { node { id agencyName year revision
      agency { id name }
      lastChange { recordedAt actor { id name } } } }
  }
}`;

export const FIGURE_HISTORY = `query FigureHistory($id: ID!, $key: String!) {
  reportById(id: $id) {
    figure(key: $key) { history(first: 20) { edges { node { revision from to recordedAt actor { name } } } } }
  }
}`;

export const AS_OF = `query AsOf($agency: String!, $year: Int!, $asOf: DateTime!) {
  report(agency: $agency, year: $year, asOf: $asOf) { revision figures { key value } }
}`;

export const AT_REVISION = `query AtRevision($id: ID!, $revision: Int!) {
  reportById(id: $id, atRevision: $revision) { revision figures { key value } }
}`;

export const DIFF = `query Diff($id: ID!, $from: Int!, $to: Int!) {
  reportById(id: $id) { diff(fromRevision: $from, toRevision: $to) { key from to fromRevision toRevision } }
}`;

export const IMPORT_REPORT = `mutation Import($input: ImportReportInput!) {
  importReport(input: $input) { revision report { id } }
}`;

export const SET_FIGURES = `mutation Set($input: SetFiguresInput!) {
  setFigures(input: $input) { revision }
}`;
