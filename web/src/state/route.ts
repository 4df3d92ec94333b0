// Hash routes, so the viewer works as static files at `/` without server-side fallbacks:
//   #/                       report list (with ?year=&agency=&failed=1)
//   #/report/<id>            a report at its current revision
//   #/report/<id>?rev=3      the same report as of revision 3
//   #/proposal/<id>          a proposal: three-way view, rule impact, comments, review
//   #/corpus?key=…&year=…    one figure across reports, by region (corpusRoute.ts)
import { useEffect, useState } from 'preact/hooks';
import { corpusRouteHref, parseCorpusRoute, type CorpusRoute } from './corpusRoute';

export type Route =
  | { name: 'list'; year: number | null; agency: string; failedOnly: boolean }
  | { name: 'report'; id: string; revision: number | null; figure: string | null }
  | { name: 'proposal'; id: string }
  | CorpusRoute;

function positiveInteger(text: string | null): number | null {
  if (!text || !/^\d+$/.test(text)) return null;
  return Number(text);
}

export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  if (path === '/corpus') return parseCorpusRoute(params);
  const proposal = /^\/proposal\/(.+)$/.exec(path);
  if (proposal) return { name: 'proposal', id: decodeURIComponent(proposal[1]) };
  const match = /^\/report\/(.+)$/.exec(path);
  if (match) {
    return {
      name: 'report',
      id: decodeURIComponent(match[1]),
      revision: positiveInteger(params.get('rev')),
      figure: params.get('figure'),
    };
  }
  return {
    name: 'list',
    year: positiveInteger(params.get('year')),
    agency: params.get('agency') ?? '',
    failedOnly: params.get('failed') === '1',
  };
}

export function routeHref(route: Route): string {
  if (route.name === 'corpus') return corpusRouteHref(route);
  if (route.name === 'proposal') return `#/proposal/${encodeURIComponent(route.id)}`;
  const params = new URLSearchParams();
  if (route.name === 'report') {
    if (route.revision !== null) params.set('rev', String(route.revision));
    if (route.figure) params.set('figure', route.figure);
    const query = params.toString();
    return `#/report/${encodeURIComponent(route.id)}${query ? `?${query}` : ''}`;
  }
  if (route.year !== null) params.set('year', String(route.year));
  if (route.agency) params.set('agency', route.agency);
  if (route.failedOnly) params.set('failed', '1');
  const query = params.toString();
  return `#/${query ? `?${query}` : ''}`;
}

export function navigate(route: Route, replace = false): void {
  const href = routeHref(route);
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', update);
    window.addEventListener('popstate', update);
    return () => {
      window.removeEventListener('hashchange', update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}
