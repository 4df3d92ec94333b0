// What a bulk figure export asks for: either the values of one key across reports (the
// figureValues query) or statistics of keys per group (figureAggregates), with the corpus
// filter of both. GET /export/figures.csv|jsonl reads it from query parameters and
// `cli export figures` from options, through this one parser, so both accept the same things
// and name the same parameter when something is wrong (the caller decides how a parameter is
// spelled in messages: `regionCode` over HTTP, `--region-code` on the command line).
import type { CorpusFilter } from '../corpus/corpusFilter';
import { STATUS_NAMES, type ReportStatusName } from '../corpus/corpusIndex';
import type { GroupDimension } from '../corpus/figureAggregates';
import type { RankBy, RankDirection } from '../corpus/reportRanking';
import {
  AGENCY_KINDS,
  AGENCY_LEVELS,
  type AgencyKind,
  type AgencyLevel,
} from '../domain/regions/regionTypes';
import { ExportTimePointError, parseAsOf } from './exportTimePoint';

export const FIGURE_EXPORT_PARAMETERS = [
  'key',
  'keys',
  'groupBy',
  'year',
  'years',
  'regionCode',
  'level',
  'kind',
  'status',
  'asOf',
  'orderBy',
  'direction',
] as const;

export type FigureExportParameter = (typeof FIGURE_EXPORT_PARAMETERS)[number];

const GROUP_DIMENSIONS: readonly GroupDimension[] = [
  'YEAR',
  'PROVINCE',
  'CITY',
  'COUNTY',
  'LEVEL',
  'AGENCY',
];
const RANK_BY: readonly RankBy[] = ['VALUE', 'AGENCY_NAME', 'YEAR'];
const DIRECTIONS: readonly RankDirection[] = ['ASC', 'DESC'];

export interface FigureValuesExport {
  kind: 'values';
  key: string;
  filter: CorpusFilter;
  orderBy: RankBy;
  direction: RankDirection;
  asOf: Date | null;
}

export interface FigureAggregatesExport {
  kind: 'aggregates';
  keys: string[];
  groupBy: GroupDimension[];
  filter: CorpusFilter;
  asOf: Date | null;
}

export type FigureExportQuery = FigureValuesExport | FigureAggregatesExport;

/** A parameter that is missing, repeated or malformed; `parameter` is its canonical name. */
export class FigureExportQueryError extends Error {
  override name = 'FigureExportQueryError';
  constructor(
    readonly parameter: FigureExportParameter,
    message: string,
    readonly messageZh: string,
  ) {
    super(message);
  }
}

/**
 * The given values of each parameter: the texts as typed, one per occurrence (a list
 * parameter may also be comma-separated within one occurrence).
 */
export type GivenParameters = Partial<Record<FigureExportParameter, readonly string[]>>;

class ParameterReader {
  constructor(
    private readonly given: GivenParameters,
    private readonly spell: (parameter: FigureExportParameter) => string,
  ) {}

  fail(parameter: FigureExportParameter, message: string, messageZh: string): never {
    const name = this.spell(parameter);
    throw new FigureExportQueryError(parameter, `${name} ${message}`, `参数 ${name} ${messageZh}`);
  }

  has(parameter: FigureExportParameter): boolean {
    return (this.given[parameter]?.length ?? 0) > 0;
  }

  /** One value or undefined; given twice is a mistake, not "first wins". */
  single(parameter: FigureExportParameter): string | undefined {
    const values = this.given[parameter] ?? [];
    if (values.length > 1) this.fail(parameter, 'is given more than once', '只能给一次');
    const value = values[0]?.trim();
    if (value === '') this.fail(parameter, 'is empty', '不能为空');
    return value;
  }

  /** Every value, repeated or comma-separated; `null` when the parameter is absent. */
  list(parameter: FigureExportParameter): string[] | null {
    const values = this.given[parameter];
    if (!values || values.length === 0) return null;
    return values
      .flatMap((value) => value.split(','))
      .map((value) => value.trim())
      .filter((value) => value !== '');
  }

