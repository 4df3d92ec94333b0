import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { bi } from './describe';

@ObjectType({
  description: bi(
    '待核实：导入时无法确定的单元格（数字连在一起，可有多种读法）及其候选读法',
    'To verify (待核实): cells the importer could not read with certainty (digits run together) and their candidate readings',
  ),
})
export class ReviewItem {
  @Field(() => ID, { description: bi('待核实项 ID', 'Id of the review item') })
  id!: string;

  @Field(() => [String], { description: bi('涉及的数字键', 'The figure keys, in order') })
  keys!: string[];

  @Field(() => String, { description: bi('导入提示', 'The importer’s warning') })
  message!: string;

  @Field(() => [[String]], {
    description: bi(
      '候选读法：每个读法按 keys 的顺序给出各单元格的值',
      'Candidate readings: each gives one value per key, in the order of keys',
    ),
  })
  candidates!: string[][];

  @Field(() => [String], {
    nullable: 'items',
    description: bi('各单元格现在的值', 'The cells’ values now (null: empty)'),
  })
  current!: Array<string | null>;

  @Field(() => Boolean, {
    description: bi(
      '已核实：导入后已有人设定了所有单元格',
      'Resolved: a person set every cell since the import',
    ),
  })
  resolved!: boolean;
}

@InputType({ description: bi('选定一种候选读法', 'Choose one candidate reading') })
export class ChooseReadingInput {
  @Field(() => ID, { description: bi('报告的全局 ID', 'Global id of the report') })
  reportId!: string;

  @Field(() => ID, { description: bi('待核实项 ID', 'Id of the review item') })
  itemId!: string;

  @Field(() => Int, {
    description: bi('候选读法的序号（从 0 起）', 'Index of the reading (from 0)'),
  })
  candidate!: number;

  @Field(() => Int, {
    description: bi('修改所依据的修订号', 'Revision the change is based on; CONFLICT when stale'),
  })
  expectedRevision!: number;

  @Field(() => String, { description: bi('理由（必填）', 'Why (required)') })
  reason!: string;

  @Field(() => String, {
    nullable: true,
    description: bi(
      '客户端变更 ID：重发时不重复写入',
      'Client mutation id: a repeat with the same id writes nothing',
    ),
  })
  clientMutationId?: string | null;
}
