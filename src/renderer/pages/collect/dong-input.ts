// InputNumber settings for whole-đồng amounts typed with Vietnamese grouping (1.500.000).
import type { InputNumberProps } from 'antd';

export const dongInputProps: InputNumberProps<number> = {
  min: 0,
  step: 50_000,
  precision: 0,
  formatter: (v) => (v == null || String(v) === '' ? '' : String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '.')),
  parser: (v) => Number((v ?? '').replace(/\D/g, '')) || 0,
  suffix: 'đ',
};
