import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { ReportInputError } from '../events/report/errors';
import { reportIdFor, reportStreamId } from '../events/report/ids';
import type { FigureState } from '../events/report/reportState';
import { isFigureKey } from '../src/domain/format/figureCatalog';
import { reportStateAt } from '../src/projections/timeTravel';
import { TIME_TRAVEL_COST, figuresCost, perItem } from './complexity';
import type { RequestContext } from './context';
import { pageSize } from './cursor';
import { PageAfterArg, PageFirstArg } from './pageArgs';
import { reportRevisionRefFromInput } from './globalId';
import { currentReport, fullOf, pastReport, rulesOfReport } from './reportViews';
import { rulesOf } from '../src/projections/reportRules';
import { DateTimeScalar } from './scalars';
import { Agency, agencyToGraph } from './types/agency';
import { bi } from './types/describe';
import { FigureTableEnum, ReportRuleStatusEnum } from './types/enums';
import { Figure, figureOf } from './types/figure';
import {
  FigureChange,
  FigureChangeConnection,
  FigureDifference,
  figureChangeOfRef,
} from './types/figureChange';
import { ReportFilter } from './types/inputs';
import { NarrativeSection } from './types/narrativeSection';
import { Report, ReportConnection } from './types/report';
import { ImportWarning, RuleResult } from './types/ruleResult';
import { changeHistory, historyStartOf } from './changeHistory';
import { ReportOrderInput } from './corpus/corpusInputs';
import { reportListPage } from './reportList';
import { ruleTallyOfReport } from './reportRuleTally';
import { outcomeOfTally } from '../src/domain/rules/ruleTally';
import { ViewMemo } from '../src/readSide/viewMemo';

const MAX_YEAR = 2100;

function checkYear(year: number, field = 'year'): void {
  if (!Number.isInteger(year) || year < 1990 || year > MAX_YEAR) {
    throw new ReportInputError(`year must be between 1990 and ${MAX_YEAR}`, field);
  }
}

/** The report as of a revision or instant, or the current one. */
export async function reportView(
  reportId: string,
  context: RequestContext,
  at: { asOf?: Date | null; atRevision?: number | null },
): Promise<Report | null> {
  if (
    at.atRevision !== undefined &&
    at.atRevision !== null &&
    (!Number.isInteger(at.atRevision) || at.atRevision < 0)
  ) {
    throw new ReportInputError('atRevision is 0 or more', 'atRevision');
  }
  const current = await context.loaders.report.load(reportId);
  if (!current) return null;
  if (at.atRevision !== undefined && at.atRevision !== null && at.atRevision > current.revision) {
    // The read model may lag the stream: only a revision the stream does not have is refused.
    const head = await context.ledger.projection.store.streamRevision(reportStreamId(reportId));
    const last = typeof head === 'number' ? head : current.revision;
    if (at.atRevision > last) {
      throw new ReportInputError(`atRevision is between 0 and ${last}`, 'atRevision');
    }
  }
  const wantsPast =
    (at.atRevision !== undefined && at.atRevision !== null && at.atRevision < current.revision) ||
    (at.asOf !== undefined && at.asOf !== null && at.asOf.getTime() < current.updatedAt.getTime());
  if (!wantsPast) return currentReport(current);
  const state = await reportStateAt(context.ledger.projection, reportId, {
    ...(at.atRevision !== undefined && at.atRevision !== null ? { atRevision: at.atRevision } : {}),
    ...(at.asOf ? { asOf: at.asOf } : {}),
  });
  return state ? pastReport(state) : null;
}

// The time-travel arguments of `report` and `reportById`, declared once.
function AsOfArg(): ReturnType<typeof Arg> {
  return Arg('asOf', () => DateTimeScalar, {
    nullable: true,
    description: bi('取此时间点的版本', 'As it was at this instant'),
  });
}

function AtRevisionArg(): ReturnType<typeof Arg> {
  return Arg('atRevision', () => Int, {
    nullable: true,
    description: bi('取此修订号的版本', 'As it was at this revision'),
  });
}

const figuresMemo = new ViewMemo<{ figures: FigureState[] }, Figure[]>();

