import {
  deliveryKey,
  effectivePreference,
  mergePreference,
  planDeliveries,
  selectRecipients,
  webhookOrganisations,
  type CandidateUser,
} from './plan';

const subject = { type: 'recommendation', id: 'r-1' };

function user(id: string, organisationId: string, role: CandidateUser['role'], active = true): CandidateUser {
  return { id, organisationId, role, active };
}

describe('deliveryKey', () => {
  it('names type, subject, channel and recipient', () => {
    expect(deliveryKey('recommendation.approved', subject, 'email', { kind: 'user', id: 'u-1' })).toBe(
      'recommendation.approved|recommendation:r-1|email|user:u-1',
    );
  });

  it('differs when any part differs, and only then', () => {
    const base = deliveryKey('recommendation.approved', subject, 'email', { kind: 'user', id: 'u-1' });
    expect(deliveryKey('recommendation.approved', { ...subject }, 'email', { kind: 'user', id: 'u-1' })).toBe(base);
    const others = [
      deliveryKey('connection.made', subject, 'email', { kind: 'user', id: 'u-1' }),
      deliveryKey('recommendation.approved', { type: 'recommendation', id: 'r-2' }, 'email', {
        kind: 'user',
        id: 'u-1',
      }),
      deliveryKey('recommendation.approved', subject, 'inbox', { kind: 'user', id: 'u-1' }),
      deliveryKey('recommendation.approved', subject, 'email', { kind: 'user', id: 'u-2' }),
      deliveryKey('recommendation.approved', subject, 'webhook', { kind: 'endpoint', id: 'u-1' }),
    ];
    expect(new Set([base, ...others]).size).toBe(6);
  });
});

describe('effectivePreference', () => {
  it('defaults to inbox and immediate e-mail', () => {
    expect(effectivePreference(undefined)).toEqual({ inbox: true, email: true, emailMode: 'immediate' });
  });

  it('takes the e-mail mode of the type for users who chose nothing', () => {
    expect(effectivePreference(undefined, 'digest')).toEqual({
      inbox: true,
      email: true,
      emailMode: 'digest',
    });
    expect(effectivePreference({ emailMode: 'immediate' }, 'digest').emailMode).toBe('immediate');
  });

  it('keeps what the user chose', () => {
    expect(effectivePreference({ inbox: false, email: true, emailMode: 'digest' })).toEqual({
      inbox: false,
      email: true,
      emailMode: 'digest',
    });
  });
});

describe('mergePreference', () => {
  it('changes only the fields given', () => {
    const current = { inbox: false, email: true, emailMode: 'digest' as const };
    expect(mergePreference(current, { email: false })).toEqual({ inbox: false, email: false, emailMode: 'digest' });
    expect(mergePreference(current, { emailMode: undefined })).toEqual(current);
  });

  it('keeps nothing but the three choices', () => {
    const stored = { userId: 'u-1', type: 'deal.reminder', inbox: true, email: false, emailMode: 'immediate' as const };
    expect(effectivePreference(stored)).toEqual({ inbox: true, email: false, emailMode: 'immediate' });
  });
});

describe('selectRecipients', () => {
  const candidates = [
    user('u-3', 'org-a', 'enterprise'),
    user('u-1', 'org-a', 'enterprise'),
    user('u-2', 'org-a', 'enterprise', false),
    user('u-4', 'org-b', 'manager'),
    user('u-5', 'org-b', 'tto'),
  ];

  it('takes named users and audience members of named organisations, once each, in id order', () => {
    const chosen = selectRecipients(candidates, {
      userIds: ['u-4', 'u-1'],
      organisationIds: ['org-a', 'org-b'],
      roles: ['enterprise', 'tto'],
    });
    expect(chosen.map((u) => u.id)).toEqual(['u-1', 'u-3', 'u-4', 'u-5']);
  });

  it('leaves out disabled users even when named', () => {
    const chosen = selectRecipients(candidates, { userIds: ['u-2'], organisationIds: [], roles: [] });
    expect(chosen).toEqual([]);
  });

  it('leaves out organisation members outside the audience', () => {
    const chosen = selectRecipients(candidates, { userIds: [], organisationIds: ['org-b'], roles: ['tto'] });
    expect(chosen.map((u) => u.id)).toEqual(['u-5']);
  });
});

describe('webhookOrganisations', () => {
  it('is the named organisations and those of the recipients', () => {
    const recipients = [user('u-1', 'org-a', 'enterprise'), user('u-4', 'org-c', 'manager')];
    expect(webhookOrganisations(recipients, { userIds: [], organisationIds: ['org-b', 'org-a'], roles: [] })).toEqual([
      'org-a',
      'org-b',
      'org-c',
    ]);
  });
});

describe('planDeliveries', () => {
  it('plans inbox and e-mail per user by preference and one webhook per endpoint', () => {
    const planned = planDeliveries({
      type: 'recommendation.approved',
      subject,
      recipients: [user('u-1', 'org-a', 'enterprise'), user('u-2', 'org-b', 'tto'), user('u-3', 'org-b', 'tto')],
      preferences: new Map([
        ['u-2', { inbox: true, email: true, emailMode: 'digest' as const }],
        ['u-3', { inbox: false, email: false, emailMode: 'immediate' as const }],
      ]),
      endpoints: [{ id: 'e-1', orgId: 'org-a' }],
    });
    expect(planned.map((p) => [p.channel, p.userId ?? p.endpointId, p.orgId, p.emailMode])).toEqual([
      ['inbox', 'u-1', 'org-a', null],
      ['email', 'u-1', 'org-a', 'immediate'],
      ['inbox', 'u-2', 'org-b', null],
      ['email', 'u-2', 'org-b', 'digest'],
      ['webhook', 'e-1', 'org-a', null],
    ]);
    expect(new Set(planned.map((p) => p.idempotencyKey)).size).toBe(planned.length);
    expect(planned[4].idempotencyKey).toBe('recommendation.approved|recommendation:r-1|webhook|endpoint:e-1');
  });
});
