// The narrative of the project's seed report, read from the shared corpus at run time.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractNarrative } from '../../src/domain/narrative/extractNarrative';
import { corpusPresent, SHARED_CORPUS_DIR } from '../support/sharedCorpus';

const SEED = path.join(SHARED_CORPUS_DIR, '2024_pingluo-xian-shenpiju_seed.md');
const available = corpusPresent('seed narrative tests', '2024_pingluo-xian-shenpiju_seed.md');
const describeSeed = available ? describe : describe.skip;

describeSeed('narrative of the seed report', () => {
  const lines = available ? readFileSync(SEED, 'utf8').split(/\r?\n/) : [];
  const narrative = extractNarrative(lines);
  const { sections, figures } = narrative;

  it('keeps the six parts with their sub-parts', () => {
    const ids = sections.map((s) => s.id);
    expect(ids.filter((id) => !id.includes('.'))).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(ids).toEqual(
      expect.arrayContaining(['1.1', '1.2', '1.3', '1.4', '1.5', '5.1', '5.2', '6.1']),
    );
    expect(sections.find((s) => s.id === '1.2')?.heading).toBe('（二）依申请公开办理情况');
  });

  it('finds 352 条 in section 1.1 with its sentence and source position', () => {
    const figure = figures.find((f) => f.sectionId === '1.1' && f.value === '352');
    expect(figure).toMatchObject({ unit: '条', raw: '352 条' });
    expect(figure?.key).toMatch(/^n\.1\.1\.\d+$/);
    expect(figure?.sentence).toMatch(/^全年通过政府网站公开信息 352 条，.*。$/);
    const line = lines[(figure?.source?.line ?? 0) - 1];
    expect(line.slice((figure?.source?.column ?? 0) - 1)).toMatch(/^352 条/);
  });

  it('finds percentages and bold-split numbers with exact values', () => {
    expect(figures.find((f) => f.value === '99.91')).toMatchObject({ unit: '%', sectionId: '6.1' });
    expect(figures.find((f) => f.unit === '万余次')).toMatchObject({ value: '2' });
    expect(figures.find((f) => f.value === '16723.4')).toMatchObject({ unit: '万元' });
  });

  it('does not take years, the hotline number or the phone number for figures', () => {
    const values = new Set(figures.map((f) => f.value));
    for (const notFigure of ['2024', '2023', '12345', '0952', '6095395'])
      expect(values.has(notFigure)).toBe(false);
  });

  it('keeps table parts free of table cells', () => {
    for (const id of ['2', '3', '4']) expect(sections.find((s) => s.id === id)?.text).toBe('');
    expect(figures.some((f) => ['2', '3', '4'].includes(f.sectionId.split('.')[0]))).toBe(false);
  });

  it('gives the same keys on a second run', () => {
    const again = extractNarrative(lines);
    expect(again.figures.map((f) => [f.key, f.value, f.unit])).toEqual(
      figures.map((f) => [f.key, f.value, f.unit]),
    );
    expect(new Set(figures.map((f) => f.key)).size).toBe(figures.length);
  });
});
