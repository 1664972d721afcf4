// Vietnamese strings (the default). Keys are grouped by screen.
export const vi = {
  app: { title: 'Field Office — BHXH', loading: 'Đang tải…' },
};
