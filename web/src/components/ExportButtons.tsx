import { Button, Group } from '@mantine/core';
import { IconFileSpreadsheet, IconFileText, IconFileTypeCsv, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api/client';

export type ExportFormat = 'csv' | 'xlsx' | 'docx';

interface ExportButtonsProps {
  /** The export endpoint, e.g. `/api/municipalities/export`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  /** The formats offered, in order; CSV and Excel unless told. */
  formats?: readonly ExportFormat[];
}

const FORMATS: Record<
  ExportFormat,
  { icon: Icon; label: 'common.exportCsv' | 'common.exportExcel' | 'common.exportWord' }
> = {
  csv: { icon: IconFileTypeCsv, label: 'common.exportCsv' },
  xlsx: { icon: IconFileSpreadsheet, label: 'common.exportExcel' },
  docx: { icon: IconFileText, label: 'common.exportWord' },
};

/** Download links, one per format; the browser handles the download. */
export function ExportButtons({ path, query = {}, formats = ['csv', 'xlsx'] }: ExportButtonsProps) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      {formats.map((format) => {
        const { icon: FormatIcon, label } = FORMATS[format];
        return (
          <Button
            key={format}
            component="a"
            href={withQuery(path, { ...query, format })}
            download
            variant="default"
            size="sm"
            leftSection={<FormatIcon size={18} aria-hidden="true" />}
          >
            {t(label)}
          </Button>
        );
      })}
    </Group>
  );
}
