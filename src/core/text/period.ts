// The period a report, or one of its figures, covers: 全年, 上半年, 1—10月, 第三季度, 2024年度, or
// a statistics window (统计期限自2024年1月1日起至2024年12月31日止). A figure of part of a year is
// not comparable with a full year's, so every mention and claim carries its period. Pure TypeScript.

export interface Period {
  /** The words as written: 2024年1—10月, 上半年, 第三季度, 2024年1月1日至12月31日. */
  text: string;
  /** The year when the words (or the sentence) give it. */
  year?: number;
  /** First and last month covered, 1–12. */
  from: number;
  to: number;
  /** Covers less than a whole year. */
  partial: boolean;
  /** How it is written for people: 2024年1—10月, 2024年全年, 上半年 (1—6月). */
  label: string;
  /** Offsets of the words in the text. */
  start: number;
  end: number;
}

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 1: 1, 2: 2, 3: 3, 4: 4 };

function make(text: string, start: number, from: number, to: number, year: number | undefined, day?: number): Period {
  const partial = !(from === 1 && to === 12);
  const y = year !== undefined ? `${year}年` : '';
  const span = day !== undefined ? `${from}月${day}日` : from === to ? `${from}月` : `${from}—${to}月`;
  const label = partial ? `${y}${span}` : `${y}全年`;
  return { text, ...(year !== undefined ? { year } : {}), from, to, partial, label, start, end: start + text.length };
}

const validMonth = (m: number): boolean => m >= 1 && m <= 12;
const yearOf = (s: string | undefined): number | undefined => (s ? Number(s) : undefined);

/**
 * Every period phrase in the scan string (toScan: ASCII digits), in text order. Dates of single
 * events (2022年7月8日) and growth figures are not periods. A `YYYY年M月` without 份 is a period only
 * in the first line (a title such as 2015年2月卫生计生热线情况), as elsewhere it dates an event.
 */
