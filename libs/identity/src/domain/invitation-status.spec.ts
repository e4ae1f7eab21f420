import { invitationStatus, type InvitationState } from './invitation-status';

const now = new Date('2026-03-01T10:00:00Z');
const before = new Date('2026-02-28T10:00:00Z');
const after = new Date('2026-03-05T10:00:00Z');
const fresh: InvitationState = { sentAt: null, acceptedAt: null, revokedAt: null, expiresAt: after };

describe('invitationStatus', () => {
  it('is pending until the e-mail goes out, then sent', () => {
    expect(invitationStatus(fresh, now)).toBe('pending');
    expect(invitationStatus({ ...fresh, sentAt: before }, now)).toBe('sent');
  });

  it('is accepted once accepted, whatever else happened later', () => {
    expect(invitationStatus({ ...fresh, sentAt: before, acceptedAt: before, expiresAt: before }, now)).toBe('accepted');
  });

  it('is revoked before it is expired', () => {
    expect(invitationStatus({ ...fresh, revokedAt: before, expiresAt: before }, now)).toBe('revoked');
  });

  it('expires at its expiry instant', () => {
    expect(invitationStatus({ ...fresh, sentAt: before, expiresAt: now }, now)).toBe('expired');
  });
});
