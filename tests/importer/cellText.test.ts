// One cell's raw text: numbers (full-width, thousands separators), markers, blanks, and text
// that must not be read as a number.
import { parseCellText } from '../../src/domain/importer/cells';

describe('parseCellText', () => {
  it('reads numbers, full-width digits and thousands separators', () => {
    expect(parseCellText('352')).toEqual({ kind: 'number', value: '352', marker: null });
    expect(parseCellText('３５２')).toMatchObject({ kind: 'number', value: '352' });
    expect(parseCellText('1,234')).toMatchObject({ kind: 'number', value: '1234' });
    expect(parseCellText(' 28.488564 ')).toMatchObject({ kind: 'number', value: '28.488564' });
  });

  it('keeps markers and blanks apart from zero', () => {
    expect(parseCellText('／')).toEqual({ kind: 'marker', value: null, marker: '/' });
    expect(parseCellText('—')).toMatchObject({ kind: 'marker', marker: '—' });
    expect(parseCellText('  ')).toEqual({ kind: 'blank', value: null, marker: null });
    expect(parseCellText('0')).toMatchObject({ kind: 'number', value: '0' });
  });

  it('does not join digits split by a space, page or line break into one number', () => {
    for (const raw of ['2\f972', '2\r972', '2\n972', '１\f0', '5 917.5', '1　000']) {
      expect(parseCellText(raw)).toEqual({ kind: 'invalid', value: null, marker: null });
    }
  });
});
