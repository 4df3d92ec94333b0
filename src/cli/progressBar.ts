// Progress for long CLI runs, on stderr so stdout stays a clean summary for pipes. On a
// terminal the bar redraws in place; in a log or CI (not a TTY) carriage returns would turn
// into noise, so each finished item gets one plain line instead.

/** A writable text stream; process.stderr satisfies it (isTTY and columns come from tty). */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressBar {
  /** An item begins (shown on a terminal only). */
  start(label: string): void;
  /** An item ended with `outcome` (e.g. "imported", "failed: …"). */
  complete(label: string, outcome: string): void;
  /** Ends the bar's line; call once after the last item. */
  finish(): void;
}

const CLEAR_LINE = '\r\u001b[K';
const BAR_WIDTH = 24;

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0x300 && code < 0x370)) continue;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** Cuts `text` to at most `width` columns, marking the cut with an ellipsis. */
export function truncateToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let result = '';
  for (const char of text) {
    if (displayWidth(result + char) > width - 1) break;
    result += char;
  }
  return `${result}…`;
}

/** Pads `text` with spaces to `width` columns. */
export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** `12.5/s` items per second since the start, or '' before the first item completed. */
function rateText(completed: number, elapsedMs: number): string {
  if (completed === 0 || elapsedMs <= 0) return '';
  const perSecond = (completed * 1000) / elapsedMs;
  return `${perSecond >= 10 ? perSecond.toFixed(0) : perSecond.toFixed(1)}/s`;
}

/** `ETA 1m05s` from the rate so far, or '' when it cannot be told yet. */
function etaText(completed: number, total: number, elapsedMs: number): string {
  if (completed === 0 || completed >= total) return '';
  const seconds = Math.round(((total - completed) * elapsedMs) / completed / 1000);
  const minutes = Math.floor(seconds / 60);
  return `ETA ${minutes > 0 ? `${minutes}m${String(seconds % 60).padStart(2, '0')}s` : `${seconds}s`}`;
}

export function createProgressBar(
  stream: ProgressStream,
  total: number,
  now: () => number = () => performance.now(),
): ProgressBar {
  let completed = 0;
  let drawn = false;
  const startedAt = now();
  // "3/10 2.5/s ETA 3s": how far, how fast, how long still.
  const counter = (): string => {
    const elapsed = now() - startedAt;
    return [
      `${completed}/${total}`,
      rateText(completed, elapsed),
      etaText(completed, total, elapsed),
    ]
      .filter((part) => part !== '')
      .join(' ');
  };

  if (!stream.isTTY) {
    return {
      start() {},
      complete(label, outcome) {
        completed += 1;
        stream.write(`[${completed}/${total}] ${label}: ${outcome}\n`);
      },
      finish() {},
    };
  }

  const draw = (label: string): void => {
    const filled = total === 0 ? BAR_WIDTH : Math.round((completed / total) * BAR_WIDTH);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${counter()} `;
    const room = Math.max(10, (stream.columns ?? 80) - displayWidth(bar) - 1);
    stream.write(CLEAR_LINE + bar + truncateToWidth(label, room));
    drawn = true;
  };
  return {
    start(label) {
      draw(label);
    },
    complete(label, outcome) {
      completed += 1;
      draw(`${label}: ${outcome}`);
    },
    finish() {
      // Leave the finished bar on screen and move below it.
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}
