import { Box, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  forwardRef,
  useCallback,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { Line, Unit } from './positions';

/** A coding as the view draws it: UTF-16 range in the whole text, its code's name and colour. */
export interface ShownCoding {
  id: string;
  start: number;
  end: number;
  name: string;
  colour: string;
}

export interface Range {
  start: number;
  end: number;
}

export interface TranscriptHandle {
  focus: () => void;
  /** Scrolls the line holding UTF-16 position `pos` into view. */
  reveal: (pos: number) => void;
}

interface Props {
  name: string;
  text: string;
  lines: Line[];
  units: Unit[];
  codings: ShownCoding[];
  passage: Range | null;
  onPassage: (r: Range | null) => void;
  selectedCodingId: string | null;
  onSelectCoding: (id: string) => void;
  /** Enter: the user wants to code the passage. */
  onCode: () => void;
  helpId: string;
}

const ROW_GAP = 4;

/** The unit index holding UTF-16 position `pos` (or the first after it). */
function unitAt(units: Unit[], pos: number): number {
  let lo = 0;
  let hi = units.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (units[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, units.length - 1);
}

/**
 * The transcript, one row per line, with only the rows in view in the DOM (so a 250,000-character
 * text opens and scrolls at once). Each row has its line's text, with coded parts tinted in their
 * code's colour, and a margin with a bar per coding that starts on the line.
 *
 * The text is one focusable element in application mode, so screen readers pass the arrow keys
 * through: the arrows move the passage by sentence, Page Up/Down by paragraph, Shift extends; the
 * passage is announced in a live region. Mouse selections become the passage too.
 */
export const TranscriptView = forwardRef<TranscriptHandle, Props>(function TranscriptView(props, ref) {
  const { text, lines, units, codings, passage, onPassage, selectedCodingId, onSelectCoding, onCode } = props;
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const [cursor, setCursor] = useState<{ anchor: number; head: number } | null>(null);
  const [announce, setAnnounce] = useState('');

  const virtual = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scroller.current,
    // About 70 characters to a line of 25 px: close enough that rows seldom move once measured.
    estimateSize: (i) => 34 + Math.floor((lines[i]?.text.length ?? 0) / 70) * 25,
    overscan: 12,
  });

  useImperativeHandle(
    ref,
    () => ({
      focus: () => scroller.current?.focus(),
      reveal: (pos: number) => {
        let lo = 0;
        let hi = lines.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (lines[mid]!.start <= pos) lo = mid + 1;
          else hi = mid;
        }
        virtual.scrollToIndex(Math.max(0, lo - 1), { align: 'center' });
      },
    }),
    [lines, virtual],
  );

  const byStartLine = useMemo(() => {
    const m = new Map<number, ShownCoding[]>();
    const starts = lines.map((l) => l.start);
    for (const c of codings) {
      let lo = 0;
      let hi = starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (starts[mid]! <= c.start) lo = mid + 1;
        else hi = mid;
      }
      const line = Math.max(0, lo - 1);
      m.set(line, [...(m.get(line) ?? []), c]);
    }
    return m;
  }, [codings, lines]);

  const moveTo = useCallback(
    (anchor: number, head: number) => {
      if (units.length === 0) return;
      const a = Math.max(0, Math.min(units.length - 1, anchor));
      const h = Math.max(0, Math.min(units.length - 1, head));
      setCursor({ anchor: a, head: h });
      const from = Math.min(a, h);
      const to = Math.max(a, h);
      const r = { start: units[from]!.start, end: units[to]!.end };
      window.getSelection()?.removeAllRanges();
      onPassage(r);
      virtual.scrollToIndex(units[h]!.line, { align: 'auto' });
      const said = text.slice(r.start, r.end);
      setAnnounce(
        t('evalCoding.passageAnnounce', {
          from: from + 1,
          to: to + 1,
          total: units.length,
          text: said.length > 400 ? said.slice(0, 400) + '…' : said,
        }),
      );
    },
    [units, onPassage, virtual, text, t],
  );

  /** The first unit of the next (dir 1) or previous (-1) line that has text. */
  const paragraphFrom = (head: number, dir: 1 | -1) => {
    const line = units[head]!.line;
    let i = head;
    if (dir === 1) {
      while (i < units.length - 1 && units[i]!.line === line) i++;
      return i;
    }
    while (i > 0 && units[i]!.line === line) i--;
    const prevLine = units[i]!.line;
    while (i > 0 && units[i - 1]!.line === prevLine) i--;
    return i;
  };

  const lastOfLine = (i: number) => {
    const line = units[i]!.line;
    while (i < units.length - 1 && units[i + 1]!.line === line) i++;
    return i;
  };

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.target !== scroller.current) return;
    const c = cursor;
    let head: number;
    switch (e.key) {
      case 'ArrowDown':
        head = c ? c.head + 1 : 0;
        break;
      case 'ArrowUp':
        head = c ? c.head - 1 : 0;
        break;
      case 'PageDown':
        head = c ? paragraphFrom(c.head, 1) : 0;
        break;
      case 'PageUp':
        head = c ? paragraphFrom(c.head, -1) : 0;
        break;
      case 'Home':
        head = 0;
        break;
      case 'End':
        head = units.length - 1;
        break;
      case 'Enter':
        if (passage) {
          e.preventDefault();
          onCode();
        }
        return;
      case 'Escape':
        setCursor(null);
        onPassage(null);
        setAnnounce('');
        return;
      default:
        return;
    }
    e.preventDefault();
    if (units.length === 0) return;
    if (e.shiftKey && c) {
      // Extending by paragraph goes to the end of the head's paragraph, then of the next one.
      if (e.key === 'PageDown') {
        const end = lastOfLine(c.head);
        head = end > c.head ? end : lastOfLine(Math.min(units.length - 1, c.head + 1));
      }
      moveTo(c.anchor, head);
    } else moveTo(head, head);
  }

  /** A DOM position inside the scroller as a UTF-16 position in the text. */
  function positionOf(node: Node, offset: number, edge: 'start' | 'end'): number | null {
    const el = (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)?.closest(
      '[data-line-start]',
    ) as HTMLElement | null;
    if (el) {
      const pre = document.createRange();
      pre.selectNodeContents(el);
      pre.setEnd(node, offset);
      return Number(el.dataset.lineStart) + pre.toString().length;
    }
    const row = (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)?.closest(
      '[data-index]',
    ) as HTMLElement | null;
    if (!row) return null;
    const line = lines[Number(row.dataset.index)];
    if (!line) return null;
    return edge === 'start' ? line.start : line.start + line.text.length;
  }

  function onMouseUp() {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) return;
    const r = sel.getRangeAt(0);
    if (!scroller.current?.contains(r.commonAncestorContainer)) return;
    let start = positionOf(r.startContainer, r.startOffset, 'start');
    let end = positionOf(r.endContainer, r.endOffset, 'end');
    if (start === null || end === null) return;
    if (end < start) [start, end] = [end, start];
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end <= start) return;
    onPassage({ start, end });
    const u = unitAt(units, start);
    if (units.length) setCursor({ anchor: u, head: unitAt(units, end - 1) });
  }

  function renderLine(index: number): ReactNode {
    const line = lines[index]!;
    const ls = line.start;
    const le = ls + line.text.length;
    if (!line.text) return null;
    const here = codings.filter((c) => c.start < le && c.end > ls);
    const cuts = new Set<number>([ls, le]);
    for (const c of here) {
      cuts.add(Math.max(ls, c.start));
      cuts.add(Math.min(le, c.end));
    }
    if (passage && passage.start < le && passage.end > ls) {
      cuts.add(Math.max(ls, passage.start));
      cuts.add(Math.min(le, passage.end));
    }
    const points = [...cuts].sort((a, b) => a - b);
    const parts: ReactNode[] = [];
    for (let i = 0; i < points.length - 1; i++) {
      const a = points[i]!;
      const b = points[i + 1]!;
      if (a === b) continue;
      const covering = here.filter((c) => c.start <= a && c.end >= b);
      const inPassage = passage && passage.start <= a && passage.end >= b;
      const chosen = covering.some((c) => c.id === selectedCodingId);
      const style: React.CSSProperties = {};
      if (covering.length) {
        style.background = `${covering[0]!.colour}2E`;
        style.boxShadow = covering
          .slice(0, 3)
          .map((c, k) => `inset 0 -${2 + k * 3}px 0 ${c.colour}`)
          .join(', ');
      }
      if (chosen) style.outline = '2px solid #1f4e79';
      if (inPassage) {
        style.background = '#ffe58f';
        style.outline = '2px solid #8a6d00';
      }
      parts.push(
        covering.length || inPassage ? (
          <span key={a} style={style} data-passage={inPassage ? '' : undefined}>
            {text.slice(a, b)}
          </span>
        ) : (
          text.slice(a, b)
        ),
      );
    }
    return parts;
  }

  const items = virtual.getVirtualItems();
  return (
    <Box>
      <div
        ref={scroller}
        tabIndex={0}
        role="application"
        aria-label={t('evalCoding.transcriptLabel', { name: props.name })}
        aria-describedby={props.helpId}
        onKeyDown={onKeyDown}
        onMouseUp={onMouseUp}
        data-testid="transcript"
        style={{
          height: '65vh',
          minHeight: 320,
          overflowY: 'auto',
          border: '1px solid var(--mantine-color-gray-4)',
          borderRadius: 8,
          position: 'relative',
          background: 'var(--mantine-color-body)',
        }}
      >
        <div style={{ height: virtual.getTotalSize(), position: 'relative', width: '100%' }}>
          {items.map((item) => {
            const bars = byStartLine.get(item.index) ?? [];
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtual.measureElement}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  width: '100%',
                  transform: `translateY(${item.start}px)`,
                  display: 'grid',
                  gridTemplateColumns: '3.2rem minmax(0, 1fr) 13rem',
                  gap: 8,
                  padding: `${ROW_GAP}px 8px`,
                }}
              >
                <Text
                  component="span"
                  c="dimmed"
                  fz="xs"
                  ta="right"
                  aria-hidden="true"
                  style={{ userSelect: 'none', paddingTop: 3 }}
                >
                  {item.index + 1}
                </Text>
                <div
                  data-line-start={lines[item.index]!.start}
                  style={{
                    whiteSpace: 'pre-wrap',
                    overflowWrap: 'anywhere',
                    lineHeight: 1.6,
                    minHeight: '1.6em',
                  }}
                >
                  {renderLine(item.index)}
                </div>
                <div style={{ userSelect: 'none', display: 'flex', flexDirection: 'column', gap: 2 }}>
                  {bars.map((c) => (
                    <UnstyledButton
                      key={c.id}
                      tabIndex={-1}
                      onMouseDown={(e) => e.preventDefault()}
                      onClick={() => onSelectCoding(c.id)}
                      aria-pressed={c.id === selectedCodingId}
                      data-coding={c.id}
                      style={{
                        borderLeft: `6px solid ${c.colour}`,
                        background: c.id === selectedCodingId ? '#dbe7f3' : 'var(--mantine-color-gray-0)',
                        padding: '1px 6px',
                        fontSize: 12,
                        borderRadius: 3,
                        whiteSpace: 'nowrap',
                        overflow: 'hidden',
                        textOverflow: 'ellipsis',
                        fontWeight: c.id === selectedCodingId ? 700 : 400,
                      }}
                    >
                      {c.name}
                    </UnstyledButton>
                  ))}
                </div>
              </div>
            );
          })}
        </div>
      </div>
      <VisuallyHidden role="status" aria-live="polite" aria-atomic="true">
        {announce}
      </VisuallyHidden>
    </Box>
  );
});
