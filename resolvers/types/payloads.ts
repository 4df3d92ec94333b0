import { Field, Int, ObjectType } from 'type-graphql';
import { bi } from './describe';
import { FigureChange } from './figureChange';
import { Report } from './report';
import { ImportWarning, RuleResult } from './ruleResult';

@ObjectType({ description: bi('修改类操作的结果', 'Result of a mutation that changes a report') })
export class ReportMutationPayload {
  @Field(() => Report, {
    description: bi('修改后的报告（已更新）', 'The report after the change (read-your-writes)'),
  })
  report!: Report;

  @Field(() => [FigureChange], {
    description: bi('本次操作写入的变更', 'Changes this call recorded'),
  })
  changes!: FigureChange[];

  @Field(() => Int, { description: bi('报告当前修订号', 'Current revision of the report') })
  revision!: number;

  @Field(() => Boolean, {
    description: bi(
      '此 clientMutationId 已执行过：未写入任何内容',
      'This clientMutationId was already applied: nothing new was written',
    ),
  })
  replayed!: boolean;

  @Field(() => String, {
    nullable: true,
    description: bi('请求中的客户端变更 ID', 'The clientMutationId sent'),
  })
  clientMutationId!: string | null;
}

@ObjectType({
  description: bi(
    '重新导入时一个被提议（未覆盖）的单元格：人工更正与新文件不一致',
    'A cell a re-import proposes instead of overwriting: a correction the new document disagrees with',
  ),
})
export class ReimportProposedCell {
  @Field(() => String, { description: bi('数字键', 'Figure key') })
  key!: string;

  @Field(() => String, {
    nullable: true,
    description: bi('现值（人工更正的值）', 'The current value (the correction)'),
  })
  current!: string | null;

  @Field(() => String, { nullable: true, description: bi('新文件中的值', "The document's value") })
  document!: string | null;
}

@ObjectType({
  description: bi(
    '重新导入的逐格结果：应用、保留、提议、未变',
    "A re-import's outcome per cell: applied, kept, proposed, unchanged",
  ),
})
export class ReimportSummary {
  @Field(() => Int, {
    description: bi('按新文件写入的单元格数', 'Cells set from the new document'),
  })
  applied!: number;

  @Field(() => Int, {
    description: bi(
      '新文件为空白或不确定而保留原值的单元格数',
      'Known values kept because the document leaves them blank or ambiguous',
    ),
  })
  kept!: number;

  @Field(() => Int, {
    description: bi(
      '与人工更正不一致、改为提议的单元格数',
      'Cells that disagree with a correction and were proposed instead',
    ),
  })
  proposed!: number;

  @Field(() => Int, { description: bi('未变的单元格数', 'Cells the document reads as they are') })
  unchanged!: number;

  @Field(() => [String], { description: bi('按新文件写入的键', 'Keys applied') })
  appliedKeys!: string[];

  @Field(() => [String], { description: bi('保留原值的键', 'Keys kept') })
  keptKeys!: string[];

  @Field(() => [ReimportProposedCell], { description: bi('提议的单元格', 'Cells proposed') })
  proposedCells!: ReimportProposedCell[];

  @Field(() => [String], { description: bi('重新导入提示', 'Re-import warnings') })
  warnings!: string[];

  @Field(() => String, {
    nullable: true,
    description: bi(
      '为提议的单元格开启的提议 ID',
      'Id of the proposal opened for the proposed cells',
    ),
  })
  proposalId!: string | null;
}

@ObjectType({ description: bi('导入结果', 'Result of importReport') })
export class ImportReportPayload extends ReportMutationPayload {
  @Field(() => [ImportWarning], { description: bi('导入提示', 'Importer warnings') })
  warnings!: ImportWarning[];

  @Field(() => [RuleResult], { description: bi('勾稽规则检查结果', 'Consistency rule results') })
  rules!: RuleResult[];

  @Field(() => Boolean, {
    description: bi(
      '是否新建了报告（否则为重新导入）',
      'Whether the report was created (else: a re-import)',
    ),
  })
  created!: boolean;

  @Field(() => ReimportSummary, {
    nullable: true,
    description: bi(
      '重新导入的逐格结果（首次导入或重发时为空）',
      "A re-import's outcome per cell (null for a first import or a replay)",
    ),
  })
  reimport!: ReimportSummary | null;
}

@ObjectType({ description: bi('修改数字的结果', 'Result of setFigures') })
export class SetFiguresPayload extends ReportMutationPayload {}

@ObjectType({ description: bi('修改正文的结果', 'Result of editNarrative') })
export class EditNarrativePayload extends ReportMutationPayload {}

@ObjectType({ description: bi('撤销的结果', 'Result of revertChange') })
export class RevertChangePayload extends ReportMutationPayload {}

@ObjectType({ description: bi('发布或撤回的结果', 'Result of publishReport / withdrawReport') })
export class PublicationPayload extends ReportMutationPayload {}
