import { uploadedName } from './upload-name';

describe('uploadedName', () => {
  it('restores a UTF-8 name read as Latin-1 and keeps plain names', () => {
    expect(uploadedName(Buffer.from('许可合同.pdf').toString('latin1'))).toBe('许可合同.pdf');
    expect(uploadedName(Buffer.from('成果导入.csv').toString('latin1'))).toBe('成果导入.csv');
    expect(uploadedName('contract.pdf')).toBe('contract.pdf');
    expect(uploadedName('café.pdf')).toBe('café.pdf');
    expect(uploadedName('已是中文.xlsx')).toBe('已是中文.xlsx');
  });
});
