import { notificationProblems, type NotificationInput } from './notification-input';

const valid: NotificationInput = {
  type: 'recommendation.approved',
  subject: { type: 'recommendation', id: '7c0e6f0e-4a4b-4f55-9a34-0e9b7d1d0c11' },
  recipients: { organisationIds: ['0b7f6a3e-51f4-4d55-8e0a-9d5c7c6b5a41'] },
  title: { zh: '新的推荐', en: 'New recommendation' },
  body: { zh: '正文', en: 'Body' },
  link: '/recommendations/7c0e6f0e-4a4b-4f55-9a34-0e9b7d1d0c11',
};

describe('notificationProblems', () => {
  it('finds nothing wrong with a complete notification', () => {
    expect(notificationProblems(valid)).toEqual([]);
  });

  it('names each problem', () => {
    const problems = notificationProblems({
      ...valid,
      type: 'no.such' as NotificationInput['type'],
      subject: { type: 'Recommendation', id: '' },
      title: { zh: ' ', en: 'x'.repeat(201) },
      link: '//evil.example/x',
      recipients: { userIds: ['not-a-uuid'] },
    });
    expect(problems).toEqual([
      'type no.such is not a notification type',
      'subject.type must be a short lower-case name',
      'subject.id must be non-empty text',
      'title.zh must be non-empty text',
      'title.en must be at most 200 characters',
      'link must be a portal path starting with a single /',
      'recipients must be UUIDs',
    ]);
  });

  it('needs at least one recipient', () => {
    expect(notificationProblems({ ...valid, recipients: {} })).toEqual([
      'recipients must name at least one user or organisation',
    ]);
  });

  it('refuses oversized data', () => {
    expect(notificationProblems({ ...valid, data: { blob: 'x'.repeat(20_000) } })).toEqual([
      'data must serialise to at most 16384 bytes',
    ]);
  });
});
