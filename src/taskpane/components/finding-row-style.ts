// The look of a finding's row button, shared by the 校验 tab's list and the 跨年 tab's: a full-width
// plain button with a coloured left border (set by severity), hover and pressed shades, and the
// Fluent focus outline.
import { createFocusOutlineStyle, tokens, type GriffelStyle } from '@fluentui/react-components';

export const findingRowButton: GriffelStyle = {
  width: '100%',
  textAlign: 'start',
  padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
  border: 'none',
  borderLeft: `${tokens.strokeWidthThicker} solid transparent`,
  backgroundColor: 'transparent',
  color: tokens.colorNeutralForeground1,
  fontFamily: tokens.fontFamilyBase,
  fontSize: tokens.fontSizeBase300,
  lineHeight: tokens.lineHeightBase300,
  cursor: 'pointer',
  ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  ':active': { backgroundColor: tokens.colorNeutralBackground1Pressed },
  ...createFocusOutlineStyle(),
};
