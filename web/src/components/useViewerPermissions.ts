// What a token may do for one agency (Query.viewer), for a page that offers only what it may:
// null until the answer comes, when there is no token or agency, or when the question failed
// (the server still decides every write). A late answer for an earlier token or agency is
// dropped.
import { useEffect, useState } from 'preact/hooks';
import { fetchViewerPermissions, type ViewerPermissions } from '../api/proposals';

export function useViewerPermissions(
  token: string | null,
  agency: string | null,
): ViewerPermissions | null {
  const [permissions, setPermissions] = useState<ViewerPermissions | null>(null);
  useEffect(() => {
    setPermissions(null);
    if (!token || !agency) return;
    let current = true;
    fetchViewerPermissions(agency, token)
      .then((answer) => {
        if (current) setPermissions(answer);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [token, agency]);
  return permissions;
}
