// The 结构 tab: how the last check read each sheet (the same as `npm run check -- --explain`):
// the shape, the header rows, what the rows and columns hold, every total group, and what was
// left out. Choosing a group highlights its cells in the sheet; a wrong reading is corrected in the
// workbook's 结构 sheet, whose format the tab shows.
import { Body1, Button, Caption1, Subtitle1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import type { ExplainedGroup, Lang, SheetExplanation } from '../../core/types';
import type { Host } from '../../core/host';
import { axisText } from '../../core/layout/explain-text';
import { describeError } from '../format';
import type { PanelProps } from '../session';

const STRINGS = {
  'zh-CN': {
    heading: '结构',
    intro: '校验时对每个工作表的识别结果：表格形状、表头、行列含义、合计组，以及未读取的行列。点击合计组可在表中选中它的单元格。',
    needCheck: '请先在“校验”标签运行校验。',
    shape: '形状',
    header: '表头行',
    groups: '合计组',
    ignored: '未读取',
    none: '没有合计组。',
    show: '在表中选中',
    rows: '行',
    columns: '列',
    indicators: '指标',
    periods: '期间',
    entities: '地区/单位',
    dirRows: '按行',
    dirColumns: '按列',
    dirEntities: '跨地区',
    fixHeading: '识别有误？',
    fixBody: '在工作簿中新建名为“结构”的工作表，表头为：工作表 | 操作 | 合计 | 组成项 | 说明。操作填“合计组”（声明合计与组成项）、“非合计”或“不核对”（取消一个合计组）；合计和组成项可写指标名称或单元格（如 B7、B8:B10）。保存后重新校验即可生效，更正随工作簿保存。',
    skipped: '未作为指标表读取',
  },
  'en-US': {
    heading: 'Structure',
    intro: 'How the last check read each sheet: its shape, header, what the rows and columns hold, the total groups, and the rows and columns left out. Choose a group to select its cells in the sheet.',
    needCheck: 'Run a check in the Check tab first.',
    shape: 'Shape',
    header: 'Header rows',
    groups: 'Total groups',
    ignored: 'Left out',
    none: 'No total groups.',
    show: 'Select in sheet',
    rows: 'rows',
    columns: 'columns',
    indicators: 'indicators',
    periods: 'periods',
    entities: 'districts/units',
    dirRows: 'down the rows',
    dirColumns: 'across the columns',
    dirEntities: 'across districts',
    fixHeading: 'Read wrongly?',
    fixBody: 'Add a sheet named 结构 with the header 工作表 | 操作 | 合计 | 组成项 | 说明. 操作 is 合计组 (a total and its parts), 非合计 or 不核对 (take a group off); 合计 and 组成项 are indicator names or cells (B7, B8:B10). Check again to apply it; the correction is saved with the workbook.',
    skipped: 'not read as an indicator sheet',
  },
} as const;

type Key = keyof (typeof STRINGS)['zh-CN'];

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
  const s = useCallback((k: Key) => STRINGS[lang][k], [lang]);
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
