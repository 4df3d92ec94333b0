// Editing one cell with an editor token: a new value and a reason, sent with the revision the
// page shows as expectedRevision. A CONFLICT (someone else edited first) shows that person's
// change of this cell and offers to retry on the latest revision; nothing is lost silently.
// Where the agency requires review, the server answers REVIEW_REQUIRED: the same value and
// reason are then offered as a proposal (proposeChanges) for a reviewer to approve.
import { useEffect, useState } from 'preact/hooks';
import { fetchFigureHistory, fetchReport, setFigures } from '../api/documents';
import { ApiError } from '../api/graphqlClient';
import { proposeChanges, type Proposal } from '../api/proposals';
import { routeHref } from '../state/route';
import type { Figure, FigureChange, Report } from '../api/types';
import { ChangeLine } from './ChangeLine';
import { newClientMutationId } from './clientMutationId';
import { ErrorAlert } from './ErrorAlert';
import { formatValue } from './formatFigure';
import { useViewerPermissions } from './useViewerPermissions';

export interface FigureEditorProps {
  /** The current report (edits always apply to the current revision). */
  report: Report;
  figure: Figure;
  viewingPast: boolean;
  token: string | null;
  onSaved: (report: Report) => void;
  /** A proposal was submitted instead of an edit. */
  onProposed: (proposal: Proposal) => void;
}

interface Conflict {
  expectedRevision: number;
  latestRevision: number;
  /** The newest change of this cell after the revision the edit was based on, if any. */
  otherChange: FigureChange | null;
  value: string;
  reason: string;
}

function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'UNAUTHENTICATED':
        return '编辑令牌无效或已被撤销，请重新粘贴令牌。';
      case 'FORBIDDEN':
        return '此令牌无权编辑该机构的报告。';
      case 'BAD_USER_INPUT':
        return `输入有误：${error.message}`;
      default:
        return `保存失败（${error.code}）：${error.message}`;
    }
  }
  return `保存失败：${error instanceof Error ? error.message : String(error)}`;
}

