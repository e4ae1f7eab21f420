import { attachmentType, uploadedName } from './attachment-types';

describe('attachmentType', () => {
  it('recognises a PDF by its content and name', () => {
    expect(attachmentType('合同.PDF', Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
  });

  it('refuses a renamed file and an unknown kind', () => {
    expect(attachmentType('contract.pdf', Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(attachmentType('tool.exe', Buffer.from('%PDF-1.7'))).toBeNull();
    expect(attachmentType('empty.pdf', Buffer.alloc(0))).toBeNull();
  });
});

describe('uploadedName', () => {
  it('restores a UTF-8 name read as Latin-1 and keeps plain names', () => {
    expect(uploadedName(Buffer.from('许可合同.pdf').toString('latin1'))).toBe('许可合同.pdf');
    expect(uploadedName('contract.pdf')).toBe('contract.pdf');
    expect(uploadedName('café.pdf')).toBe('café.pdf');
  });
});
