// `npm run -s cli -- parse file | head -1`: the reader closes the pipe before the CLI has
// written everything. The real process is started, as npm runs it (tsx src/cli.ts), with its
// stdout a pipe whose reading end is closed before the first byte is read.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { narrativeReportDocument } from '../export/narrativeReportDocument';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

function runWithClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [path.join(ROOT, 'src/cli.ts'), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Like `head` after its line: nobody reads stdout any more.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('cli output to a closed pipe (unit, child process)', () => {
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'nianbao-pipe-'));
    await writeFile(path.join(folder, 'report.txt'), narrativeReportDocument());
  });

  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('given stdout closed by the reader, when parse writes its JSON, then it exits 0 without a stack trace', async () => {
    const { code, stderr } = await runWithClosedStdout(['parse', path.join(folder, 'report.txt')]);
    expect(stderr).not.toMatch(/EPIPE|Unhandled 'error' event|\n\s+at /);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 60_000);

  it('given stdout closed by the reader, when help is printed, then it exits 0 quietly too', async () => {
    const { code, stderr } = await runWithClosedStdout(['export', '--help']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 60_000);
});
