import { Ctx, Query, Resolver } from 'type-graphql';
import { INTEGRITY_COST } from './complexity';
import type { RequestContext } from './context';
import { bi } from './types/describe';
import { LedgerIntegrity } from './types/integrity';

@Resolver()
export class IntegrityResolver {
  @Query(() => LedgerIntegrity, {
    description: bi(
      '重新计算整个事件日志的哈希链，报告被篡改之处',
      'Recomputes the hash chain of the whole event log and reports where it was tampered with',
    ),
    complexity: INTEGRITY_COST,
  })
  async ledgerIntegrity(@Ctx() context: RequestContext): Promise<LedgerIntegrity> {
    const result = await context.ledger.store.verifyAll();
    return {
      ok: result.ok,
      streamsChecked: result.streamsChecked,
      eventsChecked: result.eventsChecked,
      failures: result.failures.map((failure) => ({ ...failure })),
      checkedAt: new Date(),
    };
  }
}
