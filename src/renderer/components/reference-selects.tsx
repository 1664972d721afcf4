// Searchable selects for provinces and communes from the shipped reference list, and for the 54
// ethnic groups. Search ignores Vietnamese accents, so "ha noi" finds "Hà Nội".
import { Select, type SelectProps } from 'antd';
import { canonicalEthnicity, ethnicities } from '../../shared/domain/ethnicities';
import { foldName } from '../../shared/domain/name-folding';
import { useCall } from '../api/use-call';

/** Matches an option's label without accents: "huu tri" finds "hưu trí". */
export const filterOption: SelectProps['filterOption'] = (input, option) => foldName(String(option?.label ?? '')).includes(foldName(input));

type Props = Omit<SelectProps, 'options' | 'showSearch'>;

export function useProvinces() {
  return useCall('reference.provinces', {}, { staleTime: Infinity });
}

export function useCommunes(provinceCode: string | undefined) {
  return useCall('reference.communes', provinceCode && /^\d{2}$/.test(provinceCode) ? { provinceCode } : null, { staleTime: Infinity });
}

export function ProvinceSelect(props: Props) {
  const provinces = useProvinces();
  return (
    <Select
      {...props}
      showSearch={{ filterOption }}
      loading={provinces.isLoading}
      options={(provinces.data?.items ?? []).map((p) => ({ value: p.code, label: p.fullName || p.name }))}
    />
  );
}

export function CommuneSelect({ provinceCode, ...props }: Props & { provinceCode: string | undefined }) {
  const communes = useCommunes(provinceCode);
  return (
    <Select
      {...props}
      showSearch={{ filterOption }}
      disabled={!provinceCode}
      loading={communes.isLoading}
      options={(communes.data?.items ?? []).map((c) => ({ value: c.code, label: c.fullName || c.name }))}
    />
  );
}

const ethnicityOptions = ethnicities.map((e) => ({ value: e, label: e }));

/** Also finds a group by another name in common use ("hmong" → Mông). */
const filterEthnicity: SelectProps['filterOption'] = (input, option) => filterOption(input, option) || canonicalEthnicity(input) === option?.value;

export function EthnicitySelect(props: Props) {
  return <Select {...props} showSearch={{ filterOption: filterEthnicity }} options={ethnicityOptions} />;
}
