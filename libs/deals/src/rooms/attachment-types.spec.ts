import writeXlsxFile from 'write-excel-file/node';
import { attachmentType } from './attachment-types';

describe('attachmentType', () => {
  it('recognises a PDF by its content and name', async () => {
    await expect(attachmentType('合同.PDF', Buffer.from('%PDF-1.7\n'))).resolves.toBe('application/pdf');
  });

  it('refuses a renamed file and an unknown kind', async () => {
    await expect(attachmentType('contract.pdf', Buffer.from('MZ\x90\x00'))).resolves.toBeNull();
    await expect(attachmentType('tool.exe', Buffer.from('%PDF-1.7'))).resolves.toBeNull();
    await expect(attachmentType('empty.pdf', Buffer.alloc(0))).resolves.toBeNull();
  });

  it('accepts a real workbook but not bytes that only start with the ZIP signature', async () => {
    const workbook = await writeXlsxFile([[{ value: '估值' }]]).toBuffer();
    await expect(attachmentType('估值表.xlsx', workbook)).resolves.toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    // A workbook is not a Word document, whatever its name says.
    await expect(attachmentType('合同.docx', workbook)).resolves.toBeNull();
    const fake = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.from('xl/workbook.xml and nothing else'),
    ]);
    await expect(attachmentType('fake.xlsx', fake)).resolves.toBeNull();
  });
});
