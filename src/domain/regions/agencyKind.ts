// What kind of body an agency is, from the part of its name after the region: 人民政府 (the
// government), 政府部门 (a department of it) or 其他 (courts, party and congress bodies, public
// institutions, anything unrecognised).
import type { AgencyKind } from './regionTypes';

const GOVERNMENT = /^(人民政府|政府|管理委员会|管委会)$/;
/** Bodies that end like departments but are not part of the government. */
const NOT_GOVERNMENT =
  /(人民代表大会|人大|政协|法院|检察院|中共|党委|纪律检查|监察委员会|共青团|妇女联合会|总工会)/;
const DEPARTMENT = /(局|厅|委员会|委|办公室|办公厅|署|办)$/;

export function agencyKindOf(rest: string): AgencyKind {
  if (GOVERNMENT.test(rest)) return 'government';
  if (NOT_GOVERNMENT.test(rest)) return 'other';
  if (DEPARTMENT.test(rest)) return 'department';
  return 'other';
}

/** A township body after the county part of a name: XX镇人民政府, XX乡人民政府, XX街道办事处. */
const TOWNSHIP = /^(.{1,10}?(镇|乡|街道))(人民政府|办事处)(.*)$/;

export interface TownshipPart {
  /** 上营镇 */
  township: string;
  /** What follows the township: its government, or a body of it. */
  rest: string;
}

export function townshipPartOf(rest: string): TownshipPart | null {
  const match = TOWNSHIP.exec(rest);
  if (!match) return null;
  return { township: match[1], rest: `${match[3]}${match[4]}` };
}
