import { addressRefusal, targetPolicy, urlRefusal } from './target-address';

describe('targetPolicy', () => {
  it('is strict in production only', () => {
    expect(targetPolicy('production')).toBe('strict');
    expect(targetPolicy('test')).toBe('allow-loopback');
    expect(targetPolicy('development')).toBe('allow-loopback');
  });
});

describe('addressRefusal', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '::1',
    '[::1]',
    '::ffff:127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    '::ffff:10.0.0.1',
  ])('refuses %s in production', (address) => {
    expect(addressRefusal(address, 'strict')).toEqual(expect.any(String));
  });

  it.each(['93.184.216.34', '172.32.0.1', '8.8.8.8', '2606:4700:4700::1111'])('accepts %s', (address) => {
    expect(addressRefusal(address, 'strict')).toBeNull();
  });

  it('accepts loopback, and only loopback, under allow-loopback', () => {
    expect(addressRefusal('127.0.0.1', 'allow-loopback')).toBeNull();
    expect(addressRefusal('::1', 'allow-loopback')).toBeNull();
    expect(addressRefusal('10.0.0.1', 'allow-loopback')).toMatch(/private or reserved/);
    expect(addressRefusal('169.254.169.254', 'allow-loopback')).toMatch(/private or reserved/);
  });

  it('says when the text is not an address', () => {
    expect(addressRefusal('example.com', 'strict')).toMatch(/not an IP address/);
  });
});

describe('urlRefusal', () => {
  it('accepts public http and https URLs', () => {
    expect(urlRefusal('https://hooks.example.com/kuaizhuan', 'strict')).toBeNull();
    expect(urlRefusal('http://203.0.114.7:8080/in', 'strict')).toBeNull();
  });

  it('refuses other schemes, credentials and malformed text', () => {
    expect(urlRefusal('ftp://example.com/x', 'strict')).toMatch(/http or https/);
    expect(urlRefusal('file:///etc/passwd', 'strict')).toMatch(/http or https/);
    expect(urlRefusal('https://user:pw@example.com/', 'strict')).toMatch(/user name or password/);
    expect(urlRefusal('not a url', 'strict')).toMatch(/absolute/);
  });

  it('refuses localhost and private literals in production, and allows loopback in test', () => {
    expect(urlRefusal('http://localhost:3000/hook', 'strict')).toMatch(/localhost/);
    expect(urlRefusal('http://api.localhost/hook', 'strict')).toMatch(/localhost/);
    expect(urlRefusal('http://127.0.0.1:9000/hook', 'strict')).toMatch(/loopback/);
    expect(urlRefusal('http://[::1]:9000/hook', 'strict')).toMatch(/loopback/);
    expect(urlRefusal('http://10.0.0.5/hook', 'strict')).toMatch(/private/);
    expect(urlRefusal('http://127.0.0.1:9000/hook', 'allow-loopback')).toBeNull();
    expect(urlRefusal('http://localhost:9000/hook', 'allow-loopback')).toBeNull();
    expect(urlRefusal('http://192.168.0.2/hook', 'allow-loopback')).toMatch(/private/);
  });
});
