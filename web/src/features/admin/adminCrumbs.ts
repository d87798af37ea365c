import type { TFunction } from 'i18next';
import type { Crumb } from '../../components/Page';

export const adminCrumbs = (t: TFunction): Crumb[] => [
  { label: t('nav.overview'), to: '/' },
  { label: t('nav.admin'), to: '/admin' },
];
