// One proposal (#/proposal/<id>): status, the three-way view, the would-be rule results, the
// discussion, and — depending on the token — approve / reject (reviewers of the agency, never
// on their own proposal) or rebase (the author of a STALE proposal). Kept live by the
// `proposalChanged` subscription and read again after every action.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/graphqlClient';
import { followProposals } from '../api/proposalUpdates';
import { actorIdOfToken, fetchProposal, isPending, type ProposalDetail } from '../api/proposals';
import { routeHref, type Route } from '../state/route';
import { formatTime } from './labels';
import { PageLoadError } from './PageLoadError';
import { ProposalNotes } from './ProposalNotes';
import { ProposalRebase } from './ProposalRebase';
import { ProposalReviewForm } from './ProposalReviewForm';
import { ProposalRules } from './ProposalRules';
import { ProposalStatusBadge } from './ProposalStatusBadge';
import { ProposalThreeWay } from './ProposalThreeWay';
import { useViewerPermissions } from './useViewerPermissions';

export interface ProposalPageProps {
  route: Extract<Route, { name: 'proposal' }>;
  token: string | null;
}

function loadErrorText(failure: unknown): string {
  if (failure instanceof ApiError && failure.code === 'UNAUTHENTICATED') {
    return '此服务要求令牌才能读取：请在页面顶部粘贴令牌，然后刷新页面。';
  }
  return `无法读取修改建议：${failure instanceof Error ? failure.message : String(failure)}`;
}

export function ProposalPage({ route, token }: ProposalPageProps) {
  const [proposal, setProposal] = useState<ProposalDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const reload = () =>
    fetchProposal(route.id)
      .then((next) => {
        if (!next) setError('找不到这条修改建议。');
        // A late answer must not roll the page back to an older state of the proposal.
        else
          setProposal((previous) =>
            previous && previous.revision > next.revision ? previous : next,
          );
      })
      .catch((failure: unknown) => setError(loadErrorText(failure)));

  useEffect(() => {
    setProposal(null);
    setError(null);
    void reload();
  }, [route.id]);

  const permissions = useViewerPermissions(token, proposal?.agencyName ?? null);

  const reportId = proposal?.report?.id ?? null;
  useEffect(() => {
    if (!reportId) return;
    return followProposals({ reportId, onChange: () => void reload() });
  }, [reportId, route.id]);

  if (error) return <PageLoadError pageClass="proposal-page" error={error} />;
  if (!proposal) {
    return (
      <main id="main" tabIndex={-1} class="proposal-page" aria-busy="true">
        <p role="status">正在读取修改建议…</p>
      </main>
    );
  }

  const myActorId = permissions?.actor?.id ?? actorIdOfToken(token);
  const mine = myActorId !== null && myActorId === proposal.proposedBy.id;
  const pending = isPending(proposal);
  const reportHref = proposal.report
    ? routeHref({ name: 'report', id: proposal.report.id, revision: null, figure: null })
    : null;
  const accept = (next: ProposalDetail, message: string) => {
    setProposal(next);
    setNotice(message);
  };

  return (
    <main id="main" tabIndex={-1} class="proposal-page" data-proposal-id={proposal.id}>
      <nav class="breadcrumbs" aria-label="位置">
        <a href="#/">报告列表</a> ›{' '}
        {reportHref ? (
          <a href={reportHref}>
            {proposal.agencyName} {proposal.year} 年
          </a>
        ) : (
          `${proposal.agencyName} ${proposal.year} 年`
        )}{' '}
        › 修改建议
      </nav>
      <h1>
        修改建议 <ProposalStatusBadge status={proposal.status} />
      </h1>
      <dl class="figure-facts proposal-facts">
        <dt>提出人</dt>
        <dd data-testid="proposed-by">{proposal.proposedBy.name}</dd>
        <dt>提出时间</dt>
        <dd>{formatTime(proposal.openedAt)}</dd>
        <dt>理由</dt>
        <dd>{proposal.reason}</dd>
        <dt>基于修订号</dt>
        <dd>
          {proposal.baseRevision}
          {proposal.report && `（报告现为修订号 ${proposal.report.revision}）`}
        </dd>
        {proposal.review && (
          <>
            <dt>审核</dt>
            <dd data-testid="review">
              {proposal.review.reviewer.name} · {formatTime(proposal.review.recordedAt)}
              {proposal.review.comment && ` · ${proposal.review.comment}`}
              {proposal.status === 'APPROVED' &&
                (proposal.applied
                  ? `（已写入报告，修订号 ${proposal.review.reportRevision ?? '—'}）`
                  : '（已批准，尚未写入报告）')}
            </dd>
          </>
        )}
      </dl>
      {proposal.status === 'STALE' && (
        <p class="notice stale-notice" role="status">
          <strong>已过时 / STALE：</strong>
          建议所改的单元格在修订号 {proposal.baseRevision}{' '}
          之后又被修改过，批准会覆盖提出人没有看到的修改，因此须由提出人先变基。
        </p>
      )}
      <div aria-live="polite" class="live-region">
        {notice && <p class="notice">{notice}</p>}
      </div>
      <section class="panel-section" aria-labelledby="proposal-changes">
        <h2 id="proposal-changes">修改内容 / changes</h2>
        <ProposalThreeWay
          changes={proposal.changes}
          baseRevision={proposal.baseRevision}
          currentRevision={proposal.report?.revision ?? null}
        />
      </section>
      {pending && <ProposalRules proposal={proposal} />}
      {token && pending && permissions?.canReview && !mine && (
        <ProposalReviewForm
          proposal={proposal}
          token={token}
          onReviewed={(next) =>
            accept(next, next.status === 'APPROVED' ? '已批准，修改已写入报告。' : '已驳回。')
          }
          onRefused={() => void reload()}
        />
      )}
      {token && mine && pending && (
        <p class="muted">这是您提出的建议：须由其他审核人批准或驳回。</p>
      )}
      {token && mine && proposal.status === 'STALE' && (
        <ProposalRebase
          proposal={proposal}
          token={token}
          onRebased={(next) => accept(next, `已变基到修订号 ${next.baseRevision}。`)}
        />
      )}
      <ProposalNotes
        proposal={proposal}
        token={token}
        onChanged={(next) => accept(next, '评论已发表。')}
      />
    </main>
  );
}
