import { invitationRefusal, isPlatformRole, memberRoles, selfRegistrationRole, SELF_REGISTRABLE_KINDS } from './roles';

describe('selfRegistrationRole', () => {
  it('gives a company its enterprise role, a university or institute the tto role', () => {
    expect(selfRegistrationRole('enterprise')).toBe('enterprise');
    expect(selfRegistrationRole('university')).toBe('tto');
    expect(selfRegistrationRole('research_institute')).toBe('tto');
  });

  it('does not let a government body or a manager agency register itself', () => {
    expect(selfRegistrationRole('government')).toBeNull();
    expect(selfRegistrationRole('service_agency')).toBeNull();
    expect(SELF_REGISTRABLE_KINDS).toEqual(['enterprise', 'university', 'research_institute']);
  });

  it('never hands out a platform role', () => {
    for (const kind of SELF_REGISTRABLE_KINDS) expect(isPlatformRole(selfRegistrationRole(kind)!)).toBe(false);
  });
});

describe('memberRoles', () => {
  it('allows admins only in government organisations', () => {
    expect(memberRoles('government')).toContain('admin');
    for (const kind of SELF_REGISTRABLE_KINDS) expect(memberRoles(kind)).not.toContain('admin');
  });

  it('keeps managers out of companies and tech-transfer offices', () => {
    for (const kind of SELF_REGISTRABLE_KINDS) expect(memberRoles(kind)).not.toContain('manager');
  });

  it('includes the self-registration role of every kind that has one', () => {
    for (const kind of SELF_REGISTRABLE_KINDS) expect(memberRoles(kind)).toContain(selfRegistrationRole(kind));
  });
});

describe('invitationRefusal', () => {
  it('allows a role that fits the organisation kind', () => {
    expect(invitationRefusal('tto', 'university', 'tto')).toBeNull();
    expect(invitationRefusal('enterprise', 'enterprise', 'enterprise')).toBeNull();
    expect(invitationRefusal('admin', 'service_agency', 'manager')).toBeNull();
  });

  it('refuses a role that does not fit the organisation kind, naming the allowed ones', () => {
    expect(invitationRefusal('enterprise', 'enterprise', 'tto')).toEqual({
      kind: 'unfit',
      reason: expect.stringMatching(/enterprise/),
    });
    expect(invitationRefusal('tto', 'university', 'manager')).toEqual({
      kind: 'unfit',
      reason: expect.stringMatching(/must be one of tto/),
    });
  });

  it('lets only an admin grant a platform role', () => {
    expect(invitationRefusal('admin', 'government', 'admin')).toBeNull();
    expect(invitationRefusal('admin', 'government', 'manager')).toBeNull();
    expect(invitationRefusal('manager', 'government', 'admin')).toEqual({
      kind: 'not_permitted',
      reason: expect.stringMatching(/only the operator/),
    });
    expect(invitationRefusal('manager', 'service_agency', 'manager')).toEqual({
      kind: 'not_permitted',
      reason: expect.stringMatching(/only the operator/),
    });
  });
});