export function findPeriods(scan: string): Period[] {
  const found: Period[] = [];
  const taken = new Uint8Array(scan.length + 1);
  const add = (p: Period | undefined): void => {
    if (!p) return;
    for (let i = p.start; i < p.end; i++) if (taken[i]) return;
    for (let i = p.start; i < p.end; i++) taken[i] = 1;
    found.push(p);
  };
  const DASH = '(?:—|－|-|–|~|～|至|到)';
  // 1. A window of dates: (2024年)1月1日(起)至(2024年)12月31日(止); a time of day may follow each
  // date (1月1日0时至1月31日24时, 1日零时, 10月1日00:00--31日24:00), and the end may leave out its month.
  const TIME = '(?:\\s*(?:\\d{1,2}|零)\\s*(?:时|[:：]\\s*\\d{2}))?';
  const range = new RegExp(
    `(?:(\\d{4})\\s*年\\s*)?(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日${TIME}\\s*(?:起\\s*)?${DASH}+\\s*(?:(\\d{4})\\s*年\\s*)?(?:(\\d{1,2})\\s*月\\s*)?(\\d{1,2})\\s*日${TIME}`,
    'g',
  );
  for (let m = range.exec(scan); m; m = range.exec(scan)) {
    const [whole, y1, m1, d1, y2, m2, d2] = m;
    const from = Number(m1);
    let to = Number(m2 ?? m1);
    if (Number(d1) > 1) continue; // a window starting mid-month is an event, not a reporting period
    if (Number(d2) === 1) to -= 1; // 1月1日至7月1日: up to the end of June
    // A window from 1 January to a day inside a month is the year to date (1月1日至8月25日: January
    // to August, partial); any other window ending mid-month is an event.
    else if (Number(d2) < 28 && from !== 1) continue;
    if (!validMonth(from) || !validMonth(to) || to < from) continue;
    add(make(whole, m.index, from, to, yearOf(y1) ?? yearOf(y2)));
  }
  // 1b. One day, as a daily bulletin covers (2020年2月9日0时至24时, 2月23日0-24時): a part of its month.
  // Without a year of its own, the year of the same date written in full elsewhere (a title's
  // 2020年2月29日…疫情通报).
  const day = new RegExp(`(?:(\\d{4})\\s*年\\s*)?(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日\\s*(?:0|零)\\s*(?:时|[:：]00)?\\s*${DASH}+\\s*24\\s*(?:时|[:：]00)`, 'g');
  for (let m = day.exec(scan); m; m = day.exec(scan)) {
    const mm = Number(m[2]);
    if (!validMonth(mm)) continue;
    const y = m[1] ?? new RegExp(`(\\d{4})\\s*年\\s*${m[2]}\\s*月\\s*${m[3]}\\s*日`).exec(scan)?.[1];
    add(make(m[0], m.index, mm, mm, yearOf(y), Number(m[3])));
  }
  // 2. A run of months: 2024年1—10月(份), 今年1-5月.
  const months = new RegExp(`(?:(\\d{4})\\s*年\\s*(?:度\\s*)?)?(\\d{1,2})\\s*${DASH}\\s*(\\d{1,2})\\s*月(?:份)?(?!\\s*\\d|\\s*日)`, 'g');
  for (let m = months.exec(scan); m; m = months.exec(scan)) {
    if (/[\d.]/.test(scan[m.index - 1] ?? '')) continue;
    const from = Number(m[2]);
    const to = Number(m[3]);
    if (!validMonth(from) || !validMonth(to) || to < from) continue;
    add(make(m[0], m.index, from, to, yearOf(m[1])));
  }
  // 2a. The first months of a year: 今年前4个月, 2020年前三个月.
  const firstMonths = /(?:(?<!\d)(\d{4})\s*年\s*|今年)前\s*([1-9]|1[0-2]|[一二三四五六七八九十]|十[一二])\s*个月/g;
  for (let m = firstMonths.exec(scan); m; m = firstMonths.exec(scan)) {
    const to = /^\d+$/.test(m[2]) ? Number(m[2]) : '一二三四五六七八九十'.indexOf(m[2].slice(-1)) + 1 + (m[2].length === 2 ? 10 : 0);
    if (validMonth(to)) add(make(m[0], m.index, 1, to, yearOf(m[1])));
  }
  // 2b. A count to a date (截至10月7日，全市共筛查68059人; 截至2023年9月底): the year to that month, as
  // progress reports count from January.
  const toDate = /(?:截至|截止到?)\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日|底|末)?(?!\s*\d)/g;
  for (let m = toDate.exec(scan); m; m = toDate.exec(scan)) {
    const to = Number(m[2]);
    // 截至2019年6月30日，全年…: the date says when the count was taken, 全年 what it covers.
    if (!validMonth(to) || /^\s*[，,]?\s*全年/.test(scan.slice(m.index + m[0].length))) continue;
    add(make(m[0], m.index, 1, to, yearOf(m[1])));
  }
  // 3. Halves and quarters: 上半年, 2025年第三季度, 一季度, 前三季度.
  // The year may drop its 年 before 上/下半年 (郑州公示2017下半年卫生行政处罚案件).
  const half = /(?:(?<!\d)(\d{4})\s*(?:年\s*(?:度\s*)?)?)?(上|下)半年/g;
  for (let m = half.exec(scan); m; m = half.exec(scan)) {
    add(make(m[0], m.index, m[2] === '上' ? 1 : 7, m[2] === '上' ? 6 : 12, yearOf(m[1])));
  }
  const quarter = /(?:(\d{4})\s*年\s*(?:度\s*)?)?(前三|第?[一二三四1-4])\s*季度/g;
  for (let m = quarter.exec(scan); m; m = quarter.exec(scan)) {
    const q = m[2];
    if (q === '前三') add(make(m[0], m.index, 1, 9, yearOf(m[1])));
    else {
      const n = CN_DIGIT[q.replace('第', '')];
      if (n) add(make(m[0], m.index, 3 * n - 2, 3 * n, yearOf(m[1])));
    }
  }
  // 4. One month: 3月份, 2023年3月份; 2015年2月 in the first line.
  const firstLineEnd = scan.indexOf('\n') < 0 ? scan.length : scan.indexOf('\n');
  const month = /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月(份)?(?!\s*\d|\s*日|\s*[—－\-–~～至到])/g;
  for (let m = month.exec(scan); m; m = month.exec(scan)) {
    if (/[\d.]/.test(scan[m.index - 1] ?? '')) continue;
    const mm = Number(m[2]);
    if (!validMonth(mm)) continue;
    if (!m[3] && !(m.index < firstLineEnd && m[1])) continue;
    add(make(m[0], m.index, mm, mm, yearOf(m[1])));
  }
  // 5. A whole year: 2024年度, 2024年全年, 2024全年 (年 dropped), 全年 (its year from the sentence:
  // 2024年，…全年 or 截至2024年12月31日，全年…, a date that closes the year).
  const year = /(?<!\d)(\d{4})\s*(?:年\s*(?:度|全年)|全年)|全年/g;
  for (let m = year.exec(scan); m; m = year.exec(scan)) {
    let y = yearOf(m[1]);
    if (y === undefined) {
      const before = scan.slice(Math.max(0, m.index - 40), m.index);
      const sentence = before.slice(Math.max(before.lastIndexOf('。'), before.lastIndexOf('\n')) + 1);
      const ys = [...sentence.matchAll(/(\d{4})\s*年(?!\s*\d{1,2}\s*月)/g)];
      if (ys.length) y = Number(ys[ys.length - 1][1]);
      else {
        const end = [...sentence.matchAll(/(?:截至|截止到?|至)\s*(\d{4})\s*年\s*12\s*月\s*31\s*日/g)];
        if (end.length) y = Number(end[end.length - 1][1]);
      }
    }
    add(make(m[0], m.index, 1, 12, y));
  }
  // 5b. The end of a year (2013年底，全市共有医疗卫生机构1108家): the figures stand at the close of that year.
  const yearEnd = /(?<!\d)(\d{4})\s*年\s*(?:底|末)(?!\s*前)/g;
  for (let m = yearEnd.exec(scan); m; m = yearEnd.exec(scan)) add(make(m[0], m.index, 1, 12, yearOf(m[1])));
  // 5c. A year of a whole area's work (公示了2014年全省卫生监督机构查处的…案件): the year's figures.
  // 2024年以来 is not one: it may run on into the next year.
  const areaYear = /(?<!\d)(\d{4})\s*年\s*(?=全(?:省|市|县|区|州|旗|盟))/g;
  for (let m = areaYear.exec(scan); m; m = areaYear.exec(scan)) add(make(m[0], m.index, 1, 12, yearOf(m[1])));
  // 6. The title of a year's report on a line of its own: …2022年政府信息公开工作年度报告, 2020年工作
  // 总结, …2022年国民经济和社会发展统计公报; also a numbered heading of one (一、2023年工作总结, 一、2025年推进法治政府建设的主要举措和
  // 成效). A title cited inside a sentence (公开了2022年政府信息公开工作年度报告、…) is not one.
  const title = /(?<!\d)(\d{4})\s*年(?:度)?(?!\s*\d{1,2}\s*月)[^。！？\n，,、；;：:（(]{0,30}?(?:年度报告|年报|工作总结|年度总结|工作报告|疫情分析|情况分析|主要举措和成效|统计公报)\s*(?:$|(?=暨))/gm;
  for (let m = title.exec(scan); m; m = title.exec(scan)) {
    const lineStart = scan.lastIndexOf('\n', m.index) + 1;
    const before = scan.slice(lineStart, m.index).replace(/^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])\s*/, '');
    if (/[。！？，,、；;：:]/.test(before) || m.index - lineStart > 40) continue;
    add(make(m[0], m.index, 1, 12, yearOf(m[1])));
  }
  // 6b. A table's title that ends with its year in brackets (各类医院基本情况(2020年), or (2018年) on a
  // line of its own under a yearbook's title): the year's figures.
  const tableYear = /[（(]\s*(\d{4})\s*年\s*[)）][\s|]*$/gm;
  for (let m = tableYear.exec(scan); m; m = tableYear.exec(scan)) {
    const lineStart = scan.lastIndexOf('\n', m.index) + 1;
    if (/[。！？，,；;：:]/.test(scan.slice(lineStart, m.index)) || m.index - lineStart > 40) continue;
    add(make(m[0], m.index + m[0].indexOf(m[1]), 1, 12, yearOf(m[1])));
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * How specific a period phrase is: a part of a year in the title line (本溪市卫生健康委2021年度第三季度
 * 行政处罚实施情况) beats a stated window (which may be a form's boilerplate, 统计年度1月1日至12月31日),
 * which beats a partial period, which beats a year.
 */
function rank(p: Period, firstLineEnd = -1): number {
  if (p.partial && p.start < firstLineEnd) return 4;
  if (/日/.test(p.text)) return 3;
  if (p.partial) return 2;
  return 1;
}

/**
 * The period of the report as a whole: among the phrases before its first figure (its title, the
 * statistics window, the opening 2024年上半年，…), the most specific one; else the first stated
 * window of dates; else none. A 上半年 in the middle of an annual report is a local period, not the
 * report's.
 */
export function reportPeriod(periods: readonly Period[], firstFigure: number, scan?: string): Period | undefined {
  const lead = periods.filter((p) => p.start < firstFigure);
  const nl = scan === undefined ? -1 : scan.indexOf('\n');
  const firstLineEnd = scan === undefined ? -1 : nl < 0 ? scan.length : nl;
  // Of two phrases as specific, one that states its year wins (2013年全年 over a title's 去年全年).
  const dated = (p: Period): number => (p.year === undefined ? 0 : 1);
  const chosen = lead.length
    ? [...lead].sort((a, b) => rank(b, firstLineEnd) - rank(a, firstLineEnd) || dated(b) - dated(a) || a.start - b.start)[0]
    : periods.find((p) => rank(p) === 3);
  if (!chosen && scan !== undefined) {
    // No period phrase at all: a year that opens a sentence as its time (2024年，我局共公开…) is the
    // year the figures are of, taken whole.
    const m = OPENING_YEAR.exec(scan);
    return m ? make(m[0].trim(), m.index + m[0].indexOf(m[1]), 1, 12, Number(m[1])) : undefined;
  }
  if (!chosen || chosen.year !== undefined || scan === undefined) return chosen;
  // Its year from the opening (2020年，…), else from a year that opens a sentence before it (2022年省定
  // 民生实事…。截至10月7日，…).
  let y = openingYear(scan, chosen.start);
  if (y === undefined) {
    const m = OPENING_YEAR.exec(scan.slice(0, chosen.start));
    if (m) y = Number(m[1]);
  }
  // A title's 上半年 with the year in the opening after it (上半年卫生健康总结及下半年方案2023年以来，…):
  // that year, even where a copy ran the title into the opening.
  if (y === undefined && chosen.partial) {
    const m = /(?<!\d)(\d{4})\s*年以?来\s*[，,]/.exec(scan.slice(chosen.end, firstFigure));
    y = m ? Number(m[1]) : openingYear(scan, firstFigure);
  }
  // Else the nearest year written before it (a page's dateline 2016年07月06日 09:35 or 2020-05-07 23:49
  // before 今年上半年, a plan's 《2019年…监测方案》 before 全年): not a journal's issue (2022年第5期), and
  // not the date of an event (2022年5月，召开会议), which need not be in the year the figures are of.
  if (y === undefined) {
    const years = [...scan.slice(0, chosen.start).matchAll(/(?<!\d)((?:19|20)\d{2})\s*年(?!\s*第)(?:(?!\s*\d{1,2}\s*月)|(?=\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*\d{1,2}:\d{2}))/g)];
    // A dateline in figures (2020-05-07 23:49:23) dates the page as well.
    const datelines = [...scan.slice(0, chosen.start).matchAll(/(?<![\d-])((?:19|20)\d{2})[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}/g)];
    const last = [...years, ...datelines].sort((a, b) => (a.index ?? 0) - (b.index ?? 0)).pop();
    if (last) y = Number(last[1]);
  }
  return y === undefined ? chosen : make(chosen.text, chosen.start, chosen.from, chosen.to, y);
}

/**
 * The year a report's opening sets for what follows, before offset `upto`: a year that opens a
 * sentence as its time (2020年，我局…; 2021年以来，… before a 全年 that has no year of its own), the
 * last one before `upto`. A year inside a title (《2020年…要点》) or before a month (2020年3月) dates
 * something else.
 */
function openingYear(scan: string, upto: number): number | undefined {
  const ys = [...scan.slice(0, upto).matchAll(/(?:^|[。！？\n，,]|\s)\s*(\d{4})\s*年(?:度|以?来)?\s*[，,]/g)];
  return ys.length ? Number(ys[ys.length - 1][1]) : undefined;
}

/**
 * A year that opens a sentence or a clause (after 。, a comma, a heading's 】 or a space) as the time
 * of what it says: 2024年，…, 2025年我局…, 2017年全省…, 2022年卫生监督…抽检共231间. Not 2024年3月 (a
 * month), 2024年以来 (which may run on), nor 年初, 年底, 上半年 (periods of their own).
 */
const OPENING_YEAR = /(?:^|[。！？\n】，,]|\s)\s*(?:[一二三四五六七八九十\d]{1,2}[、.．][^。\n]{0,12}?[。．])?\s*(\d{4})\s*年(?:度)?(?:\s*[，,]|(?![度月初底末前后上下第以来])(?=[\u4e00-\u9fff]))/m;

/**
 * The period of a figure at `offset`: the nearest period phrase before it in the same sentence
 * (2024年上半年，共受理…), else the report's.
 */
export function periodAt(periods: readonly Period[], report: Period | undefined, sentenceStart: number, offset: number): Period | undefined {
  let local: Period | undefined;
  for (const p of periods) {
    if (p.start >= offset) break;
    if (p.start >= sentenceStart) local = p;
  }
  if (!local) return report;
  // 全年 or 上半年 without a year is of the report's year.
  if (local.year === undefined && report?.year !== undefined) return make(local.text, local.start, local.from, local.to, report.year);
  return local;
}