export function FigureEditor({
  report,
  figure,
  viewingPast,
  token,
  onSaved,
  onProposed,
}: FigureEditorProps) {
  const [value, setValue] = useState(figure.value ?? '');
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  /** The server said this agency's edits need review: the form proposes instead of saving. */
  const [reviewRequired, setReviewRequired] = useState(false);
  const [proposed, setProposed] = useState<Proposal | null>(null);

  useEffect(() => {
    setValue(figure.value ?? '');
    setReason('');
    setMessage(null);
    setError(null);
    setConflict(null);
    setProposed(null);
  }, [figure.key]);

  useEffect(() => setReviewRequired(false), [report.id]);

  // A token that may not edit (a reviewer's, another agency's) is told so instead of offered a
  // form the server refuses; until the answer comes the form is offered and the server decides.
  const permissions = useViewerPermissions(token, report.agency.name);
  const mayNotEdit = permissions !== null && !permissions.canEdit;

  const propose = async (newValue: string, why: string) => {
    if (!token) return;
    setSaving(true);
    setError(null);
    setMessage(null);
    try {
      const proposal = await proposeChanges(token, {
        reportId: report.id,
        baseRevision: report.revision,
        changes: [{ key: figure.key, value: newValue.trim() === '' ? null : newValue.trim() }],
        reason: why,
      });
      setReason('');
      setProposed(proposal);
      onProposed(proposal);
    } catch (failure) {
      setError(errorText(failure).replace('保存失败', '提交失败'));
    } finally {
      setSaving(false);
    }
  };

  const save = async (expectedRevision: number, newValue: string, why: string) => {
    if (!token) return;
    setSaving(true);
    setError(null);
    setMessage(null);
    try {
      const saved = await setFigures(token, {
        reportId: report.id,
        expectedRevision,
        changes: [{ key: figure.key, value: newValue.trim() === '' ? null : newValue.trim() }],
        reason: why,
        clientMutationId: newClientMutationId(),
      });
      setConflict(null);
      setReason('');
      setMessage(`已保存，修订号 ${saved.revision}。`);
      onSaved(saved);
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'REVIEW_REQUIRED') {
        // Nothing was written; the form keeps the value and reason for the proposal.
        setReviewRequired(true);
        return;
      }
      if (!(failure instanceof ApiError && failure.code === 'CONFLICT')) {
        setError(errorText(failure));
        return;
      }
      // The history has from → to of the other person's change (lastChange has only `to`).
      const [latest, history] = await Promise.all([
        fetchReport(report.id).catch(() => null),
        fetchFigureHistory(report.id, figure.key).catch(() => null),
      ]);
      if (!latest) {
        setError('其他人已修改此报告，且暂时无法读取最新版本，请稍后重试。');
        return;
      }
      setConflict({
        expectedRevision,
        latestRevision: latest.revision,
        otherChange: history?.changes.find((change) => change.revision > expectedRevision) ?? null,
        value: newValue,
        reason: why,
      });
      onSaved(latest);
    } finally {
      setSaving(false);
    }
  };

  const editId = `edit-${figure.key}`;
  return (
    <section class="panel-section" aria-labelledby="panel-edit">
      <h3 id="panel-edit">编辑</h3>
      {!token && <p>粘贴编辑令牌后可以修改此单元格。</p>}
      {token && viewingPast && <p>正在查看历史版本：回到当前版本后才能编辑。</p>}
      {token && !viewingPast && mayNotEdit && (
        <p class="notice may-not-edit" role="status">
          {permissions?.canReview
            ? '此令牌是审核令牌：可以审核修改建议，不能直接编辑。'
            : '此令牌无权编辑该机构的报告。'}
        </p>
      )}
      {token && !viewingPast && reviewRequired && (
        <p class="notice review-required" role="status">
          此机构的修改须经审核：请提交修改建议，由审核人批准后写入报告。
        </p>
      )}
      {conflict && (
        <div class="conflict" role="alert">
          <p>
            <strong>编辑冲突：</strong>您的修改基于修订号 {conflict.expectedRevision}，
            其他人已将报告更新到修订号 {conflict.latestRevision}。
          </p>
          {conflict.otherChange ? (
            <p class="conflict-change">
              此单元格已被修改：
              <ChangeLine change={conflict.otherChange} />
            </p>
          ) : (
            <p>此单元格未被其他人修改（变更发生在其他单元格）。</p>
          )}
          <p>
            您的修改：{formatValue(figure.value)} → {formatValue(conflict.value.trim() || null)}
          </p>
          <div class="button-row">
            <button
              type="button"
              disabled={saving}
              onClick={() => void save(conflict.latestRevision, conflict.value, conflict.reason)}
            >
              基于修订号 {conflict.latestRevision} 重试
            </button>
            <button type="button" onClick={() => setConflict(null)}>
              放弃我的修改
            </button>
          </div>
        </div>
      )}
      {token && !viewingPast && !conflict && !mayNotEdit && (
        <form
          class="edit-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!reason.trim()) {
              setError('请填写修改理由。');
              return;
            }
            if (reviewRequired) void propose(value, reason.trim());
            else void save(report.revision, value, reason.trim());
          }}
        >
          <label for={`${editId}-value`}>新数值（留空表示清空单元格）</label>
          <input
            id={`${editId}-value`}
            name="value"
            inputMode="decimal"
            autoComplete="off"
            value={value}
            onInput={(event) => setValue(event.currentTarget.value)}
          />
          <label for={`${editId}-reason`}>修改理由（必填）</label>
          <textarea
            id={`${editId}-reason`}
            name="reason"
            rows={2}
            required
            value={reason}
            onInput={(event) => setReason(event.currentTarget.value)}
          />
          <button type="submit" disabled={saving}>
            {reviewRequired
              ? saving
                ? '正在提交…'
                : `提交审核 / propose（基于修订号 ${report.revision}）`
              : saving
                ? '正在保存…'
                : `保存（基于修订号 ${report.revision}）`}
          </button>
        </form>
      )}
      {proposed && (
        <p class="notice" role="status">
          已提交修改建议，等待审核。{' '}
          <a href={routeHref({ name: 'proposal', id: proposed.id })}>查看修改建议</a>
        </p>
      )}
      {message && (
        <p class="notice" role="status">
          {message}
        </p>
      )}
      <ErrorAlert error={error} />
    </section>
  );
}
