import { standingRefusal, type StandingQuestion } from './standing';

const ask = (overrides: Partial<StandingQuestion>): string | null =>
  standingRefusal({
    role: 'enterprise',
    organisationStatus: 'verified',
    reading: false,
    route: undefined,
    ...overrides,
  });

describe('standingRefusal', () => {
  it('lets a verified organisation do anything its role allows', () => {
    expect(ask({})).toBeNull();
    expect(ask({ role: 'manager' })).toBeNull();
  });

  it('lets a pending company read and prepare drafts, but not act', () => {
    expect(ask({ organisationStatus: 'pending', reading: true })).toBeNull();
    expect(ask({ organisationStatus: 'pending', route: 'draft' })).toBeNull();
    expect(ask({ organisationStatus: 'pending' })).toMatch(/waiting for verification/);
    expect(ask({ organisationStatus: 'pending', route: 'verified' })).toMatch(/waiting for verification/);
  });

  it('leaves a rejected organisation reads and its own profile only', () => {
    expect(ask({ organisationStatus: 'rejected', reading: true })).toBeNull();
    expect(ask({ organisationStatus: 'rejected', route: 'any' })).toBeNull();
    expect(ask({ organisationStatus: 'rejected', route: 'draft' })).toMatch(/rejected or suspended/);
  });

  it("keeps an organisation's own books (routes marked verified) from a pending or rejected one, reads included", () => {
    expect(ask({ organisationStatus: 'pending', reading: true, route: 'verified' })).toMatch(
      /waiting for verification/,
    );
    expect(ask({ organisationStatus: 'rejected', reading: true, route: 'verified' })).toMatch(/rejected or suspended/);
    expect(ask({ reading: true, route: 'verified' })).toBeNull();
  });

  it('gives a manager or admin of an unverified organisation no power at all, reads included', () => {
    for (const role of ['manager', 'admin'] as const) {
      for (const organisationStatus of ['pending', 'rejected'] as const) {
        expect(ask({ role, organisationStatus, reading: true })).toMatch(/not in force/);
        expect(ask({ role, organisationStatus, route: 'draft' })).toMatch(/not in force/);
        expect(ask({ role, organisationStatus, route: 'any' })).toBeNull();
      }
    }
  });
});