/** The figures of a view, built once per read model (and view revision). */
function figuresOfView(full: { figures: FigureState[] }, report: Report): Figure[] {
  return figuresMemo.get(
    full,
    () =>
      full.figures.map((figure) =>
        figureOf(figure, report.reportId, report.revision, report.historical),
      ),
    report.revision,
  );
}

@Resolver(() => Report)
export class ReportResolver {
  @Query(() => Report, {
    nullable: true,
    description: bi(
      '按机构名称和年度取报告，可取历史版本',
      'A report by agency name and year, optionally as it was at a revision or instant',
    ),
    complexity: TIME_TRAVEL_COST,
  })
  async report(
    @Arg('agency', () => String, { description: bi('机构名称', 'Agency name') }) agency: string,
    @Arg('year', () => Int, { description: bi('年度', 'Year') }) year: number,
    @AsOfArg() asOf: Date | null,
    @AtRevisionArg() atRevision: number | null,
    @Ctx() context: RequestContext,
  ): Promise<Report | null> {
    checkYear(year);
    if (!agency.trim()) throw new ReportInputError('agency is empty', 'agency');
    return reportView(reportIdFor(agency, year), context, { asOf, atRevision });
  }

  @Query(() => Report, {
    nullable: true,
    description: bi(
      '按全局 ID 取报告，可取历史版本',
      'A report by global id, optionally as it was at a revision or instant',
    ),
    complexity: TIME_TRAVEL_COST,
  })
  async reportById(
    @Arg('id', () => ID, { description: bi('报告的全局 ID', 'Global id of the report') })
    id: string,
    @AsOfArg() asOf: Date | null,
    @AtRevisionArg() atRevision: number | null,
    @Ctx() context: RequestContext,
  ): Promise<Report | null> {
    const ref = reportRevisionRefFromInput(id);
    if (!ref) throw new ReportInputError('not a report id', 'id');
    if (ref.revision === null) return reportView(ref.reportId, context, { asOf, atRevision });
    // The id of a past revision (`<report>@<revision>`) names its revision itself.
    if (asOf != null || (atRevision != null && atRevision !== ref.revision)) {
      throw new ReportInputError(
        `the id names revision ${ref.revision}; give neither asOf nor another atRevision with it`,
        'id',
      );
    }
    return reportView(ref.reportId, context, { asOf: null, atRevision: ref.revision });
  }

  @Query(() => ReportConnection, {
    description: bi(
      '报告列表（年度从新到旧，再按机构名称）',
      'Reports, newest year first, then by agency name',
    ),
    complexity: perItem(20),
  })
  async reports(
    @Arg('filter', () => ReportFilter, { nullable: true, description: bi('筛选条件', 'Filter') })
    filter: ReportFilter | null,
    @Arg('orderBy', () => ReportOrderInput, {
      nullable: true,
      description: bi(
        '排序：数字键或指标键的值、年度或机构名称（缺省年度从新到旧）',
        'Order: by a figure or indicator value, year or agency name (default newest year first)',
      ),
    })
    orderBy: ReportOrderInput | null,
    @Arg('asOf', () => DateTimeScalar, {
      nullable: true,
      description: bi('账本在此时刻的状态', 'The ledger as it stood at this instant'),
    })
    asOf: Date | null,
    @PageFirstArg() first: number | null,
    @PageAfterArg() after: string | null,
    @Ctx() context: RequestContext,
  ): Promise<ReportConnection> {
    const size = pageSize(first, context.limits.maxPageSize);
    if (filter?.year !== undefined && filter?.year !== null) checkYear(filter.year, 'filter.year');
    return reportListPage(context, filter, orderBy, asOf, size, after);
  }

  @FieldResolver(() => Agency, { description: bi('发布机构', 'The agency') })
  async agency(@Root() report: Report, @Ctx() context: RequestContext): Promise<Agency> {
    const agency = await context.loaders.agency.load(report.agencyId);
    return agencyToGraph(
      agency ?? {
        _id: report.agencyId,
        name: report.agencyName,
        nameKey: '',
        registeredAt: report.createdAt,
        position: 0,
      },
    );
  }

