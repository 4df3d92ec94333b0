// Mutations: thin adapters from GraphQL input to the command handlers in src/application.
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { ReportInputError } from '../events/report/errors';
import type { MutationOutcome } from '../src/application/ledgerServices';
import { rulesOf } from '../src/projections/reportRules';
import type { RequestContext } from './context';
import { reportIdFromInput } from './globalId';
import { currentReport } from './reportViews';
import { bi } from './types/describe';
import { figureChangeOf } from './types/figureChange';
import {
  EditNarrativeInput,
  ImportReportInput,
  PublicationInput,
  RevertChangeInput,
  SetFiguresInput,
} from './types/inputs';
import {
  EditNarrativePayload,
  ImportReportPayload,
  PublicationPayload,
  ReportMutationPayload,
  RevertChangePayload,
  SetFiguresPayload,
} from './types/payloads';
import type { RuleResult } from './types/ruleResult';

function reportIdOf(id: string): string {
  const reportId = reportIdFromInput(id);
  if (!reportId) throw new ReportInputError('not a report id', 'reportId');
  return reportId;
}

function payloadOf(
  outcome: MutationOutcome,
  clientMutationId: string | null | undefined,
): ReportMutationPayload {
  // The entries the command's projection wrote: nothing is recomputed here.
  const changes = outcome.changes.map(figureChangeOf);
  return {
    report: currentReport(outcome.report),
    changes,
    revision: outcome.report.revision,
    replayed: outcome.replayed,
    clientMutationId: clientMutationId ?? null,
  };
}

@Resolver()
export class MutationResolver {
  @Mutation(() => ImportReportPayload, {
    description: bi(
      '导入报告文件；同一机构同一年度再次导入时，差异记为修改，历史不会被抹去',
      'Imports a document; a later document for the same agency and year is recorded as edits, never wiping history',
    ),
    complexity: 50,
  })
  async importReport(
    @Arg('input', () => ImportReportInput, { description: bi('导入内容', 'What to import') })
    input: ImportReportInput,
    @Ctx() context: RequestContext,
  ): Promise<ImportReportPayload> {
    const outcome = await context.ledger.services.importReport(context.principal, input, {
      requestId: context.requestId,
    });
    context.loaders.report.prime(outcome.report._id, outcome.report);
    return {
      ...payloadOf(outcome, input.clientMutationId),
      warnings: outcome.report.warnings.map((w) => ({
        code: w.code,
        keys: w.keys,
        message: w.message,
      })),
      rules: rulesOf(outcome.report) as RuleResult[],
      created: outcome.events.some((event) => event.type === 'ReportImported'),
      reimport: outcome.reimport
        ? {
            applied: outcome.reimport.applied.length,
            kept: outcome.reimport.kept.length,
            proposed: outcome.reimport.proposed.length,
            unchanged: outcome.reimport.unchanged.length,
            appliedKeys: outcome.reimport.applied,
            keptKeys: outcome.reimport.kept,
            proposedCells: outcome.reimport.proposed,
            warnings: outcome.reimport.warnings,
            proposalId: outcome.reimport.proposalId,
          }
        : null,
    };
  }

  @Mutation(() => SetFiguresPayload, {
    description: bi(
      '修改数字（值为空即清空单元格）；需令牌和理由',
      'Changes figures (null clears a cell); needs a token and a reason',
    ),
    complexity: 20,
  })
  async setFigures(
    @Arg('input', () => SetFiguresInput, { description: bi('修改内容', 'The changes') })
    input: SetFiguresInput,
    @Ctx() context: RequestContext,
  ): Promise<SetFiguresPayload> {
    const outcome = await context.ledger.services.setFigures(
      context.principal,
      { ...input, reportId: reportIdOf(input.reportId) },
      { requestId: context.requestId },
    );
    return payloadOf(outcome, input.clientMutationId);
  }

  @Mutation(() => EditNarrativePayload, {
    description: bi(
      '修改正文各节；需令牌和理由',
      'Changes narrative sections; needs a token and a reason',
    ),
    complexity: 20,
  })
  async editNarrative(
    @Arg('input', () => EditNarrativeInput, { description: bi('修改内容', 'The changes') })
    input: EditNarrativeInput,
    @Ctx() context: RequestContext,
  ): Promise<EditNarrativePayload> {
    const outcome = await context.ledger.services.editNarrative(
      context.principal,
      { ...input, reportId: reportIdOf(input.reportId) },
      { requestId: context.requestId },
    );
    return payloadOf(outcome, input.clientMutationId);
  }

  @Mutation(() => RevertChangePayload, {
    description: bi(
      '撤销一次修改（写入补偿事件）',
      'Undoes one change by recording a compensating event',
    ),
    complexity: 20,
  })
  async revertChange(
    @Arg('input', () => RevertChangeInput, { description: bi('撤销内容', 'What to undo') })
    input: RevertChangeInput,
    @Ctx() context: RequestContext,
  ): Promise<RevertChangePayload> {
    const outcome = await context.ledger.services.revertChange(
      context.principal,
      { ...input, reportId: reportIdOf(input.reportId) },
      { requestId: context.requestId },
    );
    return payloadOf(outcome, input.clientMutationId);
  }

  @Mutation(() => PublicationPayload, {
    description: bi('发布报告', 'Publishes a report'),
    complexity: 20,
  })
  async publishReport(
    @Arg('input', () => PublicationInput, { description: bi('发布内容', 'What to publish') })
    input: PublicationInput,
    @Ctx() context: RequestContext,
  ): Promise<PublicationPayload> {
    const outcome = await context.ledger.services.publishReport(
      context.principal,
      { ...input, reportId: reportIdOf(input.reportId) },
      { requestId: context.requestId },
    );
    return payloadOf(outcome, input.clientMutationId);
  }

  @Mutation(() => PublicationPayload, {
    description: bi('撤回报告', 'Withdraws a report'),
    complexity: 20,
  })
  async withdrawReport(
    @Arg('input', () => PublicationInput, { description: bi('撤回内容', 'What to withdraw') })
    input: PublicationInput,
    @Ctx() context: RequestContext,
  ): Promise<PublicationPayload> {
    const outcome = await context.ledger.services.withdrawReport(
      context.principal,
      { ...input, reportId: reportIdOf(input.reportId) },
      { requestId: context.requestId },
    );
    return payloadOf(outcome, input.clientMutationId);
  }
}
