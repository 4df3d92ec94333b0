// One report in the national layout: rules, 表二/表三/表四, narrative, figure panel, revision
// picker, pending proposals on their cells, and live updates.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { fetchReport, fetchReportAtRevision } from '../api/documents';
import { ApiError } from '../api/graphqlClient';
import { followReport, type LiveMode } from '../api/liveUpdates';
import { followProposals } from '../api/proposalUpdates';
import { fetchReportProposals, isPending, type Proposal } from '../api/proposals';
import type { Figure, NarrativeFigure, Report, RuleResult } from '../api/types';
import { isFailed } from '../api/types';
import { TABLE_LAYOUTS } from '../layout/tableLayouts';
import { navigate, type Route } from '../state/route';
import { FigurePanel, PanelFrame } from './FigurePanel';
import { FigureTable, type CellMarks } from './FigureTable';
import { NarrativeSections } from './NarrativeSections';
import { PageLoadError } from './PageLoadError';
import { ReportProposals } from './ReportProposals';
import { RevisionPicker } from './RevisionPicker';
import { RuleSummary } from './RuleSummary';

export interface ReportViewProps {
  route: Extract<Route, { name: 'report' }>;
  token: string | null;
}

const LIVE_LABELS: Record<LiveMode, string> = {
  connecting: '正在连接实时更新…',
  websocket: '实时更新：已连接',
  polling: '实时更新：定时刷新',
};

function sameFigure(a: Figure | undefined, b: Figure | undefined): boolean {
  return (a?.value ?? null) === (b?.value ?? null) && (a?.raw ?? null) === (b?.raw ?? null);
}

function byKey(report: Report | null): Map<string, Figure> {
  return new Map((report?.figures ?? []).map((figure) => [figure.key, figure]));
}

function changedKeys(before: Report, after: Report): Set<string> {
  const old = byKey(before);
  return new Set(
    after.figures.filter((figure) => !sameFigure(old.get(figure.key), figure)).map((f) => f.key),
  );
}

function loadErrorText(failure: unknown): string {
  if (failure instanceof ApiError && failure.code === 'UNAUTHENTICATED') {
    return '此服务要求令牌才能读取报告：请在页面顶部粘贴令牌，然后刷新页面。';
  }
  return `无法读取报告：${failure instanceof Error ? failure.message : String(failure)}`;
}