  @FieldResolver(() => FigureChange, {
    description: bi('最后一次变更', 'The last change of the report'),
  })
  lastChange(@Root() report: Report): FigureChange {
    return figureChangeOfRef(report.summary.lastChange, report.reportId, {
      key: null,
      from: null,
      to: null,
    });
  }

  @FieldResolver(() => Figure, {
    nullable: true,
    description: bi('按键取一个数字', 'One figure by key'),
  })
  async figure(
    @Root() report: Report,
    @Arg('key', () => String, { description: bi('数字键', 'Figure key') }) key: string,
    @Ctx() context: RequestContext,
  ): Promise<Figure | null> {
    const full = await fullOf(report, context);
    return figuresOfView(full, report).find((item) => item.key === key) ?? null;
  }

  @FieldResolver(() => [Figure], {
    description: bi(
      '数字列表：可按表格或键筛选',
      'Figures, optionally of one table or only the keys given',
    ),
    complexity: figuresCost,
  })
  async figures(
    @Root() report: Report,
    @Arg('table', () => FigureTableEnum, {
      nullable: true,
      description: bi('只要此表', 'Only this table'),
    })
    table: FigureTableEnum | null,
    @Arg('keys', () => [String], {
      nullable: true,
      description: bi('只要这些键（按给出顺序）', 'Only these keys, in the order given'),
    })
    keys: string[] | null,
    @Ctx() context: RequestContext,
  ): Promise<Figure[]> {
    if (keys && keys.length > 500) throw new ReportInputError('at most 500 keys', 'keys');
    const full = await fullOf(report, context);
    let figures = figuresOfView(full, report);
    if (table) figures = figures.filter((figure) => figure.table === table);
    if (keys) {
      const byKey = new Map(figures.map((figure) => [figure.key, figure]));
      keys.forEach((key, index) => {
        if (!byKey.has(key) && !isFigureKey(key) && !key.startsWith('n.')) {
          throw new ReportInputError(`unknown figure key "${key.slice(0, 80)}"`, `keys[${index}]`);
        }
      });
      figures = keys
        .map((key) => byKey.get(key))
        .filter((figure): figure is Figure => figure !== undefined);
    }
    return figures;
  }

  @FieldResolver(() => [NarrativeSection], { description: bi('正文各节', 'Narrative sections') })
  async narrative(
    @Root() report: Report,
    @Ctx() context: RequestContext,
  ): Promise<NarrativeSection[]> {
    const full = await fullOf(report, context);
    return full.narrative.map((section) => ({
      id: section.id,
      heading: section.heading,
      text: section.text,
      source: section.source,
      revision: section.revision,
      lastChange: figureChangeOfRef(section.lastChange, report.reportId, {
        key: `section:${section.id}`,
        from: null,
        to: null,
      }),
    }));
  }

  @FieldResolver(() => [RuleResult], {
    description: bi(
      '勾稽规则检查结果（由当前数字推出）',
      'Consistency rule results, derived from the figures of this view',
    ),
    complexity: 10,
  })
  async rules(@Root() report: Report, @Ctx() context: RequestContext): Promise<RuleResult[]> {
    return (await rulesOfReport(report, context)) as RuleResult[];
  }

  @FieldResolver(() => Int, {
    description: bi(
      '不符的勾稽规则数（表内规则）',
      'Number of failed consistency rules (within this report)',
    ),
  })
  async failedRuleCount(@Root() report: Report, @Ctx() context: RequestContext): Promise<number> {
    if (!report.historical && 'failedRuleCount' in report.summary)
      return report.summary.failedRuleCount;
    return rulesOf(await fullOf(report, context)).filter((rule) => rule.status === 'failed').length;
  }

  @FieldResolver(() => Int, {
    description: bi(
      '可判断（相符或不符）的勾稽规则数；无法判断的不计',
      'Number of consistency rules that could be judged (agree or fail); not-assessable ones are not counted',
    ),
    complexity: 10,
  })
  async assessedRuleCount(@Root() report: Report, @Ctx() context: RequestContext): Promise<number> {
    return (await ruleTallyOfReport(report, context)).assessed;
  }

