// Collects a logger's JSON lines in memory.
export interface LogCapture {
  write(line: string): void;
  lines(): Array<Record<string, unknown>>;
}

export function logCapture(): LogCapture {
  const raw: string[] = [];
  return {
    write: (line) => {
      raw.push(line);
    },
    lines: () =>
      raw
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
