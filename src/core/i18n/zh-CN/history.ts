// Messages of the cross-period detectors (src/core/history), in Chinese. A finding's message is
// what a clerk reads (the value, the year, the range it should lie in); its `.details` template
// holds the method's statistics and thresholds (Finding.details). Numbers come formatted.
export const history = {
  'history.yoy': '“{indicator}”{who}{current}为 {currentValue}，{base}为 {baseValue}，{change}（{relative}），超出同比范围 {lower}～{upper}。{note}',
  'history.yoy.details': '同比变动超过 {threshold} 且绝对变动超过 {floor} 即提示。',
  'history.yoy.scale':
    '“{indicator}”{who}{current}为 {currentValue}，{base}为 {baseValue}，约为上期的 {factor}：可能是单位错误或多录/少录了数字（如元与万元混用）。同比范围 {lower}～{upper}。{note}',
  'history.robust': '“{indicator}”{who}{current}为 {currentValue}，与此前 {n} 期（{years}）相差过大，按往年应在 {lower}～{upper} 之间。{note}',
  'history.robust.details': '往年中位数 {median}，MAD {mad}，稳健 z 值 {z}（|z| > {zMax} 且偏离超过 {floor} 即提示）。',
  'history.robust.flat': '“{indicator}”{who}{current}为 {currentValue}，此前 {n} 期（{years}）多数为 {median}，{change}，超出范围 {lower}～{upper}。{note}',
  'history.robust.flat.details': '往年中位数 {median}，MAD 为 0（往年数值多数相同），偏离超过 {floor} 即提示。',
  'history.hb':
    '“{indicator}”{who}{current}为 {currentValue}，{base}为 {baseValue}，变化与其他 {n} 个地区相差过大：按该地区规模，{current}应在 {lower}～{upper} 之间。{note}',
  'history.hb.details':
    '{current}与{base}之比 {ratio}，各地区比值中位数 {medianRatio}；HB 得分 E = {score}，界限 {lowerE}～{upperE}（Hidiroglou–Berthelot，U = {U}，A = {A}，C = {C}）。',
  'history.vanished': '“{indicator}”{who}{base}为 {baseValue}，{current}没有数值：指标是否被删除或漏填？',
  'history.new': '“{indicator}”{who}是{current}新增的指标（{base}没有），{current}为 {currentValue}。',
  'history.rate-fell': '“{indicator}”{who}{base}为 {baseValue}，{current}降为 {currentValue}：强制性比率应保持 100%。',
  'history.conflict': '“{indicator}”{who}{period}在两处的数值不同：{first} 为 {firstValue}，{second} 为 {secondValue}；跨期比较采用前者。',
  'history.note.approx': '（{text} 是约数，比较仅供参考。）',
  'history.change.up': '增加 {amount}',
  'history.change.down': '减少 {amount}',
  'history.change.none': '没有变化',
  'history.change.from-zero': '上期为 0',
  // a sum of money (fmtValue)
  'history.money': '{amount} 元',
  'history.points': '{amount} 个百分点',
  'history.factor.up': '{k} 倍',
  'history.factor.down': '{k} 分之一',
  // a year inside a sentence (yearText)
  'history.year': '{year}年',
} as const;
