import { Button, Group } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api/client';

interface ExportButtonsProps {
  /** The export endpoint, e.g. `/api/municipalities/export`. */
  path: string;
  query?: Record<string, string | number | undefined>;
}

/** Download links for CSV and Excel; the browser handles the download. */
export function ExportButtons({ path, query = {} }: ExportButtonsProps) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Button
        component="a"
        href={withQuery(path, { ...query, format: 'csv' })}
        download
        variant="default"
        size="sm"
        leftSection={<IconFileTypeCsv size={18} aria-hidden="true" />}
      >
        {t('common.exportCsv')}
      </Button>
      <Button
        component="a"
        href={withQuery(path, { ...query, format: 'xlsx' })}
        download
        variant="default"
        size="sm"
        leftSection={<IconFileSpreadsheet size={18} aria-hidden="true" />}
      >
        {t('common.exportExcel')}
      </Button>
    </Group>
  );
}
