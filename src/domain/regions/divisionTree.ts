// The administrative-division tree with a name index, built from plain records so that the
// resolution logic can be tested against small hand-made trees as well as the full dataset.
import type { Division, DivisionTier } from './regionTypes';

export interface DivisionRecord {
  code: string;
  name: string;
}

export interface DivisionRecords {
  provinces: readonly DivisionRecord[];
  cities: readonly DivisionRecord[];
  counties: readonly DivisionRecord[];
}

/**
 * Records that are placeholders in the dataset, not divisions: 市辖区 ("districts under the
 * city") and the 省直辖县级行政区划 pseudo-cities that group counties ruled by the province.
 */
function isPlaceholder(name: string): boolean {
  return name === '市辖区' || name === '县' || name.includes('直辖');
}

/** Common short forms: 宁夏 for 宁夏回族自治区, 淮安 for 淮安市. Only provinces and cities get them. */
function shortNamesOf(name: string, tier: DivisionTier): string[] {
  if (tier === 'county') return [];
  const suffixes =
    tier === 'province'
      ? ['壮族自治区', '回族自治区', '维吾尔自治区', '特别行政区', '自治区', '省', '市']
      : ['地区', '盟', '市'];
  for (const suffix of suffixes) {
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) {
      return [name.slice(0, name.length - suffix.length)];
    }
  }
  return [];
}

export class DivisionTree {
  private readonly byCode = new Map<string, Division>();
  private readonly childrenByCode = new Map<string | null, Division[]>();
  /** Full names and short forms to the divisions that carry them. */
  private readonly byName = new Map<string, Division[]>();
  /** Longest name in the index, in UTF-16 units: bounds the prefix search. */
  readonly longestName: number;

  constructor(records: DivisionRecords) {
    const add = (division: Division) => {
      this.byCode.set(division.code, division);
      const siblings = this.childrenByCode.get(division.parentCode) ?? [];
      siblings.push(division);
      this.childrenByCode.set(division.parentCode, siblings);
    };
    for (const record of records.provinces) {
      add({ code: record.code, name: record.name, tier: 'province', parentCode: null });
    }
    for (const record of records.cities) {
      if (isPlaceholder(record.name)) continue;
      add({
        code: record.code,
        name: record.name,
        tier: 'city',
        parentCode: `${record.code.slice(0, 2)}0000`,
      });
    }
    for (const record of records.counties) {
      if (isPlaceholder(record.name)) continue;
      const cityCode = `${record.code.slice(0, 4)}00`;
      const parentCode = this.byCode.get(cityCode)?.tier === 'city' ? cityCode : null;
      add({
        code: record.code,
        name: record.name,
        tier: 'county',
        parentCode: parentCode ?? `${record.code.slice(0, 2)}0000`,
      });
    }
    let longest = 0;
    for (const division of this.byCode.values()) {
      for (const name of [division.name, ...shortNamesOf(division.name, division.tier)]) {
        const holders = this.byName.get(name) ?? [];
        if (!holders.includes(division)) holders.push(division);
        this.byName.set(name, holders);
        longest = Math.max(longest, name.length);
      }
    }
    this.longestName = longest;
    for (const children of this.childrenByCode.values())
      children.sort((a, b) => a.code.localeCompare(b.code));
  }

  get(code: string): Division | undefined {
    return this.byCode.get(code);
  }

  /** Provinces when `code` is null. */
  children(code: string | null): readonly Division[] {
    return this.childrenByCode.get(code) ?? [];
  }

  /** From the province down to the division itself; empty for an unknown code. */
  path(code: string): Division[] {
    const path: Division[] = [];
    let division = this.byCode.get(code);
    while (division) {
      path.unshift(division);
      division = division.parentCode ? this.byCode.get(division.parentCode) : undefined;
    }
    return path;
  }

  /** True when `code` is `ancestorCode` or lies below it. */
  isWithin(code: string, ancestorCode: string): boolean {
    let division = this.byCode.get(code);
    while (division) {
      if (division.code === ancestorCode) return true;
      division = division.parentCode ? this.byCode.get(division.parentCode) : undefined;
    }
    return false;
  }

  /** Divisions whose full or short name is exactly `name`. */
  named(name: string): readonly Division[] {
    return this.byName.get(name) ?? [];
  }

  get size(): number {
    return this.byCode.size;
  }
}
