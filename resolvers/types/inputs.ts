import { Field, ID, InputType, Int } from 'type-graphql';
import { DateTimeScalar, DecimalScalar } from '../scalars';
import { bi } from './describe';
import { CorpusFilterInput } from '../corpus/corpusInputs';
import { ChangeKindEnum } from './enums';
import type { CellMarker } from '../../events/report/storedTypes';

/** The Relay `clientMutationId` every mutation input carries, declared once. */
export function ClientMutationIdField(): PropertyDecorator {
  return Field(() => String, {
    nullable: true,
    description: bi(
      '客户端变更 ID：重发时不重复写入',
      'Client mutation id: a repeat with the same id writes nothing',
    ),
  });
}

@InputType({ description: bi('导入一份报告文件', 'Import one report document') })
export class ImportReportInput {
  @Field(() => String, {
    description: bi(
      '报告全文（HTML、Markdown 或纯文本）',
      'The full document: HTML, Markdown or plain text',
    ),
  })
  document!: string;

  @Field(() => String, {
    nullable: true,
    description: bi(
      '机构名称（文件中没有时必填）',
      'Agency name (required when the document does not state it)',
    ),
  })
  agency?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: bi(
      '年度（文件中没有时必填）',
      'Year (required when the document does not state it)',
    ),
  })
  year?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: bi(
      '文件所写年度与 year 不一致时仍按 year 导入',
      'Import as `year` even when the document states another year',
    ),
  })
  force?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: bi('来源网址', 'Where the document was published'),
  })
  sourceUrl?: string | null;

  @Field(() => String, { description: bi('导入理由（必填）', 'Why it is imported (required)') })
  reason!: string;

  @ClientMutationIdField()
  clientMutationId?: string | null;
}

@InputType({ description: bi('对一个数字的修改', 'A change to one figure') })
export class FigureValueInput {
  @Field(() => String, { description: bi('数字键', 'Figure key') })
  key!: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: bi('新值；为空则清空单元格', 'New value; null clears the cell'),
  })
  value!: string | null;

  @Field(() => String, {
    nullable: true,
    description: bi(
      '改为标记（"/"、"-"、"—"、"无"），此时 value 须为空',
      'Set a marker instead of a value ("/", "-", "—", "无"); value must then be null',
    ),
  })
  marker?: CellMarker | null;
}

@InputType({ description: bi('修改报告中的数字', 'Change figures of a report') })
export class SetFiguresInput {
  @Field(() => ID, { description: bi('报告的全局 ID', 'Global id of the report') })
  reportId!: string;

  @Field(() => Int, {
    description: bi(
      '修改所依据的修订号；已过时则返回 CONFLICT',
      'Revision the change is based on; CONFLICT when stale',
    ),
  })
  expectedRevision!: number;

  @Field(() => [FigureValueInput], { description: bi('各项修改', 'The changes') })
  changes!: FigureValueInput[];

  @Field(() => String, { description: bi('修改理由（必填）', 'Why (required)') })
  reason!: string;

  @ClientMutationIdField()
  clientMutationId?: string | null;
}

@InputType({ description: bi('对正文一节的修改', 'A change to one narrative section') })
export class NarrativeSectionInput {
  @Field(() => String, { description: bi('节号，如 "1.2"', 'Section id, e.g. "1.2"') })
  sectionId!: string;

  @Field(() => String, {
    nullable: true,
    description: bi('新文本；为空则删除该节', 'New text; null removes the section'),
  })
  text!: string | null;

  @Field(() => String, {
    nullable: true,
    description: bi('标题（新增节时必填）', 'Heading (required for a new section)'),
  })
  heading?: string | null;
}

@InputType({ description: bi('修改报告正文', 'Change narrative sections of a report') })
export class EditNarrativeInput {
  @Field(() => ID, { description: bi('报告的全局 ID', 'Global id of the report') })
  reportId!: string;

