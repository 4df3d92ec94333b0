// A slider over the report's revisions (the import is revision 0): choosing one shows the report
// as of that revision, with the cells that differ from the current revision highlighted.
import { useEffect, useState } from 'preact/hooks';

export interface RevisionPickerProps {
  current: number;
  shown: number;
  onPick: (revision: number | null) => void;
}

export const FIRST_REVISION = 0;

export function RevisionPicker({ current, shown, onPick }: RevisionPickerProps) {
  const [draft, setDraft] = useState(shown);
  useEffect(() => setDraft(shown), [shown]);
  const pick = (revision: number) => onPick(revision >= current ? null : revision);
  return (
    <div class="revision-picker" role="group" aria-labelledby="revision-label">
      <label id="revision-label" for="revision-slider">
        查看修订：修订号 <output for="revision-slider">{draft}</output>（最新 {current}）
        {shown < current && <span class="past-badge">历史版本</span>}
      </label>
      <input
        id="revision-slider"
        type="range"
        min={FIRST_REVISION}
        max={Math.max(FIRST_REVISION, current)}
        step={1}
        value={draft}
        aria-valuetext={`修订号 ${draft}`}
        disabled={current <= FIRST_REVISION}
        onInput={(event) => setDraft(Number(event.currentTarget.value))}
        onChange={(event) => pick(Number(event.currentTarget.value))}
      />
      <button type="button" disabled={shown <= FIRST_REVISION} onClick={() => pick(shown - 1)}>
        上一修订
      </button>
      <button type="button" disabled={shown >= current} onClick={() => pick(shown + 1)}>
        下一修订
      </button>
      <button type="button" disabled={shown >= current} onClick={() => onPick(null)}>
        回到当前版本
      </button>
    </div>
  );
}
