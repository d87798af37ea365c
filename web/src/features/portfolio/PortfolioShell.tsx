import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth';
import { Page } from '../../components/Page';
import classes from './PortfolioTabs.module.css';
import { portfolioFiltersFromParams, portfolioFiltersToSearch } from './usePortfolioFilters';

export type PortfolioTabKey =
  | 'overview'
  | 'indicators'
  | 'compliance'
  | 'grants'
  | 'compare'
  | 'sharedIndicators'
  | 'caseMatrix'
  | 'typology'
  | 'markers';

/** The portfolio's views, each a page under /portfolio (SCREENS.md: Portefølje). */
export const PORTFOLIO_TABS: { key: PortfolioTabKey; path: string }[] = [
  { key: 'overview', path: '/portfolio' },
  { key: 'indicators', path: '/portfolio/indicators' },
  { key: 'compliance', path: '/portfolio/compliance' },
  { key: 'grants', path: '/portfolio/grants' },
  { key: 'compare', path: '/portfolio/compare' },
  { key: 'sharedIndicators', path: '/portfolio/shared-indicators' },
  { key: 'caseMatrix', path: '/portfolio/case-matrix' },
  { key: 'typology', path: '/portfolio/typology' },
  { key: 'markers', path: '/portfolio/markers' },
];

/**
 * The tab bar of the portfolio: links (each view is a page of its own), carrying the filters from
 * one view to the next.
 */
export function PortfolioTabs() {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname, search } = useLocation();
  // Users who see the typologies of a few plans only have no portfolio views to switch between.
  if (!me.data?.can.portfolio) return null;
  const carried = portfolioFiltersToSearch(portfolioFiltersFromParams(new URLSearchParams(search)));
  const current = PORTFOLIO_TABS.find((tab) => tab.path === pathname.replace(/\/$/, ''))?.key;
  return (
    <nav aria-label={t('portfolio.tabs.label')}>
      <ul className={classes.list}>
        {PORTFOLIO_TABS.map((tab) => (
          <li key={tab.key}>
            <Link
              to={tab.path + carried}
              className={classes.link}
              aria-current={tab.key === current ? 'page' : undefined}
            >
              {t(`portfolio.tabs.${tab.key}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A portfolio view: breadcrumb Overblik › Portefølje, the title, the tab bar, then the view. */
export function PortfolioPage({
  title,
  intro,
  actions,
  children,
}: {
  title: string;
  intro?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const carried = portfolioFiltersToSearch(portfolioFiltersFromParams(new URLSearchParams(search)));
  const isOverview = title === t('portfolio.overview.title');
  return (
    <Page
      title={title}
      crumbs={[
        { label: t('nav.overview'), to: '/' },
        ...(isOverview ? [] : [{ label: t('nav.portfolio'), to: `/portfolio${carried}` }]),
      ]}
      intro={intro}
      actions={actions}
    >
      <PortfolioTabs />
      {children}
    </Page>
  );
}
