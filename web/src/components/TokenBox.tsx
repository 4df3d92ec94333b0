// Paste an editor token to enable editing; it is kept in sessionStorage for this tab only.
import { useState } from 'preact/hooks';

export interface TokenBoxProps {
  token: string | null;
  onChange: (token: string | null) => void;
}

export function TokenBox({ token, onChange }: TokenBoxProps) {
  const [draft, setDraft] = useState('');
  if (token) {
    return (
      <div class="token-box" role="group" aria-label="编辑权限">
        <span class="token-state">已启用编辑（令牌保存在本标签页）</span>
        <button type="button" onClick={() => onChange(null)}>
          移除令牌
        </button>
      </div>
    );
  }
  return (
    <form
      class="token-box"
      aria-label="编辑权限"
      onSubmit={(event) => {
        event.preventDefault();
        const trimmed = draft.trim();
        if (trimmed) {
          onChange(trimmed);
          setDraft('');
        }
      }}
    >
      <label for="editor-token">编辑令牌</label>
      <input
        id="editor-token"
        name="editor-token"
        type="password"
        autoComplete="off"
        placeholder="粘贴令牌以启用编辑"
        value={draft}
        onInput={(event) => setDraft(event.currentTarget.value)}
      />
      <button type="submit">启用编辑</button>
    </form>
  );
}
