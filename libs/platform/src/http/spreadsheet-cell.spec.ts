import { csvLine, spreadsheetText } from './spreadsheet-cell';

describe('spreadsheetText', () => {
  it('turns every formula-leading cell into text', () => {
    for (const cell of ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(1)', '\t=1', '\r=1']) {
      expect(spreadsheetText(cell)).toBe(`'${cell}`);
    }
  });

  it('leaves other text alone', () => {
    for (const cell of ['镁合金', 'CQU-2026-001', '1+1', ' =not leading', '']) expect(spreadsheetText(cell)).toBe(cell);
  });
});

describe('csvLine', () => {
  it('neutralises, then quotes cells that need it', () => {
    expect(csvLine(['title', '=1+1', 'a,b', 'say "hi"'])).toBe(`title,'=1+1,"a,b","say ""hi"""`);
  });
});
