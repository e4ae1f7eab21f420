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

/** A code's name in the portal's language: … while the names load (never the code), the code when unknown. */
export function useTermName(kind: TaxonomyKind): (code: string | null | undefined) => string {
  const { data } = useTaxonomy(kind);
  const { i18n } = useTranslation();
  return (code) => {
    if (!code) return '—';
    if (!data) return '…';
    const term = data?.find((t) => t.code === code);
    if (!term) return code;
    return i18n.language === 'en' ? term.nameEn : term.nameZh;
  };
}

type PickerProps = Omit<SelectProps<string | string[]>, 'options'> & { kind: TaxonomyKind };

interface TermOption {
  value: string;
  label: string;
  search: string;
}

/**
 * The options of a taxonomy. A hierarchical one (technology fields) is grouped: terms that have
 * children are headings, never choices, and each choice sits under its parent's name.
 */
export function termOptions(
  terms: readonly TaxonomyTerm[],
  en: boolean,
  grouped: boolean,
): (TermOption | { label: string; title: string; options: TermOption[] })[] {
  const active = terms.filter((term) => term.active);
  const name = (term: TaxonomyTerm) => (en ? term.nameEn || term.nameZh : term.nameZh);
  const option = (term: TaxonomyTerm): TermOption => ({
    value: term.code,
    label: name(term),
    search: `${term.code} ${term.nameZh} ${term.nameEn}`.toLowerCase(),
  });
  const parents = new Set(active.map((term) => term.parentCode).filter((code): code is string => code !== null));
  if (!grouped || parents.size === 0) return active.map(option);
  const byCode = new Map(active.map((term) => [term.code, term]));
  const groups = new Map<string, TermOption[]>();
  const loose: TermOption[] = [];
  for (const term of active) {
    if (parents.has(term.code)) continue;
    if (term.parentCode && byCode.has(term.parentCode)) {
      const group = groups.get(term.parentCode) ?? [];
      group.push(option(term));
      groups.set(term.parentCode, group);
    } else loose.push(option(term));
  }
  return [
    ...loose,
    ...[...groups].map(([code, options]) => {
      const label = name(byCode.get(code)!);
      return { label, title: label, options };
    }),
  ];
}

/** A select over one taxonomy, searchable by name or code; a hierarchy's headings are not choices. */
export function TaxonomySelect({ kind, ...props }: PickerProps) {
  const { data, isPending } = useTaxonomy(kind);
  const { i18n } = useTranslation();
  // Only technology fields form a hierarchy of headings; a region may be a whole city or a district.
  const options = termOptions(data ?? [], i18n.language === 'en', kind === 'field');
  return (
    <Select
      showSearch={{
        filterOption: (input, option) =>
          ((option as { search?: string } | undefined)?.search ?? '').includes(input.toLowerCase()),
      }}
      loading={isPending}
      options={options}
      allowClear
      {...props}
    />
  );
}
