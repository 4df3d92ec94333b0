// Documents for list tests of rule status, read by `ruleStatusParser` as "agency|year|mode":
// pass (every figure 0, so every rule of the report agrees), fail (figures that break the
// report's own rules), blank (no figure, nothing can be judged), inForce4 (like pass, with 4
// normative documents in force: the next year's XY_IN_FORCE fails against a year of 0),
// template2019 (a 2019-template report: no rule applies).
import { parsedReportFixture } from '../report/parsedReportFixture';
import type { ParsedReport } from '../../src/domain/importer/types';

export type RuleStatusMode = 'pass' | 'fail' | 'blank' | 'inForce4' | 'template2019';

export function ruleStatusDocument(agency: string, year: number, mode: RuleStatusMode): string {
  return `${agency}|${year}|${mode}`;
}

export function ruleStatusParser(document: string): ParsedReport {
  const [agency, yearText, mode] = document.split('|') as [string, string, RuleStatusMode];
  const year = Number(yearText);
  const sourceHash = `rule-status-${document}`;
  if (mode === 'template2019') {
    return { ...parsedReportFixture({ agency, year, sourceHash }), template: '2019', figures: {} };
  }
  const value = (key: string, index: number): string | null => {
    if (mode === 'blank') return null;
    if (mode === 'fail') return String(index % 7);
    if (mode === 'inForce4' && key === 't2.normativeDocs.inForce') return '4';
    return '0';
  };
  // No narrative figure: the narrative's "3件" would disagree with a table of zeros.
  return { ...parsedReportFixture({ agency, year, sourceHash, value }), narrativeFigures: [] };
}
