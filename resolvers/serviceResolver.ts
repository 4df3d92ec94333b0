import { Field, ObjectType, Query, Resolver } from 'type-graphql';

@ObjectType({ description: '服务信息 / Information about this Nianbao Ledger service.' })
export class ServiceInfo {
  @Field(() => String, { description: '服务名称 / Service name.' })
  name!: string;

  @Field(() => String, { description: '版本 / Service version.' })
  version!: string;
}

@Resolver()
export class ServiceResolver {
  @Query(() => ServiceInfo, { description: '服务信息 / Information about this service.' })
  service(): ServiceInfo {
    return { name: 'Nianbao Ledger', version: '0.1.0' };
  }
}
