// Who the caller is, as far as their token says: clients (the reference viewer) need it to offer
// only what the server would allow — approve / reject to reviewers, never on one's own proposal.
// The server still checks every write; this only spares people buttons that would be refused.
import { Arg, Ctx, Field, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import {
  actorOf,
  assertCanEdit,
  assertCanReview,
  AuthError,
  type Principal,
} from '../src/auth/principal';
import type { RequestContext } from './context';
import { Actor } from './types/actor';
import { bi } from './types/describe';

@ObjectType({
  description: bi('当前调用者（由令牌确定）', 'The caller, as their token identifies them'),
})
export class ViewerInfo {
  principal!: Principal;

  @Field(() => Actor, {
    nullable: true,
    description: bi(
      '调用者作为操作者（未带令牌时为空）',
      'The caller as an actor (null without a token)',
    ),
  })
  actor!: Actor | null;

  @Field(() => String, {
    nullable: true,
    description: bi(
      '令牌角色：editor、reviewer 或 admin（未带令牌时为空）',
      'Token role: editor, reviewer or admin (null without a token)',
    ),
  })
  role!: string | null;
}

function allowed(check: () => void): boolean {
  try {
    check();
    return true;
  } catch (error) {
    if (error instanceof AuthError) return false;
    throw error;
  }
}

@Resolver(() => ViewerInfo)
export class ViewerResolver {
  @Query(() => ViewerInfo, {
    description: bi(
      '当前调用者及其权限（不带令牌也可查询）',
      'The caller and what they may do (also without a token)',
    ),
  })
  viewer(@Ctx() context: RequestContext): ViewerInfo {
    const principal = context.principal;
    return {
      principal,
      actor: principal.kind === 'anonymous' ? null : actorOf(principal),
      role:
        principal.kind === 'token' ? principal.role : principal.kind === 'local' ? 'admin' : null,
    };
  }

  @FieldResolver(() => Boolean, {
    description: bi(
      '可否直接编辑此机构的报告（机构要求审核时仍须提交修改建议）',
      "Whether the caller may edit this agency's reports (an agency that requires review still wants a proposal)",
    ),
  })
  canEdit(
    @Root() viewer: ViewerInfo,
    @Arg('agency', () => String, { description: bi('机构名称', 'Agency name') }) agency: string,
  ): boolean {
    return allowed(() => assertCanEdit(viewer.principal, agency));
  }

  @FieldResolver(() => Boolean, {
    description: bi(
      '可否审核此机构的修改建议（自己的建议除外）',
      "Whether the caller may review this agency's proposals (never their own)",
    ),
  })
  canReview(
    @Root() viewer: ViewerInfo,
    @Arg('agency', () => String, { description: bi('机构名称', 'Agency name') }) agency: string,
  ): boolean {
    return allowed(() => assertCanReview(viewer.principal, agency));
  }
}
