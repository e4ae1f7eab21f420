import { licenceType } from './licence-file';

describe('licenceType', () => {
  it('knows PDF, PNG and JPEG by their first bytes', () => {
    expect(licenceType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(licenceType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(licenceType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
  });

  it('refuses anything else, whatever it is called', () => {
    expect(licenceType(Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(licenceType(Buffer.from('<html>'))).toBeNull();
    expect(licenceType(Buffer.alloc(0))).toBeNull();
  });
});
