// A ParsedReport built straight from generated values (no document to parse): what the
// importer would hand the write side for a clean report, so bulk loading skips parsing.
import { createHash } from 'node:crypto';
import { IMPORTER_VERSION } from '../../src/domain/importer/importDocument';
import type { FigureReading, ParsedReport } from '../../src/domain/importer/types';
import type { FigureValueMap } from './figureValues';

export function parsedReportOf(agency: string, year: number, values: FigureValueMap): ParsedReport {
  const figures: Record<string, FigureReading> = {};
  for (const [key, value] of Object.entries(values)) {
    figures[key] = { key, value, raw: value, marker: null, uncertain: false, source: null };
  }
  return {
    importerVersion: IMPORTER_VERSION,
    sourceHash: createHash('sha256')
      .update(JSON.stringify([agency, year, values]))
      .digest('hex'),
    format: 'text',
    shape: 'synthetic',
    agency,
    year,
    template: '2021',
    figures,
    narrative: [
      {
        id: '1',
        heading: '一、总体情况',
        text: `${year}年，${agency}依法推进政府信息公开工作。`,
        source: null,
      },
    ],
    narrativeFigures: [],
    warnings: [],
  };
}

/** Agency names like real ones: a place and a bureau, unique per index. */
export function agencyName(index: number): string {
  const places = ['平潭', '洪泽', '淮安', '沭阳', '平罗', '浦东', '徐汇', '江宁', '鼓楼', '思明'];
  const bureaus = [
    '人民政府',
    '发展和改革局',
    '审批服务管理局',
    '科学技术委员会',
    '教育局',
    '财政局',
  ];
  return `${places[index % places.length]}第${index + 1}区${bureaus[index % bureaus.length]}`;
}
