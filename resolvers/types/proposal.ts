import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { ProposalReadDocument } from '../../models/proposalReadModel';
import { DateTimeScalar } from '../scalars';
import { Actor } from './actor';
import { bi } from './describe';
import { RuleSeverityEnum, RuleStatusEnum } from './enums';
import { PageInfo } from './pageInfo';
import { ProposalNoteKindEnum, RuleEffectEnum } from './proposalEnums';

@ObjectType({
  description: bi(
    '建议修改的一个单元格，三方对照：基准值、现值、建议值',
    'One proposed cell, three-way: its value at the base revision, now, and proposed',
  ),
})
export class ProposalChange {
  @Field(() => String, { description: bi('数字键', 'Figure key') })
  key!: string;

  @Field(() => String, { nullable: true, description: bi('中文名称', 'Label of the figure') })
  label!: string | null;

  @Field(() => String, {
    nullable: true,
    description: bi('基准修订时的值（空表示空白）', 'Value at the base revision (null: empty)'),
  })
  base!: string | null;

  @Field(() => String, {
    nullable: true,
    description: bi('报告当前的值', 'Value in the report now'),
  })
  now!: string | null;

  @Field(() => String, {
    nullable: true,
    description: bi('建议的值（空表示清空）', 'Proposed value (null: clear the cell)'),
  })
  proposed!: string | null;

  @Field(() => Boolean, {
    description: bi(
      '此单元格在基准修订之后被修改过（建议因此过时）',
      'This cell was changed after the base revision (which makes the proposal stale)',
    ),
  })
  changedSinceBase!: boolean;
}

@ObjectType({
  description: bi(
    '修改建议对一条勾稽规则检查的影响',
    'How one consistency rule check would change if the proposal were applied',
  ),
})
export class ProposalRuleImpact {
  @Field(() => String, { description: bi('规则 ID', 'Rule id, e.g. T3_BALANCE') })
  id!: string;

  @Field(() => String, { description: bi('检查范围', 'What was checked') })
  scope!: string;

  @Field(() => RuleSeverityEnum, { description: bi('严重程度', 'Severity') })
  severity!: RuleSeverityEnum;

  @Field(() => RuleStatusEnum, { description: bi('现在的结果', 'Outcome now') })
  before!: RuleStatusEnum;

  @Field(() => RuleStatusEnum, { description: bi('应用后的结果', 'Outcome after the proposal') })
  after!: RuleStatusEnum;

  @Field(() => RuleEffectEnum, { description: bi('影响', 'Breaks, fixes or changes') })
  effect!: RuleEffectEnum;

  @Field(() => String, { description: bi('说明（英文）', 'Message after the proposal (English)') })
  message!: string;

  @Field(() => String, {
    nullable: true,
    description: bi('说明（中文）', 'Message after the proposal (Chinese)'),
  })
  messageZh!: string | null;
}

@ObjectType({ description: bi('修改建议的一条讨论记录', 'One entry of a proposal’s discussion') })
export class ProposalNote {
  @Field(() => ID, { description: bi('记录它的事件 ID', 'Id of the event that recorded it') })
  eventId!: string;

  @Field(() => ProposalNoteKindEnum, { description: bi('种类', 'Kind') })
  kind!: ProposalNoteKindEnum;

  @Field(() => Actor, { description: bi('谁', 'Who') })
  actor!: Actor;

  @Field(() => String, { nullable: true, description: bi('内容', 'The text, if any') })
  text!: string | null;

  @Field(() => DateTimeScalar, { description: bi('服务器记录时间', 'When the server recorded it') })
  recordedAt!: Date;
}

@ObjectType({ description: bi('审核结论', 'The review of a proposal') })
export class ProposalReviewResult {
  @Field(() => Actor, { description: bi('审核人', 'The reviewer') })
  reviewer!: Actor;

  @Field(() => String, { nullable: true, description: bi('审核意见', 'The reviewer’s comment') })
  comment!: string | null;

  @Field(() => DateTimeScalar, { description: bi('审核时间', 'When it was reviewed') })
  recordedAt!: Date;

