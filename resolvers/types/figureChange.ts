import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { ChangeRef } from '../../events/report/reportState';
import type {
  AgencyChangeEntryDocument,
  AuditEntryDocument,
  ChangeEntryDocument,
} from '../../models/changeEntryModel';
import { DateTimeScalar } from '../scalars';
import { Actor } from './actor';
import { bi } from './describe';
import { ChangeKindEnum } from './enums';
import { PageInfo } from './pageInfo';
import { FigureReview, figureReviewOf } from './proposalFigureReview';
import { changeCursor } from '../../src/corpus/changePage';

@ObjectType({
  description: bi(
    '一次变更（一个数字或一段正文的一次修改，或一个报告事件）',
    'One change: of one figure or narrative section, or a report-level event',
  ),
})
export class FigureChange {
  @Field(() => ID, {
    description: bi('记录此变更的事件 ID', 'Id of the event that recorded this change'),
  })
  eventId!: string;

  @Field(() => Int, { description: bi('报告在此变更后的修订号', 'Report revision of the event') })
  revision!: number;

  @Field(() => DateTimeScalar, { description: bi('服务器记录时间', 'When the server recorded it') })
  recordedAt!: Date;

  @Field(() => Actor, { description: bi('谁做的变更', 'Who made the change') })
  actor!: Actor;

  @Field(() => String, { nullable: true, description: bi('变更理由', 'The reason given') })
  reason!: string | null;

  @Field(() => String, {
    nullable: true,
    description: bi(
      '原值（空表示空白或标记）；正文为原文本',
      'Value before (null: empty); text for narrative',
    ),
  })
  from!: string | null;

  @Field(() => String, {
    nullable: true,
    description: bi(
      '新值（空表示清空）；正文为新文本',
      'Value after (null: cleared); text for narrative',
    ),
  })
  to!: string | null;

  @Field(() => ChangeKindEnum, { description: bi('变更种类', 'Kind of change') })
  kind!: ChangeKindEnum;

  @Field(() => String, {
    nullable: true,
    description: bi(
      '数字键（t3.…、n.…），正文为 section:<id>，报告级事件为空',
      'Figure key (t3.…, n.…), section:<id> for narrative text, null for report-level events',
    ),
  })
  key!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: bi('撤销时：被撤销的事件 ID', 'For a revert: the event it undoes'),
  })
  revertedEventId!: string | null;

  @Field(() => FigureReview, {
    nullable: true,
    description: bi(
      '经审核生效时：提出人与批准人（其余变更为空）',
      'For a change that applied an approved proposal: who proposed and who approved it',
    ),
  })
  review!: FigureReview | null;

  /** Not a field: for AuditEntry.report (null: an agency event's entry). */
  reportId!: string | null;
}

export function figureChangeOf(entry: ChangeEntryDocument): FigureChange {
  // An audit entry carries everything a ChangeRef does, plus the revert it undoes.
  return {
    ...figureChangeOfRef(entry, entry.reportId, entry),
    revertedEventId: entry.revertedEventId,
    review: figureReviewOf(entry.review),
  };
}

/** A change known by its ChangeRef: the last change of a report, a section or a figure. */
export function figureChangeOfRef(
  ref: ChangeRef,
  reportId: string,
  change: { key: string | null; from: string | null; to: string | null },
): FigureChange {
  return {
    eventId: ref.eventId,
    revision: ref.revision,
    recordedAt: ref.recordedAt,
    actor: { id: ref.actor.id, name: ref.actor.name },
    reason: ref.reason,
    from: change.from,
    to: change.to,
    kind: ref.kind as ChangeKindEnum,
    key: change.key,
    revertedEventId: null,
    review: null,
    reportId,
  };
}

@ObjectType({ description: bi('变更列表中的一项', 'An edge of a change connection') })
export class FigureChangeEdge {
  @Field(() => String, { description: bi('游标', 'Cursor of this item') })
  cursor!: string;

  @Field(() => FigureChange, { description: bi('变更', 'The change') })
  node!: FigureChange;
}

@ObjectType({ description: bi('变更的分页列表，新的在前', 'A page of changes, newest first') })
export class FigureChangeConnection {
  @Field(() => [FigureChangeEdge], { description: bi('本页各项', 'Items of this page') })
  edges!: FigureChangeEdge[];

  @Field(() => PageInfo, { description: bi('分页信息', 'Pagination state') })
  pageInfo!: PageInfo;
}

@ObjectType({
  description: bi(
    '审计日志中的一项：谁在何时因何修改了哪个报告的哪个数字',
    'An audit log entry: who changed which figure of which report, when and why',
  ),
})
export class AuditEntry extends FigureChange {
  @Field(() => String, { description: bi('机构名称', 'Agency name') })
  agency!: string;

  @Field(() => Int, {
    nullable: true,
    description: bi('报告年度（机构事件为空）', 'Report year (null for an agency event)'),
  })
  year!: number | null;

  @Field(() => String, {
    description: bi(
      '变更流游标：断线重连后用 changes(after: feedCursor) 接着同步',
      'Change-feed cursor of its event: a reconnecting client resumes with changes(after: feedCursor)',
    ),
  })
  feedCursor!: string;
}

/** An agency event's entry: no report, no key; from/to as the entry document says. */
function agencyChangeOf(entry: AgencyChangeEntryDocument): FigureChange {
  return {
    eventId: entry.eventId,
    revision: entry.revision,
    recordedAt: entry.recordedAt,
    actor: { id: entry.actor.id, name: entry.actor.name },
    reason: entry.reason,
    from: entry.from,
    to: entry.to,
    kind: entry.kind as ChangeKindEnum,
    key: null,
    revertedEventId: null,
    review: null,
    reportId: null,
  };
}

export function auditEntryOf(entry: AuditEntryDocument): AuditEntry {
  return {
    ...(entry.reportId === null ? agencyChangeOf(entry) : figureChangeOf(entry)),
    agency: entry.agency,
    year: entry.year,
    feedCursor: changeCursor(entry.position),
  };
}

@ObjectType({ description: bi('审计日志列表中的一项', 'An edge of the audit log') })
export class AuditEntryEdge {
  @Field(() => String, { description: bi('游标', 'Cursor of this item') })
  cursor!: string;

  @Field(() => AuditEntry, { description: bi('审计项', 'The entry') })
  node!: AuditEntry;
}

@ObjectType({
  description: bi('审计日志的分页列表，新的在前', 'A page of the audit log, newest first'),
})
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge], { description: bi('本页各项', 'Items of this page') })
  edges!: AuditEntryEdge[];

  @Field(() => PageInfo, { description: bi('分页信息', 'Pagination state') })
  pageInfo!: PageInfo;
}

@ObjectType({
  description: bi(
    '两个修订号之间一个数字的差异（不是一次变更：没有操作者、事件或种类）',
    'How one figure differs between two revisions (not a change: no actor, event or kind)',
  ),
})
export class FigureDifference {
  @Field(() => String, { description: bi('数字键', 'Figure key') })
  key!: string;

  @Field(() => String, {
    nullable: true,
    description: bi('起始修订号时的值（空表示空白）', 'Value at fromRevision (null: empty)'),
  })
  from!: string | null;

  @Field(() => String, {
    nullable: true,
    description: bi('截止修订号时的值（空表示空白）', 'Value at toRevision (null: empty)'),
  })
  to!: string | null;

  @Field(() => Int, { description: bi('起始修订号', 'The revision compared from') })
  fromRevision!: number;

  @Field(() => Int, { description: bi('截止修订号', 'The revision compared to') })
  toRevision!: number;

  readonly __typename = 'FigureDifference';
}
