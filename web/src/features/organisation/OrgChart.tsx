import { useRef } from 'react';
import { Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Forum, Membership } from '../../api/organisation';
import { NODE_H, NODE_W, layoutForums } from './layout';

interface OrgChartProps {
  planName: string;
  forums: Forum[];
  memberships: Membership[];
}

const FONT = 'Arial, Helvetica, sans-serif';

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function fileName(planName: string, ext: string) {
  const slug = planName
    .toLocaleLowerCase('da')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `organisationsdiagram-${slug || 'plan'}.${ext}`;
}

/** The forums as an SVG drawn in layers by reporting line, with the same content as a list beside it. */
export function OrgChart({ planName, forums, memberships }: OrgChartProps) {
  const { t } = useTranslation();
  const svgRef = useRef<SVGSVGElement>(null);
  const layout = layoutForums(forums);
  const seats = (id: string) => memberships.filter((m) => m.forumId === id).length;
  const byId = new Map(forums.map((f) => [f.id, f]));

  const svgText = () => {
    const svg = svgRef.current!;
    const clone = svg.cloneNode(true) as SVGSVGElement;
    clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    clone.setAttribute('width', String(layout.width));
    clone.setAttribute('height', String(layout.height));
    clone.removeAttribute('style');
    return new XMLSerializer().serializeToString(clone);
  };
  const exportSvg = () =>
    download(fileName(planName, 'svg'), new Blob([svgText()], { type: 'image/svg+xml;charset=utf-8' }));
  const exportPng = () => {
    const img = new Image();
    const url = URL.createObjectURL(new Blob([svgText()], { type: 'image/svg+xml;charset=utf-8' }));
    img.onload = () => {
      const scale = 2;
      const canvas = document.createElement('canvas');
      canvas.width = layout.width * scale;
      canvas.height = layout.height * scale;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.scale(scale, scale);
      ctx.drawImage(img, 0, 0);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => blob && download(fileName(planName, 'png'), blob), 'image/png');
    };
    img.src = url;
  };

  // The list follows the same reporting lines: each forum with the forums that report to it.
  const children = (id: string | null) =>
    layout.nodes.filter((n) =>
      id === null ? !n.forum.reportsTo || !byId.has(n.forum.reportsTo) : n.forum.reportsTo === id,
    );
  const renderList = (id: string | null, depth = 0): React.ReactNode => {
    const items = children(id);
    if (!items.length) return null;
    return (
      <List withPadding={depth > 0} spacing={4} size="sm">
        {items.map(({ forum: f }) => (
          <List.Item key={f.id}>
            <Text span fw={600} size="sm">
              {f.name}
            </Text>{' '}
            <Text span size="sm">
              ({t(`organisation.forums.kinds.${f.kind}`)}, {t(`organisation.forums.levels.${f.level}`)}
              {f.makesDecisions ? `, ${t('organisation.chart.decides')}` : ''},{' '}
              {t('organisation.chart.seats', { count: seats(f.id) })})
            </Text>
            {renderList(f.id, depth + 1)}
          </List.Item>
        ))}
      </List>
    );
  };

  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Button
          variant="default"
          size="xs"
          leftSection={<IconDownload size={16} aria-hidden="true" />}
          onClick={exportSvg}
        >
          {t('organisation.chart.exportSvg')}
        </Button>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconDownload size={16} aria-hidden="true" />}
          onClick={exportPng}
        >
          {t('organisation.chart.exportPng')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        {/* Focusable so that a chart wider than the screen can be scrolled from the keyboard. */}
        <Paper
          withBorder
          p="xs"
          style={{ overflowX: 'auto' }}
          tabIndex={0}
          role="region"
          aria-label={t('organisation.chart.title')}
        >
          <svg
            ref={svgRef}
            role="img"
            aria-labelledby="org-chart-title org-chart-desc"
            viewBox={`0 0 ${layout.width} ${layout.height}`}
            style={{
              width: '100%',
              maxWidth: layout.width,
              minWidth: Math.min(layout.width, 480),
              height: 'auto',
              display: 'block',
              margin: '0 auto',
            }}
            fontFamily={FONT}
          >
            <title id="org-chart-title">{t('organisation.chart.svgTitle', { name: planName })}</title>
            <desc id="org-chart-desc">{t('organisation.chart.svgDesc')}</desc>
            <rect x={0} y={0} width={layout.width} height={layout.height} fill="#ffffff" />
            {layout.edges.map(({ from, to }) => {
              const x1 = from.x + NODE_W / 2;
              const y1 = from.y + NODE_H;
              const x2 = to.x + NODE_W / 2;
              const y2 = to.y;
              const mid = (y1 + y2) / 2;
              return (
                <path
                  key={`${from.forum.id}-${to.forum.id}`}
                  d={`M ${x1} ${y1} V ${mid} H ${x2} V ${y2}`}
                  fill="none"
                  stroke="#495057"
                  strokeWidth={1.5}
                />
              );
            })}
            {layout.nodes.map(({ forum: f, x, y }) => (
              <g key={f.id}>
                <rect
                  x={x}
                  y={y}
                  width={NODE_W}
                  height={NODE_H}
                  rx={6}
                  fill={f.makesDecisions ? '#e7f1f4' : '#ffffff'}
                  stroke="#1f3b47"
                  strokeWidth={f.makesDecisions ? 2.5 : 1}
                  strokeDasharray={f.makesDecisions ? undefined : '4 3'}
                />
                <text x={x + 10} y={y + 18} fontSize={11} fill="#343a40">
                  {clip(
                    `${t(`organisation.forums.kinds.${f.kind}`)} · ${t(`organisation.forums.levels.${f.level}`)}`,
                    34,
                  )}
                </text>
                <text x={x + 10} y={y + 38} fontSize={14} fontWeight={700} fill="#111111">
                  {clip(f.name, 24)}
                </text>
                <text x={x + 10} y={y + 56} fontSize={11} fill="#343a40">
                  {clip(
                    [
                      t('organisation.chart.seats', { count: seats(f.id) }),
                      f.makesDecisions ? t('organisation.chart.decides') : '',
                    ]
                      .filter(Boolean)
                      .join(' · '),
                    34,
                  )}
                </text>
              </g>
            ))}
          </svg>
        </Paper>
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('organisation.chart.listTitle')}
          </Title>
          {renderList(null)}
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
