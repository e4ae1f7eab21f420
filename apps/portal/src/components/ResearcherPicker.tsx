import { useState } from 'react';
import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, client } from '../api/client';
import type { NamedResearcher } from '../api/types';

interface Props {
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** The researchers already on the listing, so their names show before any search. */
  known?: NamedResearcher[];
  id?: string;
}

/** Picks the institution's own researchers for a research team, searched by name or e-mail on the server. */
export function ResearcherPicker({ value, onChange, known = [], id }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const found = useQuery({
    queryKey: ['researchers', 'pick', text],
    queryFn: () =>
      answer(client.GET('/api/researchers', { params: { query: { q: text || undefined, pageSize: 20 } } })),
    placeholderData: keepPreviousData,
  });
  const [labels, setLabels] = useState<Record<string, string>>({});
  const label = (r: { name: string; title: string; email?: string | null }) =>
    [r.name, r.title, r.email].filter(Boolean).join(' · ');
  const options = new Map<string, string>();
  for (const r of known) options.set(r.id, label(r));
  for (const [key, name] of Object.entries(labels)) options.set(key, name);
  for (const r of found.data?.items ?? []) options.set(r.id, label(r));
  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      data-testid="researcher-picker"
      value={value}
      onChange={(ids) => {
        // Remember the names of those picked, so they stay readable when the search changes.
        setLabels((current) => ({
          ...current,
          ...Object.fromEntries(ids.map((key) => [key, options.get(key) ?? key])),
        }));
        onChange?.(ids);
      }}
      placeholder={t('detail.teamPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setText }}
      loading={found.isFetching}
      notFoundContent={found.isFetching ? undefined : t('common.empty')}
      options={[...options].map(([key, name]) => ({ value: key, label: name }))}
    />
  );
}
