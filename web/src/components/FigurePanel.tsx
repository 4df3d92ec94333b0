// The side panel of one figure (a non-modal dialog): value, the failed rules it takes part in,
// provenance, history, pending proposals, and the editor. Escape closes it and returns focus to the cell.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Proposal } from '../api/proposals';
import type { Figure, Report, RuleResult } from '../api/types';
import { figureTitle } from '../layout/tableLayouts';
import { CellProposals } from './CellProposals';
import { FigureEditor } from './FigureEditor';
import { FigureHistory } from './FigureHistory';
import { FigureRules } from './FigureRules';
import { FigureSource } from './FigureSource';
import { formatValue } from './formatFigure';
import { describeUnit } from './labels';

export interface PanelFrameProps {
  title: string;
  figureKey: string;
  onClose: () => void;
  children: ComponentChildren;
}

/** The dialog frame shared by table figures and narrative figures. */
export function PanelFrame({ title, figureKey, onClose, children }: PanelFrameProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [figureKey]);
  // On the document, not the panel: an Escape pressed before focus has moved into the panel (it
  // moves after the panel renders) or after a click elsewhere on the page still closes it. An
  // element that uses Escape itself calls preventDefault.
  useEffect(() => {
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      onClose();
    };
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, [onClose]);
  return (
    <div class="figure-panel" role="dialog" aria-modal="false" aria-labelledby="figure-panel-title">
      <header class="panel-header">
        <h2 id="figure-panel-title" tabIndex={-1} ref={headingRef}>
          {title}
        </h2>
        <button type="button" class="panel-close" onClick={onClose} aria-label="关闭详情">
          ×
        </button>
      </header>
      <p class="figure-key">
        <code>{figureKey}</code>
      </p>
      {children}
    </div>
  );
}

export interface FigurePanelProps {
  /** The current report: history and edits are read from and applied to it. */
  report: Report;
  /** The figure as shown (possibly at an older revision). */
  figure: Figure;
  /** True while the page shows an older revision: no editing. */
  viewingPast: boolean;
  rules: RuleResult[];
  token: string | null;
  /** Pending proposals that change this figure. */
  proposals: readonly Proposal[];
  onSaved: (report: Report) => void;
  /** A proposal was submitted from the editor (the agency requires review). */
  onProposed: () => void;
  onClose: () => void;
}

export function FigurePanel(props: FigurePanelProps) {
  const { report, figure, viewingPast, rules, token, proposals, onSaved, onProposed, onClose } =
    props;
  return (
    <PanelFrame
      title={figure.label ?? figureTitle(figure.key)}
      figureKey={figure.key}
      onClose={onClose}
    >
      <dl class="figure-facts">
        <dt>数值</dt>
        <dd class="panel-value">
          {formatValue(figure.value)}
          {figure.value !== null && <span class="unit"> {describeUnit(figure.unit)}</span>}
        </dd>
        <dt>原文</dt>
        <dd>{figure.raw ?? '（未找到）'}</dd>
        {figure.marker && (
          <>
            <dt>标记</dt>
            <dd>{figure.marker}</dd>
          </>
        )}
        <dt>修订号</dt>
        <dd>{figure.revision ?? report.revision}（最后修改此数字的修订）</dd>
      </dl>
      <FigureRules rules={rules} />
      <CellProposals figureKey={figure.key} proposals={proposals} />
      <FigureSource source={figure.source} />
      <FigureHistory reportId={report.id} revision={report.revision} figureKey={figure.key} />
      <FigureEditor
        report={report}
        figure={figure}
        viewingPast={viewingPast}
        token={token}
        onSaved={onSaved}
        onProposed={onProposed}
      />
    </PanelFrame>
  );
}
