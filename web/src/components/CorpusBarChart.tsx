// Horizontal bars, one per region or agency, drawn as SVG by hand: every bar is a link (a
// narrower view or a report), so it can be focused with the keyboard, read by a screen reader
// and clicked in a test like any link, which a canvas chart cannot offer without hit-testing.
import { formatCorpusValue, type CorpusBarItem } from './corpusBars';

export interface CorpusBarChartProps {
  title: string;
  items: readonly CorpusBarItem[];
  isIndicator: boolean;
}

const ROW_HEIGHT = 30;
const BAR_HEIGHT = 20;
const LABEL_WIDTH = 220;
const VALUE_WIDTH = 110;
const WIDTH = 900;
const BAR_AREA = WIDTH - LABEL_WIDTH - VALUE_WIDTH;

/** Labels longer than this are cut with an ellipsis; the full name is in the table and title. */
const LABEL_CHARS = 14;

export function CorpusBarChart({ title, items, isIndicator }: CorpusBarChartProps) {
  const largest = Math.max(0, ...items.map((item) => Math.abs(item.value ?? 0)));
  const height = Math.max(1, items.length) * ROW_HEIGHT + 8;
  return (
    <figure class="corpus-chart">
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="group"
        aria-label={title}
        preserveAspectRatio="xMinYMin meet"
      >
        {items.map((item, row) => {
          const y = row * ROW_HEIGHT + 4;
          const length =
            item.value === null || largest === 0
              ? 0
              : Math.max(2, (Math.abs(item.value) / largest) * BAR_AREA);
          const label =
            item.label.length > LABEL_CHARS
              ? `${item.label.slice(0, LABEL_CHARS - 1)}…`
              : item.label;
          const valueText = formatCorpusValue(item.value, isIndicator);
          return (
            <a
              key={item.id}
              href={item.href}
              class="corpus-bar"
              data-id={item.id}
              aria-label={`${item.label}：${valueText}，${item.action}`}
            >
              <title>{`${item.label}：${valueText}（${item.action}）`}</title>
              <rect class="corpus-bar-hit" x={0} y={y - 3} width={WIDTH} height={ROW_HEIGHT} />
              <text class="corpus-bar-label" x={LABEL_WIDTH - 8} y={y + BAR_HEIGHT / 2}>
                {label}
              </text>
              <rect
                class={
                  item.value !== null && item.value < 0
                    ? 'corpus-bar-fill negative'
                    : 'corpus-bar-fill'
                }
                x={LABEL_WIDTH}
                y={y}
                width={length}
                height={BAR_HEIGHT}
                rx={2}
              />
              <text class="corpus-bar-value" x={LABEL_WIDTH + length + 6} y={y + BAR_HEIGHT / 2}>
                {valueText}
              </text>
            </a>
          );
        })}
      </svg>
    </figure>
  );
}
