import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../scalars';
import { toGlobalId } from '../globalId';
import { bi } from './describe';
import { Node } from './node';
import { PageInfo } from './pageInfo';

@ObjectType({
  implements: Node,
  description: bi('发布报告的机构', 'An agency that publishes reports'),
})
export class Agency extends Node {
  @Field(() => String, { description: bi('机构名称', 'Agency name') })
  name!: string;

  @Field(() => DateTimeScalar, { description: bi('首次登记时间', 'When it was first seen') })
  registeredAt!: Date;

  @Field(() => Boolean, {
    description: bi(
      '是否为示例数据（列表中缺省不显示）',
      'Whether the agency is sample data (left out of lists unless asked for)',
    ),
  })
  sample!: boolean;

  readonly __typename = 'Agency';
  /** Not a field. */
  agencyId!: string;
}

@ObjectType({ description: bi('机构列表中的一项', 'An edge of an agency connection') })
export class AgencyEdge {
  @Field(() => String, { description: bi('游标', 'Cursor of this item') })
  cursor!: string;

  @Field(() => Agency, { description: bi('机构', 'The agency') })
  node!: Agency;
}

@ObjectType({ description: bi('机构的分页列表（按名称排序）', 'A page of agencies, by name') })
export class AgencyConnection {
  @Field(() => [AgencyEdge], { description: bi('本页各项', 'Items of this page') })
  edges!: AgencyEdge[];

  @Field(() => PageInfo, { description: bi('分页信息', 'Pagination state') })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: bi('符合条件的机构总数', 'How many agencies match') })
  totalCount!: number;
}

export function agencyToGraph(document: {
  _id: string;
  name: string;
  registeredAt: Date;
  sample?: boolean;
}): Agency {
  return Object.assign(new Agency(), {
    id: toGlobalId('Agency', document._id),
    name: document.name,
    registeredAt: document.registeredAt,
    sample: document.sample === true,
    agencyId: document._id,
  });
}
