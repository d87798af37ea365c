import { Alert, Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconHelpCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LocalText, Typology, TypologyDimension } from '../../api/organisation';
import { useLocale } from '../../lib/useLocale';

export const DIMENSIONS = [
  'organisation',
  'secretariat',
  'residentInvolvement',
  'levels',
  'operationsGroup',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const isDetermined = (d: TypologyDimension) => d.type !== 'not_determined';

/** A type as a word with an icon: determined or "Ikke afgjort" (never colour alone). */
export function TypeBadge({ dimension }: { dimension: TypologyDimension }) {
  const locale = useLocale();
  const ok = isDetermined(dimension);
  const Icon = ok ? IconCircleCheck : IconHelpCircle;
  return (
    <Badge
      color={ok ? 'petrol' : 'gray'}
      variant={ok ? 'light' : 'outline'}
      leftSection={<Icon size={14} aria-hidden="true" />}
      styles={{
        root: { textTransform: 'none', height: 'auto', whiteSpace: 'normal' },
        label: { whiteSpace: 'normal' },
      }}
      py={4}
    >
      {dimension.label[locale]}
    </Badge>
  );
}

/** A type as plain text with an icon, for tables. */
export function TypeText({ dimension }: { dimension: TypologyDimension }) {
  const locale = useLocale();
  const ok = isDetermined(dimension);
  const Icon = ok ? IconCircleCheck : IconHelpCircle;
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Icon size={16} aria-hidden="true" style={{ flexShrink: 0, marginTop: 2 }} />
      <Text size="sm" fs={ok ? undefined : 'italic'}>
        {dimension.label[locale]}
      </Text>
    </Group>
  );
}

function Sentences({ items, label }: { items: LocalText[]; label: string }) {
  const locale = useLocale();
  if (!items.length) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <List size="sm" spacing={4}>
        {items.map((r, i) => (
          <List.Item key={i}>{r[locale]}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** Reasons and what is missing for one dimension. */
export function DimensionDetails({ dimension }: { dimension: TypologyDimension }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Sentences items={dimension.reasons} label={t('organisation.typology.reasons')} />
      <Sentences items={dimension.missing} label={t('organisation.typology.missing')} />
    </Stack>
  );
}

/** The five dimensions, each with its type, its reasons and what is missing. */
export function TypologyPanel({ typology, headingOrder = 3 }: { typology: Typology; headingOrder?: 3 | 4 }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('organisation.typology.note')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {DIMENSIONS.map((d) => (
          <Paper key={d} withBorder p="md" radius="md">
            <Stack gap="sm">
              <Title order={headingOrder} size="h5">
                {t(`organisation.typology.dimensions.${d}`)}
              </Title>
              <div>
                <TypeBadge dimension={typology[d]} />
              </div>
              <DimensionDetails dimension={typology[d]} />
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
      {typology.warnings.length > 0 && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle aria-hidden="true" />}
          title={t('organisation.typology.warnings')}
        >
          <List size="sm">
            {typology.warnings.map((w, i) => (
              <List.Item key={i}>{w[locale]}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
