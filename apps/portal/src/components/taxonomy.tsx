import { Select, type SelectProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { TaxonomyKind, TaxonomyTerm } from '../api/types';

/** One taxonomy's active terms; reference data, cached for the session. */
export function useTaxonomy(kind: TaxonomyKind) {
  return useQuery({
    queryKey: ['taxonomy', kind],
    queryFn: () => api<TaxonomyTerm[]>(`/taxonomies/${kind}`, { anonymous: true }),
    staleTime: 10 * 60_000,
  });
}

/** A code's name in the portal's language (the code itself while loading or when unknown). */
export function useTermName(kind: TaxonomyKind): (code: string | null | undefined) => string {
  const { data } = useTaxonomy(kind);
  const { i18n } = useTranslation();
  return (code) => {
    if (!code) return '—';
    const term = data?.find((t) => t.code === code);
    if (!term) return code;
    return i18n.language === 'en' ? term.nameEn : term.nameZh;
  };
}

type PickerProps = Omit<SelectProps<string | string[]>, 'options'> & { kind: TaxonomyKind };

/** A select over one taxonomy, searchable by name or code. */
export function TaxonomySelect({ kind, ...props }: PickerProps) {
  const { data, isPending } = useTaxonomy(kind);
  const { i18n } = useTranslation();
  const options = (data ?? [])
    .filter((term) => term.active)
    .map((term) => ({
      value: term.code,
      label: i18n.language === 'en' ? term.nameEn : term.nameZh,
      search: `${term.code} ${term.nameZh} ${term.nameEn}`.toLowerCase(),
    }));
  return (
    <Select
      showSearch={{ filterOption: (input, option) => (option?.search ?? '').includes(input.toLowerCase()) }}
      loading={isPending}
      options={options}
      allowClear
      {...props}
    />
  );
}
