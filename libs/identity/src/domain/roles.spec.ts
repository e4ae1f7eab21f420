import { invitationRefusal, memberRoles, selfRegistrationRole, SELF_REGISTRABLE_KINDS } from './roles';

describe('selfRegistrationRole', () => {
  it('gives a company its enterprise role, a university or institute the tto role, an agency the manager role', () => {
    expect(selfRegistrationRole('enterprise')).toBe('enterprise');
    expect(selfRegistrationRole('university')).toBe('tto');
    expect(selfRegistrationRole('research_institute')).toBe('tto');
    expect(selfRegistrationRole('service_agency')).toBe('manager');
  });

  it('does not let a government body register itself', () => {
    expect(selfRegistrationRole('government')).toBeNull();
    expect(SELF_REGISTRABLE_KINDS).not.toContain('government');
  });
});

describe('memberRoles', () => {
  it('allows admins only in government organisations', () => {
    expect(memberRoles('government')).toContain('admin');
    for (const kind of SELF_REGISTRABLE_KINDS) expect(memberRoles(kind)).not.toContain('admin');
  });

  it('includes the self-registration role of every kind that has one', () => {
    for (const kind of SELF_REGISTRABLE_KINDS) expect(memberRoles(kind)).toContain(selfRegistrationRole(kind));
  });
});

describe('invitationRefusal', () => {
  it('allows a role that fits the organisation kind', () => {
    expect(invitationRefusal('tto', 'university', 'manager')).toBeNull();
    expect(invitationRefusal('enterprise', 'enterprise', 'enterprise')).toBeNull();
  });

  it('refuses a role that does not fit the organisation kind, naming the allowed ones', () => {
    expect(invitationRefusal('enterprise', 'enterprise', 'tto')).toEqual({
      kind: 'unfit',
      reason: expect.stringMatching(/enterprise/),
    });
    expect(invitationRefusal('admin', 'university', 'admin')?.reason).toMatch(/tto, manager/);
  });

  it('lets only an admin invite an admin', () => {
    expect(invitationRefusal('admin', 'government', 'admin')).toBeNull();
    expect(invitationRefusal('manager', 'government', 'admin')).toEqual({
      kind: 'not_permitted',
      reason: expect.stringMatching(/only an admin/),
    });
  });
});
