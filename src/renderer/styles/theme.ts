// The look shared by the office app and the provincial console (src/console): antd's tokens.
// Secondary, hint and placeholder texts are darker than antd's defaults (which are 0.45 and 0.25
// black): every text must read at a 4.5:1 contrast (WCAG AA), on a counter PC's screen in a
// bright room as much as for the checker.
export const THEME = {
  colorPrimary: '#0b5cad',
  colorLink: '#0b5cad',
  colorError: '#cf1322',
  colorSuccess: '#2b7a0b',
  colorWarning: '#ad6800',
  borderRadius: 4,
  fontSize: 15,
  colorTextSecondary: '#545e69',
  colorTextTertiary: '#545e69',
  colorTextDescription: '#545e69',
  colorTextPlaceholder: '#68717b',
  colorTextQuaternary: '#68717b',
};
