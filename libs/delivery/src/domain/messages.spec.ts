import {
  absoluteLink,
  composeDigest,
  groupForDigest,
  renderEmail,
  webhookPayload,
  type RenderableNotification,
} from './messages';

function item(id: string, type: RenderableNotification['type'], minute: number): RenderableNotification {
  return {
    id,
    type,
    subject: { type: 'recommendation', id: `r-${id}` },
    title: { zh: `标题${id}`, en: `Title ${id}` },
    body: { zh: `正文${id}`, en: `Body ${id}` },
    link: `/recommendations/r-${id}`,
    data: { score: 0.8 },
    createdAt: new Date(Date.UTC(2026, 0, 1, 8, minute)),
  };
}

describe('absoluteLink', () => {
  it('joins the public URL and the path with one slash', () => {
    expect(absoluteLink('https://kz.example/', '/a/b')).toBe('https://kz.example/a/b');
    expect(absoluteLink('https://kz.example', '/a')).toBe('https://kz.example/a');
  });
});

describe('renderEmail', () => {
  it('has both languages and the absolute link', () => {
    const mail = renderEmail(item('1', 'recommendation.approved', 0), 'https://kz.example');
    expect(mail.subject).toBe('标题1 / Title 1 · 成果快转');
    expect(mail.text).toContain('正文1');
    expect(mail.text).toContain('Body 1');
    expect(mail.text).toContain('https://kz.example/recommendations/r-1');
    expect(mail.text).toContain('https://kz.example/settings/notifications');
  });
});

describe('unsubscribe links', () => {
  const saved = {
    ...item('9', 'saved_search.match', 3),
    data: { unsubscribe: '/saved-searches/unsubscribe?id=s-1&token=t' },
  };

  it('puts the one-click link in an immediate e-mail and beside the item in a digest', () => {
    const link = 'https://kz.example/saved-searches/unsubscribe?id=s-1&token=t';
    expect(renderEmail(saved, 'https://kz.example').text).toContain(`Unsubscribe (one click): ${link}`);
    const digest = composeDigest([saved, item('1', 'recommendation.approved', 0)], 'https://kz.example').text;
    expect(digest.split('Unsubscribe')).toHaveLength(2);
    expect(digest).toContain(`Unsubscribe: ${link}`);
  });

  it('adds none to a notification without one', () => {
    expect(renderEmail(item('1', 'recommendation.approved', 0), 'https://kz.example').text).not.toContain(
      'Unsubscribe',
    );
  });
});

describe('groupForDigest', () => {
  it('groups by type in catalogue order, oldest first within a group', () => {
    const groups = groupForDigest([
      item('a', 'deal.reminder', 5),
      item('b', 'recommendation.approved', 9),
      item('c', 'recommendation.approved', 1),
    ]);
    expect(groups.map((g) => [g.type, g.items.map((i) => i.id)])).toEqual([
      ['recommendation.approved', ['c', 'b']],
      ['deal.reminder', ['a']],
    ]);
  });
});

describe('composeDigest', () => {
  it('lists every item once with its link and counts them in the subject', () => {
    const items = [
      item('1', 'recommendation.approved', 0),
      item('2', 'recommendation.approved', 1),
      item('3', 'connection.made', 2),
    ];
    const mail = composeDigest(items, 'https://kz.example');
    expect(mail.subject).toContain('3');
    for (const one of items) {
      expect(mail.text.split(`标题${one.id} / Title ${one.id}`)).toHaveLength(2);
      expect(mail.text).toContain(`https://kz.example/recommendations/r-${one.id}`);
    }
    expect(mail.text).toContain('推荐已审核通过 / Recommendation approved】（2）');
  });
});

describe('webhookPayload', () => {
  it('carries the delivery id, the type and the notification with an absolute link', () => {
    const payload = webhookPayload('d-1', 'org-1', item('1', 'recommendation.approved', 0), 'https://kz.example');
    expect(payload).toEqual({
      id: 'd-1',
      type: 'recommendation.approved',
      organisationId: 'org-1',
      createdAt: '2026-01-01T08:00:00.000Z',
      notification: {
        id: '1',
        subject: { type: 'recommendation', id: 'r-1' },
        title: { zh: '标题1', en: 'Title 1' },
        body: { zh: '正文1', en: 'Body 1' },
        link: 'https://kz.example/recommendations/r-1',
        data: { score: 0.8 },
      },
    });
  });
});
