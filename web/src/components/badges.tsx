import { Badge } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed, IconFlask, IconFlagCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PlanStatus } from '../api/types';

// Badges show their whole word: status must never be cut to "Afs…".
const badgeStyles = {
  root: { textTransform: 'none' as const, flexShrink: 0, overflow: 'visible', maxWidth: 'none' },
  label: { overflow: 'visible' },
};

/** Marks made-up example data, in lists and headers. */
export function ExampleBadge() {
  const { t } = useTranslation();
  return (
    <Badge
      color="orange"
      variant="light"
      leftSection={<IconFlask size={14} aria-hidden="true" />}
      title={t('common.exampleDataHint')}
      styles={badgeStyles}
    >
      {t('common.exampleData')}
    </Badge>
  );
}

const statusLook: Record<PlanStatus, { color: string; Icon: typeof IconCircleCheck }> = {
  draft: { color: 'gray', Icon: IconCircleDashed },
  active: { color: 'green', Icon: IconCircleCheck },
  ended: { color: 'indigo', Icon: IconFlagCheck },
};

/** Plan status as a word with an icon, never colour alone. */
export function StatusBadge({ status }: { status: PlanStatus }) {
  const { t } = useTranslation();
  const { color, Icon } = statusLook[status];
  return (
    <Badge
      color={color}
      variant="light"
      leftSection={<Icon size={14} aria-hidden="true" />}
      styles={badgeStyles}
    >
      {t(`plans.status.${status}`)}
    </Badge>
  );
}
