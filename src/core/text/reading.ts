// The reading string of a report: the scan string (toScan) with the line breaks that cut a
// sentence in two replaced by a space. Text copied from a PDF or a web page breaks lines at the
// page width ("…其中甲类300件、乙\n类700件。"); read as it stands, the break would end the sentence and
// the clause, and a figure split over two lines would not be a figure at all. One UTF-16 unit in,
// one out, so every offset (and so every line number, which comes from the original text) stays
// the same. Pure TypeScript.

// ---------------------------------------------------------------------------------------------
// Scan string: the text with full-width digits, letters, ％ and ． made ASCII and the
// ideographic space made a space. One UTF-16 unit in, one out, so offsets stay the same.
// Full-width punctuation (，：；（）) is kept: ， must never read as a digit separator.

/**
 * Traditional characters of the words the reader looks for (units 條 項 個 萬 戶, markers 總計 其餘
 * 分別, changes 較 減 增長, 佔比, periods 統計) and of common report words, each to its simplified
 * form, one character for one so that offsets stay: reports copied from traditional-script sites
 * read as the simplified ones do. Labels are taken from the text as written.
 */
const TRADITIONAL = new Map<string, string>([...'條項個萬億戶場處張冊輪屆輛計總與別餘過為後辦結轉報訴議業醫療衛機構數類書點單復審許決統較減長佔內們來這對時間區縣開關發證據應當請罰種規範標準實際現從蓋達檢測驗務會歲協調辭職員傳傷級經濟價寫導熱線電話網門節環權責參絡讀續績獲狀態齡產礦藥覺學術鄉鎮護師註專診婦兒預執費補償險農興設備廳廣東圖館無舉擊貧車鐵銷錄監幹運動體質練習勞營養飲給義癥將劃優聯視頻頁題樣認識說論還進選遺適屬層擴創紀約維難雜離雙觀齊談殘傢綜顯隨確嚴問稱頭晉積爭啟癒觸'].map((c, i) => [c, '条项个万亿户场处张册轮届辆计总与别余过为后办结转报诉议业医疗卫机构数类书点单复审许决统较减长占内们来这对时间区县开关发证据应当请罚种规范标准实际现从盖达检测验务会岁协调辞职员传伤级经济价写导热线电话网门节环权责参络读续绩获状态龄产矿药觉学术乡镇护师注专诊妇儿预执费补偿险农兴设备厅广东图馆无举击贫车铁销录监干运动体质练习劳营养饮给义症将划优联视频页题样认识说论还进选遗适属层扩创纪约维难杂离双观齐谈残家综显随确严问称头晋积争启愈触'[i]]));

/**
 * Small-form and half-width punctuation (﹔﹐﹑﹕ as some sites and copies print them, ｡ ､ of
 * half-width fonts) read as the full-width marks they stand for, so that they end clauses and lists.
 */
const PUNCTUATION = new Map<string, string>([
  ['\ufe50', '，'],
  ['\ufe51', '、'],
  ['\ufe54', '；'],
  ['\ufe55', '：'],
  ['\ufe56', '？'],
  ['\ufe57', '！'],
  ['\uff61', '。'],
  ['\uff64', '、'],
]);

/** A full stop written as an ASCII point after Chinese text (…共39种.其中,…): read as 。. */
const CJK_BEFORE_POINT = /[\u4e00-\u9fff）)%」”]/;
const CJK_AFTER_POINT = /[\u4e00-\u9fff\n\r “「（(①-⑳]/;

/** A pinyin syllable in brackets, as mirror sites gloss characters: (shù), (qū). */
export const PINYIN_GLOSS = /[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,6}[)）]/;
const GLOSS_AT = new RegExp(PINYIN_GLOSS.source, 'y');

/** Separators a copy may double: commas, enumeration commas, semicolons. */
const DOUBLED = new Set([',', '，', '、', ';', '；']);
/** Separators stronger than a comma. */
const STRONGER = new Set([';', '；', '。']);

