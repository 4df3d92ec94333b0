// A report document whose narrative states numbers the importer reads as narrative figures
// (n.1.1.1 = 6616 条, n.1.1.2 = 12 篇): the shipped 2024 sample report with a subsection
// added, so storage tests need no corpus.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const SAMPLE = path.resolve(__dirname, '../../src/sampleData/2024_示例县数据管理局.txt');

export const NARRATIVE_SENTENCE = '本年度主动公开政府信息6616条，其中政策解读12篇。';

export function narrativeReportDocument(): string {
  const text = readFileSync(SAMPLE, 'utf8');
  const marker = '## 二、主动公开政府信息情况';
  if (!text.includes(marker)) throw new Error(`${SAMPLE} no longer has "${marker}"`);
  return text.replace(marker, `### （一）主动公开\n\n${NARRATIVE_SENTENCE}\n\n${marker}`);
}
