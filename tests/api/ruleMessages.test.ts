// Integration (real server, real database): rule results in Chinese and English, and why a rule
// could not be judged — last year's report missing, or blank cells.
import { loadSampleData } from '../../src/sampleData/loadSampleData';
import { startApiTestServer, type ApiTestServer } from './apiTestServer';

interface Rule {
  id: string;
  status: string;
  message: string;
  messageZh: string;
  messageEn: string;
  notAssessableReason: string | null;
}

const RULES = `query Rules($year: Int!) {
  report(agency: "示例县数据管理局", year: $year) {
    rules { id status message messageZh messageEn notAssessableReason }
  }
}`;

describe('rule messages over GraphQL (integration)', () => {
  let api: ApiTestServer;

  beforeAll(async () => {
    api = await startApiTestServer({ label: 'rulemsg' });
    await loadSampleData(api.ledger);
  });

  afterAll(async () => {
    await api?.close();
  });

  async function rulesOf(year: number): Promise<Rule[]> {
    const response = await api.gql<{ report: { rules: Rule[] } }>(RULES, { year });
    expect(response.errors).toBeUndefined();
    return response.data?.report.rules ?? [];
  }

  it('given any report, then every rule has a Chinese and an English message, and message stays English', async () => {
    const rules = await rulesOf(2024);
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(rule.messageEn).toBe(rule.message);
      expect({ id: rule.id, zh: /[\u4e00-\u9fff]/.test(rule.messageZh) }).toEqual({
        id: rule.id,
        zh: true,
      });
      expect(rule.messageEn).not.toMatch(/[：，]/);
    }
  });

  it('given the first year of an agency, then its cross-year rules are not assessable for want of last year, not for blanks', async () => {
    const rules = await rulesOf(2023);
    const crossYear = rules.filter((rule) => rule.id.startsWith('XY_'));
    expect(crossYear.length).toBeGreaterThan(0);
    for (const rule of crossYear) {
      expect(rule).toMatchObject({
        status: 'NOT_ASSESSABLE',
        notAssessableReason: 'NO_PREVIOUS_YEAR_REPORT',
      });
      expect(rule.messageZh).toContain('上一年度');
    }
  });

  it('given a year whose previous report is in the ledger, then no rule lacks last year, and only NOT_ASSESSABLE ones have a reason', async () => {
    const rules = await rulesOf(2024);
    expect(rules.some((rule) => rule.notAssessableReason === 'NO_PREVIOUS_YEAR_REPORT')).toBe(
      false,
    );
    for (const rule of rules) {
      expect({ id: rule.id, reason: rule.notAssessableReason !== null }).toEqual({
        id: rule.id,
        reason: rule.status === 'NOT_ASSESSABLE',
      });
    }
  });
});