  oneOf<T extends string>(
    parameter: FigureExportParameter,
    text: string,
    allowed: readonly T[],
    normalise: (text: string) => string,
  ): T {
    const value = normalise(text) as T;
    if (!allowed.includes(value)) {
      this.fail(
        parameter,
        `must be one of ${allowed.join(', ')}, got "${text}"`,
        `须为 ${allowed.join('、')} 之一，收到“${text}”`,
      );
    }
    return value;
  }

  year(parameter: FigureExportParameter, text: string): number {
    if (!/^\d{4}$/.test(text)) {
      this.fail(
        parameter,
        `must be a four-digit year, got "${text}"`,
        `须为四位数字的年度，收到“${text}”`,
      );
    }
    return Number(text);
  }
}

const upper = (text: string) => text.toUpperCase();
const lower = (text: string) => text.toLowerCase();

function filterOf(reader: ParameterReader): CorpusFilter {
  const year = reader.single('year');
  const years = reader.list('years');
  const regionCode = reader.single('regionCode');
  if (regionCode !== undefined && !/^\d{6}$/.test(regionCode)) {
    reader.fail(
      'regionCode',
      `must be a six-digit GB/T 2260 code, got "${regionCode}"`,
      `须为六位 GB/T 2260 区划代码，收到“${regionCode}”`,
    );
  }
  const level = reader.single('level');
  const kind = reader.single('kind');
  const status = reader.list('status');
  return {
    year: year === undefined ? null : reader.year('year', year),
    years: years?.map((text) => reader.year('years', text)) ?? null,
    regionCode: regionCode ?? null,
    level:
      level === undefined ? null : reader.oneOf<AgencyLevel>('level', level, AGENCY_LEVELS, lower),
    kind: kind === undefined ? null : reader.oneOf<AgencyKind>('kind', kind, AGENCY_KINDS, lower),
    status:
      status?.map((text) =>
        reader.oneOf<ReportStatusName>('status', text, [...STATUS_NAMES], lower),
      ) ?? null,
  };
}

function asOfOf(reader: ParameterReader): Date | null {
  const text = reader.single('asOf');
  if (text === undefined) return null;
  try {
    return parseAsOf(text);
  } catch (error) {
    if (!(error instanceof ExportTimePointError)) throw error;
    return reader.fail(
      'asOf',
      error.message,
      `须为 ISO 8601 时间（如 2025-01-31T08:00:00Z），收到“${text}”`,
    );
  }
}

/**
 * The export a set of parameters asks for. `keys` or `groupBy` make it an aggregate export
 * (`key` then counts as one of the keys); otherwise it lists the values of `key`.
 */
export function parseFigureExportQuery(
  given: GivenParameters,
  spell: (parameter: FigureExportParameter) => string = (parameter) => parameter,
): FigureExportQuery {
  const reader: ParameterReader = new ParameterReader(given, spell);
  const key = reader.single('key');
  const filter = filterOf(reader);
  const asOf = asOfOf(reader);
  if (reader.has('keys') || reader.has('groupBy')) {
    for (const parameter of ['orderBy', 'direction'] as const) {
      if (reader.has(parameter)) {
        reader.fail(
          parameter,
          'orders a value list; aggregates come in group order',
          '只用于数值列表；汇总按分组顺序给出',
        );
      }
    }
    const keys = [...(key === undefined ? [] : [key]), ...(reader.list('keys') ?? [])];
    if (keys.length === 0) {
      reader.fail('keys', 'is required for aggregates', '缺失：汇总须给出数字键或指标键');
    }
    const groupBy = (reader.list('groupBy') ?? []).map((text) =>
      reader.oneOf('groupBy', text, GROUP_DIMENSIONS, upper),
    );
    return { kind: 'aggregates', keys, groupBy: [...new Set(groupBy)], filter, asOf };
  }
  if (key === undefined) {
    reader.fail(
      'key',
      'is required (a figure or indicator key; or keys and groupBy for aggregates)',
      '缺失：须给出数字键或指标键（汇总则给 keys 与 groupBy）',
    );
  }
  const orderBy = reader.single('orderBy');
  const direction = reader.single('direction');
  return {
    kind: 'values',
    key,
    filter,
    orderBy: orderBy === undefined ? 'VALUE' : reader.oneOf('orderBy', orderBy, RANK_BY, upper),
    direction:
      direction === undefined ? 'DESC' : reader.oneOf('direction', direction, DIRECTIONS, upper),
    asOf,
  };
}
