// Which national template a report follows. The 2019 template (国办公开办函〔2019〕60号) has
// other 表二 columns (本年新制作数量/对外公开总数量, 上一年项目数量/本年增减) and no 表三
// sub-rows under （六）其他处理; it must never be read into the 2021 keys.
import type { TemplateId } from './types';

export interface TemplateDetection {
  template: TemplateId | null;
  /** The phrases that decided it. */
  evidence: string[];
}

const MARKERS_2019: readonly string[] = [
  '国办公开办函〔2019〕60号',
  '国办公开办函[2019]60号',
  '本年新制作数量',
  '本年新公开数量',
  '对外公开总数量',
  '上一年项目数量',
  '本年增/减',
  '本年增／减',
  '处理决定数量',
];

const MARKERS_2021: readonly string[] = [
  '国办公开办函〔2021〕30号',
  '国办公开办函[2021]30号',
  '本年制发件数',
  '本年废止件数',
  '现行有效件数',
  '本年处理决定数量',
  '本年收费金额',
  '逾期不补正',
  '逾期未按收费通知要求缴纳费用',
];

function found(text: string, markers: readonly string[]): string[] {
  return markers.filter((marker) => text.includes(marker));
}

/** Decide by the table headers each template prints; the circular number alone is weaker. */
export function detectTemplate(plainText: string): TemplateDetection {
  const compact = plainText.replace(/[\s\u00a0\u3000]+/gu, '');
  // 处理决定数量 is a substring of 本年处理决定数量; only count it for 2019 without the prefix.
  const evidence2019 = found(compact, MARKERS_2019).filter(
    (marker) => marker !== '处理决定数量' || !compact.includes('本年处理决定数量'),
  );
  const evidence2021 = found(compact, MARKERS_2021);
  const tableMarkers2019 = evidence2019.filter((m) => !m.startsWith('国办')).length;
  const tableMarkers2021 = evidence2021.filter((m) => !m.startsWith('国办')).length;
  if (tableMarkers2019 > tableMarkers2021) return { template: '2019', evidence: evidence2019 };
  if (tableMarkers2021 > 0) return { template: '2021', evidence: evidence2021 };
  if (evidence2019.length > 0) return { template: '2019', evidence: evidence2019 };
  if (evidence2021.length > 0) return { template: '2021', evidence: evidence2021 };
  return { template: null, evidence: [] };
}
