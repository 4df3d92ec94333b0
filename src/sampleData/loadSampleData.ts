// Sample data for a first `npm start` on the embedded database, so the viewer and the API have
// something to show (marked as sample data; `cli sample remove` removes it): two annual reports of a fictitious agency (documents written for this
// project, in the national format; no published report is copied), imported through the real
// importer, and one edit, so history, the audit log and diff are not empty. Loaded only into an
// empty ledger; the fixed clientMutationIds make a second process starting at the same moment
// replay the same events instead of adding its own.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Ledger } from '../application/createLedger';
import { actorOf, localAdminPrincipal } from '../auth/principal';
import { projectEvents } from '../projections/projectEvents';
import { SAMPLE_AGENCY_ID } from './sampleAgency';
import { markSampleAgency } from './sampleAgencyEvents';

const SAMPLE_DIRECTORY = __dirname;
const SAMPLE_ACTOR = localAdminPrincipal('示例数据 sample data');
/** The figure the sample edit changes (表二 行政处罚 本年处理决定数量). */
export const SAMPLE_EDITED_KEY = 't2.penalty.decisions';

export interface SampleDataResult {
  /** False when the ledger already held events: nothing was loaded. */
  loaded: boolean;
  reports: Array<{ agency: string; year: number; revision: number }>;
}

export function sampleDocuments(): Array<{ name: string; text: string }> {
  return readdirSync(SAMPLE_DIRECTORY)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(SAMPLE_DIRECTORY, name), 'utf8') }));
}

export async function loadSampleData(
  ledger: Ledger,
  options: { onlyIntoEmptyLedger?: boolean } = {},
): Promise<SampleDataResult> {
  const onlyIntoEmptyLedger = options.onlyIntoEmptyLedger ?? true;
  if (onlyIntoEmptyLedger && (await ledger.store.headPosition()) > 0) {
    return { loaded: false, reports: [] };
  }
  const imported = [];
  for (const document of sampleDocuments()) {
    const outcome = await ledger.services.importReport(SAMPLE_ACTOR, {
      document: document.text,
      reason: '示例数据（虚构机构，仅供演示） / sample data (fictitious agency, for demonstration)',
      clientMutationId: `sample-data:${document.name}`,
    });
    imported.push(outcome.report);
  }
  const latest = imported[imported.length - 1];
  if (latest) {
    const figure = latest.figures.find((item) => item.key === SAMPLE_EDITED_KEY);
    const edited = await ledger.services.setFigures(SAMPLE_ACTOR, {
      reportId: latest.reportId,
      expectedRevision: latest.revision,
      changes: [{ key: SAMPLE_EDITED_KEY, value: String(Number(figure?.value ?? '0') + 1) }],
      reason: '示例修改：与原件核对后更正 / sample edit: corrected after checking the original',
      clientMutationId: 'sample-data:edit',
    });
    imported[imported.length - 1] = edited.report;
  }
  // Marked as sample data, so lists and cross-report queries leave it out unless asked.
  const marked = await markSampleAgency(ledger.store, SAMPLE_AGENCY_ID, actorOf(SAMPLE_ACTOR));
  if (marked.length > 0) await projectEvents(ledger.projection, marked);
  return {
    loaded: true,
    reports: imported.map((report) => ({
      agency: report.agency,
      year: report.year,
      revision: report.revision,
    })),
  };
}
