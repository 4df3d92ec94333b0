import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { ReportChangeNotice } from '../../src/subscriptions/changeFeed';
import { toGlobalId } from '../globalId';
import { changeCursor } from '../../src/corpus/changePage';
import { bi } from './describe';
import { FigureChange, figureChangeOf } from './figureChange';

@ObjectType({
  description: bi(
    '某报告的新变更通知（来自事件日志，任一服务器进程所做的修改都会送达）',
    'Notice of new changes to a report, read from the event log: edits made through any server process arrive',
  ),
})
export class ReportChanged {
  @Field(() => ID, { description: bi('报告的全局 ID', 'Global id of the report') })
  id!: string;

  @Field(() => ID, { description: bi('报告 UUID', 'Report UUID') })
  reportId!: string;

  @Field(() => Int, {
    description: bi('这些变更之后报告的修订号', 'Revision of the report after these changes'),
  })
  revision!: number;

  @Field(() => Int, {
    description: bi(
      '最后一个事件在全局日志中的位置',
      'Global log position of the last event of these changes',
    ),
  })
  position!: number;

  @Field(() => String, {
    description: bi(
      '变更流游标：断线重连后用 changes(after: cursor) 补上错过的事件',
      'Change-feed cursor of the last event: a reconnecting client resumes with changes(after: cursor)',
    ),
  })
  cursor!: string;

  @Field(() => [FigureChange], {
    description: bi(
      '各项变更（每个数字或正文节一项，报告级事件一项），按日志顺序',
      'The changes, one per figure or narrative section (one per report-level event), in log order',
    ),
  })
  changes!: FigureChange[];

  @Field(() => [String], {
    description: bi(
      '被修改的数字键和正文节（去重）',
      'Figure keys and narrative sections changed (distinct)',
    ),
  })
  keys!: string[];
}

export function reportChangedOf(notice: ReportChangeNotice): ReportChanged {
  const changes = notice.entries.map(figureChangeOf);
  const keys = [
    ...new Set(changes.map((change) => change.key).filter((key): key is string => key !== null)),
  ];
  return {
    id: toGlobalId('Report', notice.reportId),
    reportId: notice.reportId,
    revision: notice.revision,
    position: notice.position,
    cursor: changeCursor(notice.position),
    changes,
    keys,
  };
}
