import { Suspense, useEffect, useRef } from 'react';
import { Anchor, AppShell, Box, Burger, Button, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBuildingCommunity,
  IconChartGridDots,
  IconHome,
  IconLayoutDashboard,
  IconLogout,
  IconMicroscope,
  IconNetwork,
  IconRoute,
  IconSettings,
  type Icon,
} from '@tabler/icons-react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../api/auth';
import type { Me } from '../api/types';
import { LoadingState } from '../components/states';
import { LanguageSwitch } from './LanguageSwitch';
import { SkipLink } from './SkipLink';
import { isActive, navItems, type NavItem } from './nav';

const icons: Partial<Record<NavItem['key'], Icon>> = {
  overview: IconHome,
  portfolio: IconChartGridDots,
  plans: IconLayoutDashboard,
  secretariats: IconNetwork,
  theorySearch: IconRoute,
  evaluation: IconMicroscope,
  admin: IconSettings,
};

export function AppLayout({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After navigating, move focus to the new page so screen readers start there.
  useEffect(() => {
    close();
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location.pathname, close]);

  const items = navItems(me);

  const renderItem = (item: NavItem, depth = 0) => {
    const ItemIcon = icons[item.key];
    const active = isActive(item, location.pathname);
    // A parent whose first child is the same page leaves "current page" to the child.
    const exact = location.pathname === item.to && !item.children?.some((c) => c.to === item.to);
    return (
      <div key={item.key + item.to}>
        <NavLink
          component={Link}
          to={item.to}
          label={t(`nav.${item.key}`)}
          active={active && !item.children?.some((c) => isActive(c, location.pathname))}
          aria-current={exact ? 'page' : undefined}
          leftSection={ItemIcon ? <ItemIcon size={20} aria-hidden="true" /> : undefined}
          pl={depth > 0 ? 44 : undefined}
          fw={depth === 0 ? 600 : 400}
          variant="light"
        />
        {item.children && <Stack gap={0}>{item.children.map((c) => renderItem(c, depth + 1))}</Stack>}
      </div>
    );
  };

  return (
    <>
      <SkipLink />
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="lg"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? t('app.closeMenu') : t('app.openMenu')}
                aria-expanded={opened}
                aria-controls="main-nav"
              />
              <Anchor
                component={Link}
                to="/"
                underline="never"
                c="petrol.8"
                fw={750}
                fz="xl"
                aria-label={t('app.home')}
              >
                <Group gap={8} wrap="nowrap">
                  <IconBuildingCommunity size={26} aria-hidden="true" />
                  <span>{t('app.name')}</span>
                </Group>
              </Anchor>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <Text size="sm" visibleFrom="md" c="dimmed">
                {t('app.loggedInAs', { name: me.user.name })}
              </Text>
              <LanguageSwitch />
              <Button
                variant="default"
                size="sm"
                px={{ base: 8, sm: 'md' }}
                leftSection={<IconLogout size={18} aria-hidden="true" />}
                loading={logout.isPending}
                onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login') })}
              >
                <span className="hide-narrow">{t('app.logout')}</span>
              </Button>
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="xs" id="main-nav" aria-label={t('app.mainNav')}>
          <Box style={{ overflowY: 'auto' }}>
            <Stack gap={2}>{items.map((i) => renderItem(i))}</Stack>
          </Box>
        </AppShell.Navbar>

        <AppShell.Main id="main" tabIndex={-1} ref={mainRef} bg="gray.0">
          <Suspense fallback={<LoadingState />}>
            <div style={{ maxWidth: 1280 }}>
              <Outlet />
            </div>
          </Suspense>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
