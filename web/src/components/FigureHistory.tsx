// A figure's history, newest first, read from the current report and refreshed whenever its
// revision moves (an edit here, or one seen live).
import { useEffect, useState } from 'preact/hooks';
import { fetchFigureHistory } from '../api/documents';
import type { FigureChange } from '../api/types';
import { ChangeLine } from './ChangeLine';

export interface FigureHistoryProps {
  reportId: string;
  revision: number;
  figureKey: string;
}

export function FigureHistory({ reportId, revision, figureKey }: FigureHistoryProps) {
  const [history, setHistory] = useState<FigureChange[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    setError(null);
    fetchFigureHistory(reportId, figureKey)
      .then((result) => {
        if (!cancelled) setHistory(result.changes);
      })
      .catch((failure: unknown) => {
        if (!cancelled) setError(failure instanceof Error ? failure.message : String(failure));
      });
    return () => {
      cancelled = true;
    };
  }, [reportId, revision, figureKey]);

  return (
    <section class="panel-section" aria-labelledby="panel-history">
      <h3 id="panel-history">修改历史</h3>
      {error && <p class="error">无法读取历史：{error}</p>}
      {!history && !error && <p>正在读取…</p>}
      {history && history.length === 0 && <p>没有修改记录。</p>}
      {history && history.length > 0 && (
        <ol class="history-list" reversed>
          {history.map((change) => (
            <li key={change.eventId} data-revision={change.revision}>
              <ChangeLine change={change} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
