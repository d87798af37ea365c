import { Button } from '@mantine/core';
import { IconFileZip } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ExportButtons } from '../../../components/ExportButtons';
import { Page } from '../../../components/Page';
import classes from '../../portfolio/PortfolioTabs.module.css';
import { studyUrl, useStudy } from '../coding/api';

const TABS = [
  { key: 'matrix', path: '' },
  { key: 'drivers', path: '/drivers-barriers' },
  { key: 'cooccurrence', path: '/co-occurrence' },
  { key: 'quotes', path: '/quotes' },
  { key: 'framework', path: '/framework' },
] as const;

export function useStudyId() {
  return useParams().studyId ?? '';
}

/** Every analysis page: the study's crumbs, the .qdpx export and the tab bar of analyses. */
export function AnalysisShell({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const studyId = useStudyId();
  const study = useStudy(studyId);
  const { pathname } = useLocation();
  const base = `/evaluation/studies/${studyId}/analysis`;
  return (
    <Page
      title={title}
      crumbs={[
        { label: t('evalCoding.crumbRoot'), to: '/evaluation' },
        { label: study.data?.name ?? '…', to: `/evaluation/studies/${studyId}` },
        ...(pathname.replace(/\/$/, '') === base ? [] : [{ label: t('evalAnalysis.title'), to: base }]),
      ]}
      intro={t('evalAnalysis.intro')}
      actions={
        <Button
          component="a"
          href={`${studyUrl(studyId)}/export/qdpx`}
          download
          variant="default"
          leftSection={<IconFileZip size={18} aria-hidden="true" />}
        >
          {t('evalAnalysis.exportQdpx')}
        </Button>
      }
    >
      <nav aria-label={t('evalAnalysis.tabs.label')}>
        <ul className={classes.list}>
          {TABS.map((tab) => (
            <li key={tab.key}>
              <Link
                to={base + tab.path}
                className={classes.link}
                aria-current={pathname.replace(/\/$/, '') === base + tab.path ? 'page' : undefined}
              >
                {t(`evalAnalysis.tabs.${tab.key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </Page>
  );
}

/** Download links for an analysis file: Excel, and Word where the analysis has it. */
export function FileButtons({
  path,
  query = {},
  word = false,
}: {
  path: string;
  query?: Record<string, string | undefined>;
  word?: boolean;
}) {
  return <ExportButtons path={path} query={query} formats={word ? ['xlsx', 'docx'] : ['xlsx']} />;
}
