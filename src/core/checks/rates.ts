// Mandated rates (强制性): indicators that by regulation must be 100 %. The rule pack checks them
// (rate.mandated.*, so a bureau can change one in 校验规则); the cross-period detectors use the
// same names to flag a mandated rate that fell.

/**
 * Normalised indicator names that must be 100 %. 满意率 (satisfaction) and 合格率 are NOT
 * mandated: they are survey results.
 */
export const MANDATED_RATE_PATTERNS: RegExp[] = [
  /法制审核率$/,
  /依法执业自查率$/,
  /(投诉|举报|舆情|信访|诉求|热线|工单|咨询)?\S*(办结率|完结率)$/,
  /回复率$/,
  /出庭应诉率$/,
  /公示录入率$/,
];

export function isMandatedRate(key: string): boolean {
  if (/满意率|合格率/.test(key)) return false;
  return MANDATED_RATE_PATTERNS.some((p) => p.test(key));
}
