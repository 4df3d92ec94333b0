// The import command prints, per re-imported file, how many cells were applied, kept, proposed
// and unchanged; --verbose lists the keys and the re-import warnings. An HTTP payload's
// `reimport` is read into the same counts.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runImportCommandWith } from '../../src/cli/importCommand';
import {
  importResultFromPayload,
  type ImportResultWithReimport,
} from '../../src/cli/httpReportImporter';
import type { ReportImporter } from '../../src/cli/reportImporter';
import { bufferedIo } from './cliTestIo';

let root: string;
let file: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'nianbao-reimport-'));
  file = path.join(root, 'a.md');
  await writeFile(file, '报告');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const reimported: ImportResultWithReimport = {
  reportId: 'r',
  agency: '甲局',
  year: 2024,
  revision: 13,
  figureCount: 200,
  warnings: [],
  failedRuleCount: 0,
  unchanged: false,
  reimport: {
    applied: 1,
    kept: 2,
    proposed: 1,
    unchanged: 196,
    appliedKeys: ['t2.fees.amount'],
    keptKeys: ['t2.normativeDocs.repealed', 't2.normativeDocs.inForce'],
    proposedKeys: ['t3.granted.total'],
    warnings: ['the new document leaves 2 known value(s) blank or ambiguous; they are kept'],
  },
};

const importer: ReportImporter = { importDocument: async () => reimported };

describe('import command re-import counts (unit)', () => {
  it('given a re-import, when the command runs, then it prints the counts per file', async () => {
    const io = bufferedIo();
    expect(await runImportCommandWith([file, '--reason=r'], io, importer)).toBe(0);
    expect(io.out()).toContain(`${file}: re-import 1 applied, 2 kept, 1 proposed, 196 unchanged`);
    expect(io.out()).not.toContain('t2.normativeDocs.repealed');
  });

  it('given a re-import, when the command runs, then its status says re-imported, and whether a figure changed', async () => {
    const io = bufferedIo();
    expect(await runImportCommandWith([file, '--reason=r'], io, importer)).toBe(0);
    expect(io.out()).toContain('re-imported (revision 13)');
    expect(io.out()).not.toContain('no figure changed');
    const keptOnly: ImportResultWithReimport = {
      ...reimported,
      reimport: { ...reimported.reimport!, applied: 0, appliedKeys: [] },
    };
    const quiet = bufferedIo();
    const keeping: ReportImporter = { importDocument: async () => keptOnly };
    expect(await runImportCommandWith([file, '--reason=r'], quiet, keeping)).toBe(0);
    expect(quiet.out()).toContain('re-imported (revision 13), no figure changed');
    expect(quiet.out()).not.toMatch(/(^|\s)imported \(revision/);
  });

  it('given a re-import, when the command runs with --verbose, then it lists the keys and warnings', async () => {
    const io = bufferedIo();
    expect(await runImportCommandWith([file, '--reason=r', '--verbose'], io, importer)).toBe(0);
    expect(io.out()).toContain('  kept: t2.normativeDocs.repealed, t2.normativeDocs.inForce');
    expect(io.out()).toContain('  proposed: t3.granted.total');
    expect(io.out()).toContain('  applied: t2.fees.amount');
    expect(io.out()).toContain('  warning: the new document leaves 2 known value(s)');
  });

  it('given an importReport payload with reimport, when it is read, then the counts and keys are kept', () => {
    const result = importResultFromPayload({
      replayed: false,
      created: false,
      changes: [{ eventId: 'e' }],
      report: {
        id: 'r',
        agency: { name: '甲局' },
        year: 2024,
        revision: 3,
        failedRuleCount: 0,
        figures: [],
      },
      warnings: [],
      reimport: {
        applied: 0,
        kept: 1,
        proposed: 2,
        unchanged: 3,
        appliedKeys: [],
        keptKeys: ['t2.a'],
        proposedCells: [{ key: 't3.b' }, { key: 't3.c' }],
        warnings: ['w'],
      },
    });
    expect(result.reimport).toEqual({
      applied: 0,
      kept: 1,
      proposed: 2,
      unchanged: 3,
      appliedKeys: [],
      keptKeys: ['t2.a'],
      proposedKeys: ['t3.b', 't3.c'],
      warnings: ['w'],
    });
  });
});
