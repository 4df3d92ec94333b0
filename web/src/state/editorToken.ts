// The editor token lives in sessionStorage only: it is gone when the tab closes and is never
// written to localStorage, cookies or the URL.
const STORAGE_KEY = 'nianbao.editorToken';

export function readEditorToken(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function saveEditorToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(STORAGE_KEY, token);
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage disabled: the token then lasts only as long as the page state.
  }
}
