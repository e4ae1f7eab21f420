import { attachmentType } from './attachment-types';

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