export function ReportView({ route, token }: ReportViewProps) {
  const [current, setCurrent] = useState<Report | null>(null);
  const [past, setPast] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [liveMode, setLiveMode] = useState<LiveMode | null>(null);
  const [liveNotice, setLiveNotice] = useState<string | null>(null);
  const [updated, setUpdated] = useState<Set<string>>(new Set());
  const [proposals, setProposals] = useState<Proposal[]>([]);
  const currentRef = useRef<Report | null>(null);
  currentRef.current = current;

  const selectedKey = route.figure;
  const setSelected = (key: string | null) => navigate({ ...route, figure: key }, true);

  const acceptCurrent = (next: Report, live: boolean) => {
    const before = currentRef.current;
    // A late response must not roll the page back to an older revision.
    if (before && before.id === next.id && next.revision < before.revision) return;
    if (before && before.id === next.id && next.revision !== before.revision) {
      setUpdated(changedKeys(before, next));
      if (live) setLiveNotice(`报告已由他人更新到修订号 ${next.revision}。`);
    }
    currentRef.current = next;
    setCurrent(next);
  };

  useEffect(() => {
    let cancelled = false;
    setError(null);
    setCurrent(null);
    setUpdated(new Set());
    fetchReport(route.id)
      .then((report) => {
        if (cancelled) return;
        if (!report) setError('找不到这份报告。');
        else acceptCurrent(report, false);
      })
      .catch((failure: unknown) => {
        if (!cancelled) setError(loadErrorText(failure));
      });
    return () => {
      cancelled = true;
    };
  }, [route.id]);

  useEffect(() => {
    const stop = followReport({
      reportId: route.id,
      currentRevision: () => currentRef.current?.revision ?? 0,
      onModeChange: setLiveMode,
      onChange: () => {
        fetchReport(route.id)
          .then((report) => {
            if (report && report.revision !== currentRef.current?.revision)
              acceptCurrent(report, true);
          })
          .catch(() => undefined);
      },
    });
    return stop;
  }, [route.id]);

  const reloadProposals = () =>
    fetchReportProposals(route.id)
      .then(setProposals)
      // A server without proposals (or a read refused) leaves the cells unmarked.
      .catch(() => setProposals([]));

  useEffect(() => {
    setProposals([]);
    void reloadProposals();
    return followProposals({ reportId: route.id, onChange: () => void reloadProposals() });
  }, [route.id]);

  /** Pending proposals by the keys they change. */
  const pendingByKey = useMemo(() => {
    const byKey = new Map<string, Proposal[]>();
    for (const proposal of proposals) {
      if (!isPending(proposal)) continue;
      for (const change of proposal.changes)
        byKey.set(change.key, [...(byKey.get(change.key) ?? []), proposal]);
    }
    return byKey;
  }, [proposals]);

  const wantedRevision =
    current && route.revision !== null && route.revision < current.revision ? route.revision : null;
  useEffect(() => {
    if (!current || wantedRevision === null) {
      setPast(null);
      return;
    }
    let cancelled = false;
    fetchReportAtRevision(current.agency.name, current.year, wantedRevision)
      .then((report) => {
        if (!cancelled) setPast(report);
      })
      .catch((failure: unknown) => {
        if (!cancelled) setError(failure instanceof Error ? failure.message : String(failure));
      });
    return () => {
      cancelled = true;
    };
  }, [current?.id, current?.agency.name, current?.year, wantedRevision]);

  const shown = wantedRevision !== null && past?.revision === wantedRevision ? past : current;
  const viewingPast = shown !== null && current !== null && shown.revision < current.revision;

  const figures = useMemo(() => byKey(shown), [shown]);
  const marks = useMemo<CellMarks>(() => {
    const failed = new Map<string, string[]>();
    for (const rule of shown?.rules ?? []) {
      if (!isFailed(rule)) continue;
      for (const key of rule.keys) failed.set(key, [...(failed.get(key) ?? []), rule.id]);
    }
    return {
      failed,
      changed: viewingPast && shown && current ? changedKeys(shown, current) : new Set<string>(),
      updated: viewingPast ? new Set<string>() : updated,
      // Proposals are against the current report: an older revision shows none.
      proposed: viewingPast
        ? new Map<string, number>()
        : new Map([...pendingByKey].map(([key, list]) => [key, list.length])),
    };
  }, [shown, current, viewingPast, updated, pendingByKey]);

  if (error) return <PageLoadError pageClass="report-view" error={error} />;
  if (!current || !shown) {
    return (
      <main id="main" tabIndex={-1} class="report-view" aria-busy="true">
        <p role="status">正在读取报告…</p>
      </main>
    );
  }

  const open = (key: string) => setSelected(key);
  const close = () => {
    const key = selectedKey;
    setSelected(null);
    if (key) {
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus(),
      );
    }
  };
  const selectedFigure = selectedKey ? figures.get(selectedKey) : undefined;
  const selectedNarrative: NarrativeFigure | undefined = selectedKey
    ? shown.narrative.figures.find((figure) => figure.key === selectedKey)
    : undefined;
  const selectedRules: RuleResult[] = selectedKey
    ? shown.rules.filter((rule) => isFailed(rule) && rule.keys.includes(selectedKey))
    : [];

  return (
    <main id="main" tabIndex={-1} class={`report-view${selectedKey ? ' with-panel' : ''}`}>
      <div class="report-body">
        <nav class="breadcrumbs" aria-label="位置">
          <a href="#/">报告列表</a> › {shown.agency.name} {shown.year} 年
        </nav>
        <h1>
          {shown.agency.name} {shown.year} 年政府信息公开工作年度报告
        </h1>
        <p class="report-meta">
          <span data-testid="report-revision">修订号 {shown.revision}</span>
          {shown.template && <span> · 格式 {shown.template} 版</span>}
          {liveMode && (
            <span class="live-status" data-live-mode={liveMode}>
              {' '}
              · {LIVE_LABELS[liveMode]}
            </span>
          )}
        </p>
        <RevisionPicker
          current={current.revision}
          shown={shown.revision}
          onPick={(revision) => navigate({ ...route, revision })}
        />
        {viewingPast && (
          <p class="notice past-notice" role="status">
            正在查看修订号 {shown.revision} 时的报告（当前为修订号 {current.revision}
            ）。与当前版本不同的单元格已用虚线框标出，共 {marks.changed.size} 处。
          </p>
        )}
        <div aria-live="polite" class="live-region">
          {liveNotice && !viewingPast && <p class="notice live-notice">{liveNotice}</p>}
        </div>
        {!viewingPast && <ReportProposals proposals={proposals} />}
        <RuleSummary rules={shown.rules} onOpen={open} />
        {shown.warnings.length > 0 && (
          <details class="warnings">
            <summary>导入提示 {shown.warnings.length} 条</summary>
            <ul>
              {shown.warnings.map((warning, index) => (
                <li key={index}>
                  <code>{warning.code}</code> {warning.message}
                </li>
              ))}
            </ul>
          </details>
        )}
        <p class="legend" aria-hidden="true">
          <span class="legend-item cell-failed">勾稽关系未通过</span>
          <span class="legend-item cell-changed">与当前版本不同</span>
          <span class="legend-item cell-updated">刚刚更新</span>
          <span class="legend-item cell-proposed">有待审核的修改建议</span>
          方向键在单元格之间移动，回车查看详情。
        </p>
        {TABLE_LAYOUTS.map((layout) => (
          <FigureTable
            key={layout.id}
            layout={layout}
            figures={figures}
            marks={marks}
            selectedKey={selectedKey}
            onOpen={open}
          />
        ))}
        <NarrativeSections
          sections={shown.narrative.sections}
          figures={shown.narrative.figures}
          selectedKey={selectedKey}
          onOpen={open}
        />
      </div>
      {selectedFigure && (
        <FigurePanel
          report={current}
          figure={selectedFigure}
          viewingPast={viewingPast}
          rules={selectedRules}
          token={token}
          proposals={viewingPast ? [] : (pendingByKey.get(selectedFigure.key) ?? [])}
          onSaved={(report) => {
            setLiveNotice(null);
            acceptCurrent(report, false);
          }}
          onProposed={() => void reloadProposals()}
          onClose={close}
        />
      )}
      {!selectedFigure && selectedNarrative && (
        <PanelFrame title="正文数字" figureKey={selectedNarrative.key} onClose={close}>
          <dl class="figure-facts">
            <dt>数值</dt>
            <dd class="panel-value">
              {selectedNarrative.value}
              {selectedNarrative.unit ?? ''}
            </dd>
            <dt>原文</dt>
            <dd>{selectedNarrative.raw}</dd>
          </dl>
          {selectedNarrative.sentence && (
            <section class="panel-section">
              <h3>所在句子</h3>
              <p class="source-excerpt">{selectedNarrative.sentence}</p>
            </section>
          )}
        </PanelFrame>
      )}
    </main>
  );
}
