// On FerretDB 1.24 a conditional replace can have several winners, so a slow rewrite of a
// report's full document may put an older one back. Given that has happened, readers still see
// the latest revision (they follow the insert-only revision documents), and the next rewrite
// brings the stored document back to the head.
import { localAdminPrincipal } from '../../src/auth/principal';
import { compactReport } from '../../src/projections/compactReadModels';
import { foldReportFromLog } from '../../src/projections/projectReport';
import { readDocumentOf } from '../../src/projections/readModelDocument';
import {
  compactReportDocument,
  findReportDocument,
  findStoredDocuments,
} from '../../src/projections/storedReport';
import { openHarness, type Harness } from './projectionHarness';

describe('a stored full document that went back (integration)', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await openHarness('full_doc_race');
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('given an older full document written over a newer one, then readers see the head and a rewrite restores it', async () => {
    const admin = localAdminPrincipal();
    const { services, models } = harness.ledger;
    const imported = await services.importReport(admin, { document: '丁局|2024', reason: '导入' });
    const reportId = imported.report.reportId;
    const older = imported.report;
    let revision = older.revision;
    for (const value of ['1', '2', '3']) {
      const outcome = await services.setFigures(admin, {
        reportId,
        expectedRevision: revision,
        changes: [{ key: 't3.granted.total', value }],
        reason: '编辑',
      });
      revision = outcome.report.revision;
    }
    await compactReport(harness.ledger.projection, reportId);
    expect((await findStoredDocuments(models, [reportId]))[0].revision).toBe(revision);

    // When a lagging writer's replace lands last, the stored document is back at revision 0…
    await models.reports.collection.replaceOne(
      { _id: reportId } as never,
      compactReportDocument(older) as never,
    );
    expect((await findStoredDocuments(models, [reportId]))[0].revision).toBe(older.revision);

    // …then readers still see the head, equal to a fold of the log…
    const head = readDocumentOf((await foldReportFromLog(harness.ledger.projection, reportId))!);
    expect(await findReportDocument(models, reportId)).toEqual(head);
    // …and the next rewrite brings the stored document back to it.
    await compactReport(harness.ledger.projection, reportId);
    expect((await findStoredDocuments(models, [reportId]))[0]).toEqual(head);
  });
});
