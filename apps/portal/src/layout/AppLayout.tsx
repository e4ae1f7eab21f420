import { Badge, Button, Dropdown, Layout, Menu, Space, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../api/client';
import { useAuth, useMe } from '../auth/AuthContext';
import { currentLanguage, setLanguage } from '../i18n';
import { NAV } from './nav';

/** The signed-in frame: the role's menu, the inbox bell, language switch and sign-out. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const items = NAV[me.user.role];
  const unread = useQuery({
    queryKey: ['inbox', 'unread'],
    queryFn: () => api<{ unread: number }>('/inbox/unread-count'),
    refetchInterval: 30_000,
  });
  // News in the inbox means a listing or deal changed elsewhere: the lists on screen refetch.
  const queryClient = useQueryClient();
  const lastUnread = useRef<number | undefined>(undefined);
  const unreadNow = unread.data?.unread;
  useEffect(() => {
    const before = lastUnread.current;
    lastUnread.current = unreadNow;
    if (before === undefined || unreadNow === undefined || unreadNow <= before) return;
    for (const key of ['needs', 'achievements', 'deals', 'connections']) {
      void queryClient.invalidateQueries({ queryKey: [key] });
    }
    void queryClient.invalidateQueries({ queryKey: ['inbox'], exact: false });
  }, [unreadNow, queryClient]);
  // The longest menu path that prefixes the current one is the selected entry.
  const selected =
    items.find((item) => item.also?.some((pattern) => pattern.test(location.pathname)))?.path ??
    items
      .filter(
        (item) => item.path === location.pathname || (item.path !== '/' && location.pathname.startsWith(item.path)),
      )
      .sort((a, b) => b.path.length - a.path.length)[0]?.path;

  return (
    <Layout className="app-layout">
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light" width={208}>
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <Menu
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          items={items.map((item) => ({ key: item.path, label: <Link to={item.path}>{t(`nav.${item.label}`)}</Link> }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Typography.Text type="secondary" className="org-name">
            {me.organisation.name}
          </Typography.Text>
          <Space size="middle">
            <Link to="/inbox" aria-label={t('nav.inbox')}>
              <Badge count={unread.data?.unread ?? 0} size="small" data-testid="unread-badge">
                <span className="bell">✉</span>
              </Badge>
            </Link>
            <Button size="small" onClick={() => setLanguage(currentLanguage() === 'zh' ? 'en' : 'zh')}>
              {t('common.language')}
            </Button>
            <Dropdown
              menu={{
                items: [
                  { key: 'team', label: <Link to="/team">{t('nav.team')}</Link> },
                  {
                    key: 'out',
                    label: t('nav.signOut'),
                    onClick: () => void signOut().then(() => navigate('/login')),
                  },
                ],
              }}
            >
              <Button type="text" data-testid="user-menu">
                <span className="user-menu-label">
                  {me.user.displayName} · {t(`roles.${me.user.role}`)}
                </span>
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
