// A report's rule checks as a whole over HTTP: a report none of whose rules can be judged (the
// 2019 template imports with no figures) is NOT_ASSESSABLE with 0 assessed rules, never passing;
// the seed report has assessed rules.
import { startApiTestServer, type ApiTestServer } from './apiTestServer';
import { readSeedReport } from './corpus';
import {
  TEMPLATE_2019_AGENCY as AGENCY,
  TEMPLATE_2019_REPORT as TEMPLATE_2019,
} from '../support/template2019Report';

const seed = readSeedReport();
const describeWithSeed = seed ? describe : describe.skip;

const IMPORT = `mutation Import($input: ImportReportInput!) {
  importReport(input: $input) {
    report { template ruleStatus assessedRuleCount failedRuleCount figures { key } }
  }
}`;

interface Imported {
  importReport: {
    report: {
      template: string;
      ruleStatus: string;
      assessedRuleCount: number;
      failedRuleCount: number;
      figures: Array<{ key: string }>;
    };
  };
}

describeWithSeed('report rule status over HTTP (integration)', () => {
  let api: ApiTestServer;
  let editor: string;

  beforeAll(async () => {
    api = await startApiTestServer({ label: 'rule-status' });
    editor = await api.token('editor', [AGENCY, '平罗县审批服务管理局'], '编辑甲');
  });

  afterAll(async () => {
    await api?.close();
  });

  it('given a 2019-template document, when it is imported, then its rules are NOT_ASSESSABLE with 0 assessed, not passing', async () => {
    const result = await api.gql<Imported>(
      IMPORT,
      { input: { document: TEMPLATE_2019, reason: '导入' } },
      editor,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.importReport.report).toMatchObject({
      template: '2019',
      ruleStatus: 'NOT_ASSESSABLE',
      assessedRuleCount: 0,
      failedRuleCount: 0,
    });
    expect(
      result.data?.importReport.report.figures.filter((figure) => /^t[234]\./.test(figure.key)),
    ).toEqual([]);
  });

  it('given the seed report, when it is imported, then rules were assessed and the status is PASSED or FAILED', async () => {
    const result = await api.gql<Imported>(
      IMPORT,
      { input: { document: seed, reason: '导入' } },
      editor,
    );
    expect(result.errors).toBeUndefined();
    const report = result.data!.importReport.report;
    expect(report.assessedRuleCount).toBeGreaterThan(0);
    expect(report.ruleStatus).toBe(report.failedRuleCount > 0 ? 'FAILED' : 'PASSED');
  });
});