export function toScan(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A pinyin gloss that copies on mirror sites put after a character (人數(shù)的): blanked, so that
    // it neither brackets nor splits the words around it.
    if ((c === 0x28 || c === 0xff08) && i > 0 && text.charCodeAt(i - 1) >= 0x4e00) {
      GLOSS_AT.lastIndex = i;
      const gloss = GLOSS_AT.exec(text);
      if (gloss) {
        out += ' '.repeat(gloss[0].length);
        i += gloss[0].length - 1;
        continue;
      }
    }
    // A separator doubled, as copies on mirror sites print them (47115,,二胎): the second is blank,
    // so that no empty item stands between the two.
    if (DOUBLED.has(text[i]) && text[i - 1] === text[i]) {
      out += ' ';
      continue;
    }
    // A comma such a copy puts before a stronger separator (占总量的24.14%,;建议类…, 0.20%,。) is blank
    // too: the stronger one ends the item.
    if ((text[i] === ',' || text[i] === '，') && STRONGER.has(text[i + 1])) {
      out += ' ';
      continue;
    }
    const simplified = c >= 0x4e00 && c < 0xa000 ? TRADITIONAL.get(text[i]) : c >= 0xfe50 ? PUNCTUATION.get(text[i]) : undefined;
    if (simplified !== undefined) {
      out += simplified;
    } else if (c === 0x2e && CJK_BEFORE_POINT.test(text[i - 1] ?? '') && (i + 1 === text.length || CJK_AFTER_POINT.test(text[i + 1]))) {
      out += '。';
    } else if ((c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a) || c === 0xff05 || c === 0xff0e) {
      out += String.fromCharCode(c - 0xfee0);
    } else if (c === 0x3000 || c === 0x00a0 || c === 0x09) {
      out += ' ';
    } else {
      out += text[i];
    }
  }
  return out;
}

/** Traditional characters of the map above made simplified, character for character (醫師 → 医师). */
export function simplifiedChars(s: string): string {
  let out = '';
  for (const ch of s) out += TRADITIONAL.get(ch) ?? ch;
  return out;
}

/** Offsets where each line starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** 1-based line and column of an offset. */
export function lineOf(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}

/** Characters that end a sentence or a list item at the end of a line: the break is real. */
const LINE_END_OK = /[。！？!?；;：:…]$/;
/** A line that opens with a heading or list marker: 一、 （一） (1) 1. 1、 ① 第一， 一是. */
const ITEM_START = /^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[.．、](?!\d)|[①-⑳]|第[一二三四五六七八九十]+[，,、]|[一二三四五六七八九十]+是)/;

/**
 * A line that is one place or item with its figure and, in brackets, its breakdown (运城市18例(新绛县5例、
 * 盐湖区3例)): a bulletin's list one item a line, whose breaks are real where two such lines meet.
 */
export const ONE_ITEM_LINE = /^\s*[^，,。；;：:\d\s（()）]{1,12}\d[\d.]*\s*[^\d\s，,。；;：:（()）、]{1,3}\s*(?:[（(][^（()）\n]*[)）])?\s*[。；;，,]?$/;

/** Whether a line is a heading (短标题) rather than a sentence cut at the page width. */
function isHeading(line: string): boolean {
  const s = line.trim();
  if (s === '') return true;
  if (ITEM_START.test(s) && s.length <= 40 && !/[。；;]/.test(s)) return true;
  // A short line without clause punctuation: a title such as 一、总体情况 or 主动公开情况.
  if (s.length <= 16 && !/[，,、]/.test(s)) return true;
  // A table's title that ends with its year: 各类医院基本情况(2020年), 城市前十位疾病死亡原因及构成 (2006年).
  if (s.length <= 60 && !/[，,、。；;：:]/.test(s) && /[（(]\s*\d{4}\s*年\s*[)）]$/.test(s)) return true;
  // A document's title: …卫生健康委员会2022年政府信息公开工作年度报告, …工作总结, …情况通报.
  return s.length <= 60 && !/[，,、。；;：:]/.test(s) && /(?:报告|总结|通报|年报|公告|公报|分析)$/.test(s);
}

/**
 * The scan string with sentence-internal line breaks made spaces. A break is kept when the line
 * before it ends a sentence or an item (。！？；：…), is a heading or a short title, when the next
 * line is blank or opens a numbered item or heading, or between two lines of one item each.
 */
export function joinBrokenLines(scan: string): string {
  const lines = scan.split('\n');
  if (lines.length === 1) return scan;
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    out += line;
    if (i === lines.length - 1) break;
    const body = line.replace(/\r$/, '');
    const next = lines[i + 1].replace(/\r$/, '');
    const trimmed = body.replace(/\s+$/, '');
    const items = ONE_ITEM_LINE.test(trimmed) && ONE_ITEM_LINE.test(next);
    const broken = trimmed !== '' && !LINE_END_OK.test(trimmed) && !isHeading(trimmed) && next.trim() !== '' && !ITEM_START.test(next) && !items;
    if (broken) {
      // "\r\n" → "  ": both units become spaces, offsets unchanged.
      if (line.endsWith('\r')) out = out.slice(0, -1) + ' ';
      out += ' ';
    } else {
      out += '\n';
    }
  }
  return out;
}

/** The string claims and mentions are read from: toScan, then joinBrokenLines. */
export function readingScan(text: string): string {
  return joinBrokenLines(toScan(text));
}
