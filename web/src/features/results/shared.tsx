import { Badge } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowBigUpLines,
  IconCircleCheck,
  IconCircleDashed,
  IconPlayerPause,
  IconPlayerPlay,
  IconFlagCheck,
  IconCalendarEvent,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Activity, GoalLevel, PeriodStatus } from '../../api/results';

const badgeStyles = {
  root: { textTransform: 'none' as const, flexShrink: 0, overflow: 'visible', maxWidth: 'none' },
  label: { overflow: 'visible' },
};

const statusLook = {
  on_track: { color: 'green', Icon: IconCircleCheck },
  ahead: { color: 'blue', Icon: IconArrowBigUpLines },
  behind: { color: 'red', Icon: IconAlertTriangle },
  no_data: { color: 'gray', Icon: IconCircleDashed },
} as const;

/** Status against target as a word and an icon (I mål, Foran, Bagud, Ingen data), never colour alone. */
export function TargetStatusBadge({ status }: { status: PeriodStatus['status'] }) {
  const { t } = useTranslation();
  const { color, Icon } = statusLook[status];
  return (
    <Badge
      color={color}
      variant="light"
      leftSection={<Icon size={14} aria-hidden="true" />}
      styles={badgeStyles}
    >
      {t(`results.status.${status}`)}
    </Badge>
  );
}

const levelColour: Record<GoalLevel, string> = { impact: 'grape', result: 'petrol', activity: 'gray' };

export function GoalLevelBadge({ level }: { level: GoalLevel }) {
  const { t } = useTranslation();
  return (
    <Badge color={levelColour[level]} variant="outline" styles={badgeStyles}>
      {t(`results.level.${level}`)}
    </Badge>
  );
}

const activityLook = {
  planned: { color: 'gray', Icon: IconCalendarEvent },
  running: { color: 'green', Icon: IconPlayerPlay },
  paused: { color: 'orange', Icon: IconPlayerPause },
  ended: { color: 'indigo', Icon: IconFlagCheck },
} as const;

export function ActivityStatusBadge({ status }: { status: Activity['status'] }) {
  const { t } = useTranslation();
  const { color, Icon } = activityLook[status];
  return (
    <Badge
      color={color}
      variant="light"
      leftSection={<Icon size={14} aria-hidden="true" />}
      styles={badgeStyles}
    >
      {t(`results.activities.statuses.${status}`)}
    </Badge>
  );
}

export { decimalText, formatIndicatorNumber, parseDecimal, periodText } from './numbers';
