// The ranked table beside the chart: the same rows in the same order, with the full name, the
// detail line and the link that narrows the view (or opens the report).
import { formatCorpusValue, type CorpusBarItem } from './corpusBars';

export interface CorpusRankTableProps {
  caption: string;
  nameHeader: string;
  valueHeader: string;
  items: readonly CorpusBarItem[];
  isIndicator: boolean;
}

export function CorpusRankTable({
  caption,
  nameHeader,
  valueHeader,
  items,
  isIndicator,
}: CorpusRankTableProps) {
  return (
    <table class="corpus-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">名次</th>
          <th scope="col">{nameHeader}</th>
          <th scope="col" class="number">
            {valueHeader}
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((item, index) => (
          <tr key={item.id} data-id={item.id}>
            <td class="number">{item.value === null ? '—' : index + 1}</td>
            <th scope="row">
              <a href={item.href} title={item.action}>
                {item.label}
              </a>
              <span class="muted corpus-detail">{item.detail}</span>
            </th>
            <td class="number">{formatCorpusValue(item.value, isIndicator)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
