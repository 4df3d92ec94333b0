// The vocabulary of agency regions: administrative divisions (GB/T 2260), agency levels and kinds.

/** The three division tiers the GB/T 2260 code distinguishes. */
export type DivisionTier = 'province' | 'city' | 'county';

/** An agency's level: the tier of its region, or a township (乡级) below a county. */
export type AgencyLevel = 'province' | 'city' | 'county' | 'township';

export const AGENCY_LEVELS: readonly AgencyLevel[] = ['province', 'city', 'county', 'township'];

export const AGENCY_LEVEL_ZH: Readonly<Record<AgencyLevel, string>> = {
  province: '省级',
  city: '市级',
  county: '县级',
  township: '乡级',
};

/** 人民政府 (the government itself), 政府部门 (one of its departments), 其他 (anything else). */
export type AgencyKind = 'government' | 'department' | 'other';

export const AGENCY_KINDS: readonly AgencyKind[] = ['government', 'department', 'other'];

export const AGENCY_KIND_ZH: Readonly<Record<AgencyKind, string>> = {
  government: '人民政府',
  department: '政府部门',
  other: '其他',
};

export interface Division {
  /** Six-digit GB/T 2260 code, e.g. 640221. */
  readonly code: string;
  readonly name: string;
  readonly tier: DivisionTier;
  /** The division directly above; null for a province. Districts of 直辖市 sit under the province. */
  readonly parentCode: string | null;
}
