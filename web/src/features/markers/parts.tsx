import { Badge } from '@mantine/core';
import {
  IconCircleCheck,
  IconCircleDashed,
  IconCircleHalf2,
  IconCircleX,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MarkerLevel } from '../../api/markers';

const look: Record<MarkerLevel, { color: string; Icon: Icon }> = {
  strong: { color: 'green', Icon: IconCircleCheck },
  partial: { color: 'orange', Icon: IconCircleHalf2 },
  weak: { color: 'red', Icon: IconCircleX },
  no_data: { color: 'gray', Icon: IconCircleDashed },
};

const badgeStyles = {
  root: { textTransform: 'none' as const, flexShrink: 0, overflow: 'visible', maxWidth: 'none' },
  label: { overflow: 'visible' },
};

/** A marker's level as a word with an icon, never colour alone. */
export function LevelBadge({ level, size = 'md' }: { level: MarkerLevel; size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  const { color, Icon } = look[level];
  return (
    <Badge
      color={color}
      variant="light"
      size={size}
      leftSection={<Icon size={size === 'sm' ? 12 : 14} aria-hidden="true" />}
      styles={badgeStyles}
    >
      {t(`markers.levels.${level}`)}
    </Badge>
  );
}

/** Levels as bar heights: weak 1, partial 2, strong 3; no data leaves the bar out. */
export const levelScore = (l: MarkerLevel): number | null =>
  l === 'strong' ? 3 : l === 'partial' ? 2 : l === 'weak' ? 1 : null;

/** The year shown when none is chosen: this year, within the plan's period. */
export function defaultYear(periodStart: string | null, periodEnd: string | null): number {
  const now = new Date().getFullYear();
  const end = periodEnd ? Number(periodEnd.slice(0, 4)) : null;
  const start = periodStart ? Number(periodStart.slice(0, 4)) : null;
  if (end !== null && end < now) return end;
  if (start !== null && start > now) return start;
  return now;
}

/** The years to choose from: the plan's years up to now, plus any with a survey. */
export function yearOptions(
  periodStart: string | null,
  periodEnd: string | null,
  extra: (string | number)[],
): number[] {
  const years = new Set<number>(extra.map(Number));
  const now = new Date().getFullYear();
  if (periodStart) {
    const first = Number(periodStart.slice(0, 4));
    const last = Math.max(first, Math.min(periodEnd ? Number(periodEnd.slice(0, 4)) : now, now));
    for (let y = first; y <= last; y++) years.add(y);
  }
  if (years.size === 0) years.add(now);
  return [...years].sort((a, b) => b - a);
}
