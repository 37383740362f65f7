// The 结构 tab: how the last check read each sheet (the same as `npm run check -- --explain`):
// the shape, the header rows, what the rows and columns hold, every total group, and what was
// left out. Choosing a group highlights its cells in the sheet; a wrong reading is corrected in the
// workbook's 结构 sheet, whose format the tab shows.
import { Body1, Button, Caption1, Subtitle1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import type { ExplainedGroup, Lang, SheetExplanation } from '../../core/types';
import type { Host } from '../../core/host';
import type { SectionKey } from '../../core/i18n';
import { axisText } from '../../core/layout/explain-text';
import { describeError } from '../format';
import { paneText } from '../i18n';
import type { PanelProps } from '../session';

/** The tab's texts: the `pane.structure.*` keys of the message packs, without `pane.structure.`. */
type Key = SectionKey<'pane.structure'>;

/** A host that can select a range of cells (Excel, the preview); others select the group's first cell. */
interface RangeSelector {
  selectRange(ref: { sheet: string; address: string }): Promise<void>;
}
const canSelectRange = (host: Host): host is Host & RangeSelector => typeof (host as unknown as Record<string, unknown>).selectRange === 'function';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, '& h2, & h3, & p': { margin: 0 } },
  sheet: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  group: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

function groupText(g: ExplainedGroup, s: (k: Key) => string): string {
  const dir = g.direction === 'rows' ? s('dirRows') : g.direction === 'columns' ? s('dirColumns') : s('dirEntities');
  return `${g.total.label} [${g.total.cell}] = ${g.parts.map((p) => `${p.label} [${p.cell}]`).join(' + ')}（${dir}）`;
}

export function StructurePanel({ host, lang, session }: PanelProps) {
  const styles = useStyles();
  const s = useCallback((k: Key) => paneText(lang, `structure.${k}`), [lang]);
  const [failure, setFailure] = useState<string | null>(null);
  const structure: SheetExplanation[] = useMemo(() => session?.result.structure ?? [], [session]);

  const show = useCallback(
    async (sheet: string, g: ExplainedGroup) => {
      setFailure(null);
      const address = g.range ?? g.total.cell;
      try {
        if (canSelectRange(host)) await host.selectRange({ sheet, address });
        else await host.selectCell({ sheet, address: address.split(':')[0] });
      } catch (e) {
        setFailure(describeError(e, lang as Lang));
      }
    },
    [host, lang],
  );

  return (
    <div className={styles.root}>
      <Subtitle1 as="h2">{s('heading')}</Subtitle1>
      <Body1 as="p" className={styles.muted}>
        {s('intro')}
      </Body1>
      {!session ? (
        <Body1 as="p" data-testid="structure-need-check">
          {s('needCheck')}
        </Body1>
      ) : (
        structure.map((x) => (
          <section key={x.sheet} className={styles.sheet} aria-label={x.sheet} data-testid="structure-sheet">
            <Subtitle2 as="h3">
              {x.sheet} · {s('shape')}: {x.layout === 'skipped' ? s('skipped') : x.layout}
            </Subtitle2>
            {x.reason && <Caption1 className={styles.muted}>{x.reason[lang]}</Caption1>}
            {x.headerRows && (
              <Body1>
                {s('header')}: {x.headerRows}
              </Body1>
            )}
            {x.axes.map((a, i) => (
              <Body1 key={i}>
                {s(a.axis)} — {s(a.holds)}: {axisText(a, lang)}
              </Body1>
            ))}
            {x.layout !== 'skipped' && (
              <>
                <Body1>{s('groups')}:</Body1>
                {x.groups.length === 0 ? (
                  <Caption1 className={styles.muted}>{s('none')}</Caption1>
                ) : (
                  <ul className={styles.list}>
                    {x.groups.map((g, i) => (
                      <li key={i} className={styles.group}>
                        <Body1>{groupText(g, s)}</Body1>
                        <Button size="small" appearance="subtle" onClick={() => void show(x.sheet, g)} aria-label={`${s('show')}: ${g.total.label}`}>
                          {s('show')}
                        </Button>
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
            {x.ignored.length > 0 && (
              <ul className={styles.list} aria-label={s('ignored')}>
                {x.ignored.map((i, k) => (
                  <li key={k}>
                    <Caption1>
                      {s('ignored')} {i.where[lang]}: {i.reason[lang]}
                    </Caption1>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))
      )}
      {failure && (
        <Body1 as="p" role="alert" className={styles.error}>
          {failure}
        </Body1>
      )}
      <section className={styles.sheet}>
        <Subtitle2 as="h3">{s('fixHeading')}</Subtitle2>
        <Body1 as="p">{s('fixBody')}</Body1>
      </section>
    </div>
  );
}
