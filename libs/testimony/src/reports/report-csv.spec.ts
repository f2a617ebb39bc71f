import { protectCell } from './report-csv';

describe('protectCell: CSV cells a spreadsheet would run as formulas', () => {
  it.each(['=1+1', '+44 121', '-2', '@SUM(A1)', '\tlead', '\rlead'])(
    'defuses %j with a leading apostrophe',
    (cell) => {
      expect(protectCell(cell)).toBe(`'${cell}`);
    },
  );

  it('leaves ordinary text and numbers as they are', () => {
    expect(protectCell('EHC plan delays')).toBe('EHC plan delays');
    expect(protectCell("it's = fine")).toBe("it's = fine");
    expect(protectCell(-3)).toBe(-3);
  });
});
