// The corpus page's hash route: #/corpus?key=…&year=2024&region=320000&agencies=1
//   key       figure or indicator key (default: 本年新收政府信息公开申请数量 · 总计)
//   year      report year (default: the newest year with reports)
//   region    GB/T 2260 code the view is narrowed to (none: the whole country)
//   agencies  1: list the reports of agencies in the region instead of the regions below it
export interface CorpusRoute {
  name: 'corpus';
  key: string;
  year: number | null;
  region: string | null;
  agencies: boolean;
}

export const DEFAULT_CORPUS_KEY = 't3.newReceived.total';

export function parseCorpusRoute(params: URLSearchParams): CorpusRoute {
  const year = params.get('year');
  const region = params.get('region');
  return {
    name: 'corpus',
    key: params.get('key') || DEFAULT_CORPUS_KEY,
    year: year && /^\d{4}$/.test(year) ? Number(year) : null,
    region: region && /^\d{6}$/.test(region) ? region : null,
    agencies: params.get('agencies') === '1',
  };
}

export function corpusRouteHref(route: CorpusRoute): string {
  const params = new URLSearchParams();
  params.set('key', route.key);
  if (route.year !== null) params.set('year', String(route.year));
  if (route.region) params.set('region', route.region);
  if (route.agencies) params.set('agencies', '1');
  return `#/corpus?${params.toString()}`;
}
