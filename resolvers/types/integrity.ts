import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../scalars';
import { bi } from './describe';

@ObjectType({
  description: bi('事件日志校验发现的问题', 'A problem found by verifying the event log'),
})
export class IntegrityFailure {
  @Field(() => String, { description: bi('事件流 ID', 'Stream id') })
  streamId!: string;

  @Field(() => Int, { description: bi('出问题的修订号', 'Revision where the problem starts') })
  revision!: number;

  @Field(() => String, { nullable: true, description: bi('事件 ID', 'Event id') })
  eventId!: string | null;

  @Field(() => String, {
    description: bi(
      '问题种类（content_altered、chain_broken…）',
      'Problem: content_altered, chain_broken, revision_gap, missing_commit, malformed',
    ),
  })
  problem!: string;

  @Field(() => String, { description: bi('说明', 'Explanation') })
  message!: string;
}

@ObjectType({
  description: bi(
    '事件日志的哈希链校验结果',
    'Result of recomputing the hash chains of the event log',
  ),
})
export class LedgerIntegrity {
  @Field(() => Boolean, { description: bi('是否完好', 'Whether every chain verified') })
  ok!: boolean;

  @Field(() => Int, { description: bi('检查的事件流数', 'Streams checked') })
  streamsChecked!: number;

  @Field(() => Int, { description: bi('检查的事件数', 'Events checked') })
  eventsChecked!: number;

  @Field(() => [IntegrityFailure], {
    description: bi('每个事件流的第一个问题', 'The first problem of each stream'),
  })
  failures!: IntegrityFailure[];

  @Field(() => DateTimeScalar, { description: bi('校验时间', 'When it was checked') })
  checkedAt!: Date;
}
