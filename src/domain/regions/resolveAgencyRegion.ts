// Resolves an agency's region from its name: the administrative divisions the name starts
// with (江苏省淮安市洪泽区人民政府, 淮安市洪泽区人民政府 and 洪泽区人民政府 all name 320813), its level
// and its kind. Never guesses: a name whose first division is shared by several places (鼓楼区)
// and that says nothing more is "ambiguous" with the candidates; a name without a division is
// "unresolved". Both carry warnings and are listed by the API until an administrator sets
// the region (setAgencyRegion).
import { agencyKindOf, townshipPartOf } from './agencyKind';
import type { DivisionTree } from './divisionTree';
import type { AgencyKind, AgencyLevel, Division } from './regionTypes';
import { specialAreaOf } from './specialAreas';

export type RegionResolution =
  | {
      status: 'resolved';
      code: string;
      level: AgencyLevel;
      kind: AgencyKind;
      warnings: string[];
    }
  | { status: 'ambiguous'; candidates: string[]; kind: AgencyKind; warnings: string[] }
  | { status: 'unresolved'; kind: AgencyKind; warnings: string[] };

/** Agency names as matched: NFC, no whitespace, no parenthesised remarks (（…编制）). */
export function nameForMatching(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/\s+/g, '');
}

interface Step {
  division: Division;
  length: number;
}

/** Divisions named at `text`'s start that lie below `parent` (anywhere when null), longest first. */
function matchesAt(tree: DivisionTree, text: string, parent: Division | null): Step[] {
  for (let length = Math.min(tree.longestName, text.length); length >= 2; length--) {
    const found = tree
      .named(text.slice(0, length))
      .filter(
        (division) =>
          parent === null ||
          (division.code !== parent.code && tree.isWithin(division.code, parent.code)),
      );
    if (found.length > 0) return found.map((division) => ({ division, length }));
  }
  return [];
}

/** The deepest chain of divisions the text starts with, below `parent`. */
function chainFrom(tree: DivisionTree, text: string, parent: Division | null): Step[][] {
  const steps = matchesAt(tree, text, parent);
  if (steps.length === 0) return [[]];
  return steps.flatMap((step) =>
    chainFrom(tree, text.slice(step.length), step.division).map((rest) => [step, ...rest]),
  );
}

function levelOf(division: Division): AgencyLevel {
  return division.tier;
}

export function resolveAgencyRegion(name: string, tree: DivisionTree): RegionResolution {
  const text = nameForMatching(name);
  const special = specialAreaOf(text);
  // The dataset's own code wins over the hand-kept table.
  if (special && tree.named(special.name).length === 0) {
    const division = tree.get(special.containedIn);
    const rest = text.slice(special.name.length);
    const kind = rest === '' ? 'government' : agencyKindOf(rest);
    if (!division) {
      return {
        status: 'unresolved',
        kind,
        warnings: [`特殊区域 ${special.name} 的所属区划 ${special.containedIn} 不在区划数据中`],
      };
    }
    return {
      status: 'resolved',
      code: division.code,
      level: levelOf(division),
      kind,
      warnings: [`${special.name} 不是行政区划，归入所属区划 ${division.name}（${special.note}）`],
    };
  }
  const chains = chainFrom(tree, text, null).filter((chain) => chain.length > 0);
  if (chains.length === 0) {
    return {
      status: 'unresolved',
      kind: agencyKindOf(text),
      warnings: [`机构名称“${name}”不以任何行政区划名称开头`],
    };
  }
  // Several readings: keep the deepest ones; distinct endings are an ambiguity to report.
  const deepest = Math.max(...chains.map((chain) => chain.length));
  const endings = new Map<string, Step[]>();
  for (const chain of chains) {
    if (chain.length !== deepest) continue;
    endings.set(chain[chain.length - 1].division.code, chain);
  }
  const first = [...endings.values()][0];
  const consumed = first.reduce((sum, step) => sum + step.length, 0);
  const rest = text.slice(consumed);
  if (endings.size > 1) {
    return {
      status: 'ambiguous',
      candidates: [...endings.keys()].sort(),
      kind: agencyKindOf(rest),
      warnings: [
        `机构名称“${name}”可指多个区划：${[...endings.keys()]
          .map(
            (code) =>
              `${tree
                .path(code)
                .map((division) => division.name)
                .join('')}（${code}）`,
          )
          .join('、')}`,
      ],
    };
  }
  const division = first[first.length - 1].division;
  const township = division.tier === 'county' ? townshipPartOf(rest) : null;
  if (township) {
    return {
      status: 'resolved',
      code: division.code,
      level: 'township',
      // 街道办事处 is the township-level government where there is no 镇/乡人民政府.
      kind: township.rest === '办事处' ? 'government' : agencyKindOf(township.rest),
      warnings: [`乡级机构 ${township.township} 归入所在县级区划 ${division.name}`],
    };
  }
  return {
    status: 'resolved',
    code: division.code,
    level: levelOf(division),
    kind: agencyKindOf(rest),
    warnings: [],
  };
}