  @Field(() => Int, {
    nullable: true,
    description: bi('批准时：应用到的报告修订号', 'Approvals: the report revision applied on'),
  })
  reportRevision!: number | null;

  @Field(() => ID, {
    nullable: true,
    description: bi(
      '批准时：写入报告的修改事件 ID',
      'Approvals: id of the report event that applied the changes',
    ),
  })
  appliedEventId!: string | null;
}

@ObjectType({
  description: bi(
    '修改建议：编辑对报告数字提出、由审核人批准或驳回的修改（有自己的事件历史）',
    'A proposal: figure changes an editor proposed for review; a reviewer approves or rejects it (it has its own event history)',
  ),
})
export class Proposal {
  @Field(() => ID, { description: bi('修改建议 ID', 'Proposal id') })
  id!: string;

  @Field(() => String, { description: bi('机构名称', 'Agency name') })
  agencyName!: string;

  @Field(() => Int, { description: bi('报告年度', 'Report year') })
  year!: number;

  @Field(() => Actor, { description: bi('提出人', 'Who proposed it') })
  proposedBy!: Actor;

  @Field(() => String, { description: bi('修改理由', 'The reason given') })
  reason!: string;

  @Field(() => Int, {
    description: bi('所依据的报告修订号', 'The report revision the proposal is based on'),
  })
  baseRevision!: number;

  @Field(() => [ProposalNote], { description: bi('讨论与审核记录', 'Comments and review notes') })
  notes!: ProposalNote[];

  @Field(() => ProposalReviewResult, {
    nullable: true,
    description: bi('审核结论（待审时为空）', 'The review (null while waiting)'),
  })
  review!: ProposalReviewResult | null;

  @Field(() => Int, {
    description: bi('建议自身事件流的修订号', 'Revision of the proposal’s own stream'),
  })
  revision!: number;

  @Field(() => DateTimeScalar, { description: bi('提出时间', 'When it was proposed') })
  openedAt!: Date;

  @Field(() => DateTimeScalar, { description: bi('最后更新时间', 'When it last changed') })
  updatedAt!: Date;

  /** Not a field: the stored document, for the field resolvers. */
  document!: ProposalReadDocument;
}

export function proposalOf(document: ProposalReadDocument): Proposal {
  return {
    id: document._id,
    agencyName: document.agency,
    year: document.year,
    proposedBy: { id: document.proposedBy.id, name: document.proposedBy.name },
    reason: document.reason,
    baseRevision: document.baseRevision,
    notes: document.notes.map((note) => ({
      eventId: note.eventId,
      kind: note.kind as ProposalNoteKindEnum,
      actor: { id: note.actor.id, name: note.actor.name },
      text: note.text,
      recordedAt: new Date(note.recordedAt),
    })),
    review: document.review
      ? {
          reviewer: { id: document.review.reviewer.id, name: document.review.reviewer.name },
          comment: document.review.comment,
          recordedAt: new Date(document.review.recordedAt),
          reportRevision: document.review.reportRevision,
          appliedEventId: document.review.appliedEventId,
        }
      : null,
    revision: document.revision,
    openedAt: new Date(document.openedAt),
    updatedAt: new Date(document.updatedAt),
    document,
  };
}

@ObjectType({ description: bi('修改建议列表中的一项', 'An edge of a proposal connection') })
export class ProposalEdge {
  @Field(() => String, { description: bi('游标', 'Cursor of this item') })
  cursor!: string;

  @Field(() => Proposal, { description: bi('修改建议', 'The proposal') })
  node!: Proposal;
}

@ObjectType({
  description: bi('修改建议的分页列表，新的在前', 'A page of proposals, newest first'),
})
export class ProposalConnection {
  @Field(() => [ProposalEdge], { description: bi('本页各项', 'Items of this page') })
  edges!: ProposalEdge[];

  @Field(() => PageInfo, { description: bi('分页信息', 'Pagination state') })
  pageInfo!: PageInfo;
}
