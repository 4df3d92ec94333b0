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
}

@ObjectType({ description: bi('修改数字的结果', 'Result of setFigures') })
export class SetFiguresPayload extends ReportMutationPayload {}

@ObjectType({ description: bi('修改正文的结果', 'Result of editNarrative') })
export class EditNarrativePayload extends ReportMutationPayload {}

@ObjectType({ description: bi('撤销的结果', 'Result of revertChange') })
export class RevertChangePayload extends ReportMutationPayload {}

@ObjectType({ description: bi('发布或撤回的结果', 'Result of publishReport / withdrawReport') })
export class PublicationPayload extends ReportMutationPayload {}