  @FieldResolver(() => Int, {
    description: bi(
      '无法判断的勾稽规则数（有空缺数字，或缺上一年度报告）',
      'Number of consistency rules that could not be judged (empty figures, or no report of the year before)',
    ),
    complexity: 10,
  })
  async notAssessableRuleCount(
    @Root() report: Report,
    @Ctx() context: RequestContext,
  ): Promise<number> {
    return (await ruleTallyOfReport(report, context)).notAssessable;
  }

  @FieldResolver(() => ReportRuleStatusEnum, {
    description: bi(
      '勾稽检查总体结果：没有可判断的规则时为 NOT_ASSESSABLE（不适用），绝不显示为通过',
      'The consistency checks as a whole: NOT_ASSESSABLE (不适用) when no rule could be judged, never PASSED',
    ),
    complexity: 10,
  })
  async ruleStatus(
    @Root() report: Report,
    @Ctx() context: RequestContext,
  ): Promise<ReportRuleStatusEnum> {
    // Served from the report's summary in lists (resolvers/reportRuleTally.ts).
    return outcomeOfTally(await ruleTallyOfReport(report, context)) as ReportRuleStatusEnum;
  }

  @FieldResolver(() => [ImportWarning], {
    description: bi('导入提示', 'Importer warnings of the last import'),
  })
  async warnings(@Root() report: Report, @Ctx() context: RequestContext): Promise<ImportWarning[]> {
    const full = await fullOf(report, context);
    return full.warnings.map((warning) => ({
      code: warning.code,
      keys: warning.keys,
      message: warning.message,
    }));
  }

  @FieldResolver(() => FigureChangeConnection, {
    description: bi('报告的变更历史，新的在前', 'Change history of the report, newest first'),
    complexity: perItem(20),
  })
  async history(
    @Root() report: Report,
    @PageFirstArg() first: number | null,
    @PageAfterArg() after: string | null,
    @Arg('key', () => String, {
      nullable: true,
      description: bi('只要此数字键', 'Only this figure key'),
    })
    key: string | null,
    @Ctx() context: RequestContext,
  ): Promise<FigureChangeConnection> {
    // A key-scoped history walks the chain of its entries from the view's last change.
    const startEntryId =
      key != null ? historyStartOf(await fullOf(report, context), key) : undefined;
    return changeHistory(
      context,
      { reportId: report.reportId, key, maxRevision: report.revision, startEntryId },
      first,
      after,
    );
  }

  @FieldResolver(() => [FigureDifference], {
    description: bi(
      '两个修订号之间的数字差异（可向前或向后比较）',
      'Figures that differ between two revisions (either way round)',
    ),
    complexity: TIME_TRAVEL_COST * 2,
  })
  async diff(
    @Root() report: Report,
    @Arg('fromRevision', () => Int, { description: bi('起始修订号', 'From this revision') })
    fromRevision: number,
    @Arg('toRevision', () => Int, {
      nullable: true,
      description: bi('截止修订号（默认当前）', 'To this revision (default: this view)'),
    })
    toRevision: number | null,
    @Ctx() context: RequestContext,
  ): Promise<FigureDifference[]> {
    const to = toRevision ?? report.revision;
    if (!Number.isInteger(fromRevision) || fromRevision < 0 || fromRevision > report.revision) {
      throw new ReportInputError(
        `fromRevision is between 0 and ${report.revision}`,
        'fromRevision',
      );
    }
    if (
      !Number.isInteger(to) ||
      to < 0 ||
      to > Math.max(report.revision, report.summary.revision ?? 0)
    ) {
      throw new ReportInputError(`toRevision is between 0 and ${report.revision}`, 'toRevision');
    }
    const [before, after] = await Promise.all([
      reportStateAt(context.ledger.projection, report.reportId, { atRevision: fromRevision }),
      to === report.revision
        ? fullOf(report, context)
        : reportStateAt(context.ledger.projection, report.reportId, { atRevision: to }),
    ]);
    if (!before || !after) return [];
    const old = new Map(before.figures.map((figure) => [figure.key, figure]));
    return after.figures
      .filter((figure) => (old.get(figure.key)?.value ?? null) !== figure.value)
      .map((figure) =>
        Object.assign(new FigureDifference(), {
          key: figure.key,
          from: old.get(figure.key)?.value ?? null,
          to: figure.value,
          fromRevision,
          toRevision: to,
        }),
      );
  }
}
