import { contentDisposition, exportReport, isExportFormat } from '../../src/export/exportReport';
import { fixtureReport } from './reportFixture';

describe('exportReport', () => {
  it('names the file after agency and year with the format extension and type', () => {
    const report = fixtureReport();
    expect(exportReport(report, 'csv')).toMatchObject({
      contentType: 'text/csv; charset=utf-8',
      filename: '平罗县审批服务管理局-2024.csv',
    });
    expect(exportReport(report, 'json').contentType).toBe('application/json; charset=utf-8');
    expect(exportReport(report, 'markdown').filename).toBe('平罗县审批服务管理局-2024.md');
  });

  it('keeps path separators out of the file name', () => {
    const file = exportReport(fixtureReport({ agency: '../某局/办公室' }), 'json');
    expect(file.filename).not.toMatch(/[/\\]/);
  });

  it('gives each format its own body', () => {
    const report = fixtureReport();
    const bodies = (['csv', 'json', 'markdown'] as const).map((f) =>
      String(exportReport(report, f).body),
    );
    expect(bodies[0].startsWith('\uFEFF')).toBe(true);
    expect(JSON.parse(bodies[1])).toMatchObject({ agency: report.agency, year: 2024 });
    expect(bodies[2].startsWith('# ')).toBe(true);
  });

  it('recognises only the three formats', () => {
    expect(['csv', 'json', 'markdown', 'xlsx', ''].map(isExportFormat)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('contentDisposition', () => {
  it('is an ASCII header value that still carries the Chinese name', () => {
    const header = contentDisposition('平罗县审批服务管理局-2024.csv');
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(header)?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe('平罗县审批服务管理局-2024.csv');
  });
});
