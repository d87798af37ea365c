import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ExampleBadge } from '../../../components/badges';
import { Page } from '../../../components/Page';
import { ErrorState, LoadingState } from '../../../components/states';
import classes from '../../portfolio/PortfolioTabs.module.css';
import { useStudy, type StudyDetail } from '../api';

export type StudyTabKey = 'overview' | 'cases' | 'collections' | 'sources' | 'codebook' | 'analysis';

/** The study's parts, each a page of its own; Analyse leads to the analysis pages. */
export const STUDY_TABS: { key: StudyTabKey; path: string }[] = [
  { key: 'overview', path: '' },
  { key: 'cases', path: '/cases' },
  { key: 'collections', path: '/data-collection' },
  { key: 'sources', path: '/sources' },
  { key: 'codebook', path: '/codebook' },
  { key: 'analysis', path: '/analysis' },
];

export const studyPath = (studyId: string, tab: StudyTabKey = 'overview') =>
  `/evaluation/studies/${studyId}${STUDY_TABS.find((x) => x.key === tab)!.path}`;

export function StudyTabs({ studyId, current }: { studyId: string; current: StudyTabKey }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('evalStudies.tabs.label')}>
      <ul className={classes.list}>
        {STUDY_TABS.map((tab) => (
          <li key={tab.key}>
            <Link
              to={studyPath(studyId, tab.key)}
              className={classes.link}
              aria-current={tab.key === current ? 'page' : undefined}
            >
              {t(`evalStudies.tabs.${tab.key}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * A page of one study: breadcrumb, the study's name as the heading (with the example badge), the
 * tab bar, then the part's own content.
 */
export function StudyShell({
  tab,
  actions,
  children,
}: {
  tab: Exclude<StudyTabKey, 'analysis'>;
  actions?: (study: StudyDetail) => ReactNode;
  children: (study: StudyDetail) => ReactNode;
}) {
  const { t } = useTranslation();
  const { studyId = '' } = useParams();
  const study = useStudy(studyId);
  const crumbs = [
    { label: t('nav.overview'), to: '/' },
    { label: t('nav.evaluation'), to: '/evaluation' },
  ];
  if (study.isPending)
    return (
      <Page title={t('evalStudies.title')} crumbs={crumbs}>
        <LoadingState />
      </Page>
    );
  if (study.isError)
    return (
      <Page title={t('evalStudies.title')} crumbs={crumbs}>
        <ErrorState error={study.error} onRetry={() => void study.refetch()} />
      </Page>
    );
  const s = study.data;
  const title = tab === 'overview' ? s.name : `${t(`evalStudies.tabs.${tab}`)}: ${s.name}`;
  return (
    <Page
      title={title}
      crumbs={tab === 'overview' ? crumbs : [...crumbs, { label: s.name, to: studyPath(s.id) }]}
      badges={s.isExample ? <ExampleBadge /> : undefined}
      actions={actions?.(s)}
    >
      <StudyTabs studyId={s.id} current={tab} />
      {children(s)}
    </Page>
  );
}
