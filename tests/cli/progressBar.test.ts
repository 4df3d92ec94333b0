// The import progress bar on a terminal: how far, how fast, and how long still.
import { createProgressBar } from '../../src/cli/progressBar';

function terminal() {
  let text = '';
  return {
    stream: { write: (chunk: string) => (text += chunk), isTTY: true, columns: 120 },
    lastLine: () => text.split('\r\u001b[K').pop() ?? '',
  };
}

describe('progress bar (unit)', () => {
  it('given 10 documents on a terminal, when 4 finished in 2 s, then it shows 4/10, 2.0/s and ETA 3s', () => {
    let clock = 0;
    const out = terminal();
    const bar = createProgressBar(out.stream, 10, () => clock);
    for (let n = 1; n <= 4; n++) {
      clock = n * 500;
      bar.complete(`doc${n}.md`, 'imported');
    }
    expect(out.lastLine()).toContain('4/10 2.0/s ETA 3s doc4.md: imported');
  });

  it('given a slow run, when the rest would take over a minute, then the ETA reads in minutes', () => {
    let clock = 0;
    const out = terminal();
    const bar = createProgressBar(out.stream, 100, () => clock);
    clock = 10_000;
    bar.complete('doc1.md', 'imported');
    expect(out.lastLine()).toContain('1/100 0.1/s ETA 16m30s');
  });

  it('given the last document finished, then there is no ETA, only the rate', () => {
    let clock = 0;
    const out = terminal();
    const bar = createProgressBar(out.stream, 2, () => clock);
    clock = 1000;
    bar.complete('a.md', 'imported');
    clock = 2000;
    bar.complete('b.md', 'imported');
    expect(out.lastLine()).toContain('2/2 1.0/s b.md: imported');
    expect(out.lastLine()).not.toContain('ETA');
  });
});
