// Areas that publish reports but are not GB/T 2260 divisions: each resolves to the division
// that contains it, with a warning saying so. Maintained by hand; add an area when a report of
// one arrives (an unknown one stays unresolved and is listed, never guessed). Areas the dataset
// codes itself (兰州新区 620171, the 经济开发区 codes ending 7x) resolve as divisions and need no entry.

export interface SpecialArea {
  /** The name as agencies write it. */
  readonly name: string;
  /** The smallest division that contains the whole area. */
  readonly containedIn: string;
  /** Why that division: the source of the mapping. */
  readonly note: string;
}

export const SPECIAL_AREAS: readonly SpecialArea[] = [
  {
    name: '平潭综合实验区',
    containedIn: '350128',
    note: '平潭综合实验区管辖范围即福州市平潭县（国函〔2011〕142号）',
  },
  {
    name: '雄安新区',
    containedIn: '130600',
    note: '雄安新区规划范围为保定市雄县、容城、安新三县及周边部分区域',
  },
  { name: '贵安新区', containedIn: '520000', note: '贵安新区跨贵阳、安顺两市，归入贵州省' },
  { name: '舟山群岛新区', containedIn: '330900', note: '舟山群岛新区范围即舟山市' },
];

/** The special area `name` starts with, if any (longest first, so a longer name wins). */
export function specialAreaOf(name: string): SpecialArea | undefined {
  return [...SPECIAL_AREAS]
    .sort((a, b) => b.name.length - a.name.length)
    .find((area) => name.startsWith(area.name));
}