  @Field(() => Int, { description: bi('修改所依据的修订号', 'Revision the change is based on') })
  expectedRevision!: number;

  @Field(() => [NarrativeSectionInput], { description: bi('各节修改', 'The section changes') })
  sections!: NarrativeSectionInput[];

  @Field(() => String, { description: bi('修改理由（必填）', 'Why (required)') })
  reason!: string;

  @ClientMutationIdField()
  clientMutationId?: string | null;
}

@InputType({
  description: bi(
    '撤销此前的一次修改（补偿事件，历史保留）',
    'Undo an earlier change with a compensating event (history is kept)',
  ),
})
export class RevertChangeInput {
  @Field(() => ID, { description: bi('报告的全局 ID', 'Global id of the report') })
  reportId!: string;

  @Field(() => ID, { description: bi('要撤销的事件 ID', 'Id of the event to undo') })
  eventId!: string;

  @Field(() => Int, { description: bi('撤销所依据的修订号', 'Revision the revert is based on') })
  expectedRevision!: number;

  @Field(() => String, { description: bi('撤销理由（必填）', 'Why (required)') })
  reason!: string;

  @ClientMutationIdField()
  clientMutationId?: string | null;
}

@InputType({ description: bi('发布或撤回报告', 'Publish or withdraw a report') })
export class PublicationInput {
  @Field(() => ID, { description: bi('报告的全局 ID', 'Global id of the report') })
  reportId!: string;

  @Field(() => Int, { description: bi('所依据的修订号', 'Revision it is based on') })
  expectedRevision!: number;

  @Field(() => String, { description: bi('理由（必填）', 'Why (required)') })
  reason!: string;

  @ClientMutationIdField()
  clientMutationId?: string | null;
}

@InputType({ description: bi('报告列表的筛选条件', 'Filter of the report list') })
export class ReportFilter extends CorpusFilterInput {
  @Field(() => String, {
    nullable: true,
    description: bi('机构名称（完全一致）', 'Agency name (exact)'),
  })
  agency?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: bi(
      '只要有（或没有）不符规则的报告（含跨年度规则，与 ruleStatus 一致）',
      'Only reports with (true) or without (false) failed rules, cross-year rules included (as ruleStatus judges)',
    ),
  })
  hasFailedRules?: boolean | null;
}

@InputType({ description: bi('审计日志的筛选条件', 'Filter of the audit log') })
export class AuditLogFilter {
  @Field(() => String, {
    nullable: true,
    description: bi(
      '操作者：ID（token:… 或令牌 ID）或姓名，任一相符即可',
      'Actor: an id (token:… or a bare token id) or a name; either matches',
    ),
    deprecationReason: 'Use actorId or actorName / 请改用 actorId 或 actorName',
  })
  actor?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: bi(
      '操作者 ID，与 AuditEntry.actor.id 相同（token:… 或 local:cli）',
      'Actor id as AuditEntry.actor.id gives it (token:… or local:cli)',
    ),
  })
  actorId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: bi(
      '操作者姓名（令牌持有人，完全一致）',
      "Actor's name (the token holder's, exact)",
    ),
  })
  actorName?: string | null;

  @Field(() => String, { nullable: true, description: bi('机构名称', 'Agency name') })
  agency?: string | null;

  @Field(() => ID, { nullable: true, description: bi('报告的全局 ID', 'Global id of a report') })
  report?: string | null;

  @Field(() => String, { nullable: true, description: bi('数字键', 'Figure key') })
  figureKey?: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: bi('起始时间（含）', 'From this instant (inclusive)'),
  })
  from?: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: bi('截止时间（含）', 'Up to this instant (inclusive)'),
  })
  to?: Date | null;

  @Field(() => [ChangeKindEnum], {
    nullable: true,
    description: bi('只要这些种类', 'Only these kinds'),
  })
  kinds?: ChangeKindEnum[] | null;
}
