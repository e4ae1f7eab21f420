import { Fragment } from 'react';
import {
  Card,
  Checkbox,
  Col,
  Collapse,
  Empty,
  Grid,
  Input,
  List,
  Pagination,
  Row,
  Segmented,
  Skeleton,
  Space,
  Tag,
  Typography,
  Alert,
} from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client';
import type { FacetName, SearchResult, SearchType, Snippet, TaxonomyKind } from '../api/types';
import { useTermName } from '../components/taxonomy';
import { formatDate } from '../format';
import { SaveSearchButton } from './SavedSearches';

/** Facet → query parameter of GET /api/search, and the taxonomy naming its values. */
const FACETS: { facet: FacetName; param: string; taxonomy?: TaxonomyKind; modes?: boolean }[] = [
  { facet: 'fieldCodes', param: 'field', taxonomy: 'field' },
  { facet: 'regionCodes', param: 'region', taxonomy: 'region' },
  { facet: 'maturity', param: 'maturity', taxonomy: 'maturity_stage' },
  { facet: 'ipTypes', param: 'ipType', taxonomy: 'ip_type' },
  { facet: 'transferModes', param: 'mode', modes: true },
  { facet: 'institution', param: 'institution' },
];
const PAGE_SIZE = 10;

/** A snippet with its matched spans wrapped in <mark>. */
export function Highlighted({ snippet }: { snippet: Snippet }) {
  const parts: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const { start, end } of snippet.marks) {
    if (start > at) parts.push({ text: snippet.text.slice(at, start), mark: false });
    parts.push({ text: snippet.text.slice(start, end), mark: true });
    at = end;
  }
  if (at < snippet.text.length) parts.push({ text: snippet.text.slice(at), mark: false });
  return <>{parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>))}</>;
}

function FacetList({
  facet,
  values,
  chosen,
  onChange,
}: {
  facet: (typeof FACETS)[number];
  values: { value: string; count: number }[];
  chosen: string[];
  onChange: (next: string[]) => void;
}) {
  const { t } = useTranslation();
  const name = useTermName(facet.taxonomy ?? 'field');
  const label = (value: string) =>
    facet.modes ? t(`modes.${value}`, { defaultValue: value }) : facet.taxonomy ? name(value) : value;
  if (values.length === 0) return null;
  return (
    <Card size="small" title={t(`search.facets.${facet.facet}`)} style={{ marginBottom: 12 }} data-facet={facet.facet}>
      <Checkbox.Group
        value={chosen}
        onChange={(next) => onChange(next)}
        style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
        options={values.slice(0, 12).map((v) => ({ value: v.value, label: `${label(v.value)} (${v.count})` }))}
      />
    </Card>
  );
}

/** One search box for everyone: type, filters and facets, highlighted hits, pages. State lives in the URL. */
export default function Search() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const type = (params.get('type') as SearchType | null) ?? 'achievement';
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const filters = Object.fromEntries(
    FACETS.map((f) => [f.param, params.get(f.param)?.split(',').filter(Boolean) ?? []]),
  ) as Record<string, string[]>;

  const update = (changes: Record<string, string | string[] | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      const text = Array.isArray(value) ? value.join(',') : value;
      if (text) next.set(key, text);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  // On a phone the facets fold away so the first result is near the top.
  const wide = Grid.useBreakpoint().md ?? true;
  const chosenCount = Object.values(filters).reduce((sum, values) => sum + values.length, 0);

  const result = useQuery({
    queryKey: ['search', type, q, page, filters],
    queryFn: () => api<SearchResult>('/search', { query: { type, q, page, pageSize: PAGE_SIZE, ...filters } }),
    placeholderData: keepPreviousData,
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Segmented<SearchType>
        value={type}
        onChange={(v) => update({ type: v, ...Object.fromEntries(FACETS.map((f) => [f.param, undefined])) })}
        options={(['achievement', 'need', 'researcher'] as const).map((v) => ({
          value: v,
          label: t(`search.types.${v}`),
        }))}
      />
      <Input.Search
        size="large"
        placeholder={t('search.placeholder')}
        defaultValue={q}
        key={q}
        allowClear
        enterButton
        onSearch={(value) => update({ q: value.trim() || undefined })}
        aria-label={t('nav.search')}
      />
      <SaveSearchButton
        type={type}
        query={{
          ...(q ? { q } : {}),
          ...Object.fromEntries(Object.entries(filters).filter(([, values]) => values.length > 0)),
        }}
      />
      <Row gutter={16}>
        <Col xs={24} md={7} lg={6}>
          {result.data &&
            (() => {
              const facets = FACETS.map((f) => (
                <FacetList
                  key={f.facet}
                  facet={f}
                  values={result.data.facets[f.facet] ?? []}
                  chosen={filters[f.param] ?? []}
                  onChange={(next) => update({ [f.param]: next })}
                />
              ));
              return wide ? (
                facets
              ) : (
                <Collapse
                  size="small"
                  style={{ marginBottom: 12 }}
                  items={[
                    {
                      key: 'facets',
                      label: chosenCount > 0 ? t('search.filtersChosen', { count: chosenCount }) : t('search.filters'),
                      children: facets,
                    },
                  ]}
                />
              );
            })()}
        </Col>
        <Col xs={24} md={17} lg={18}>
          {result.isPending && <Skeleton active />}
          {result.isError && <Alert type="error" showIcon title={result.error.message} />}
          {result.data && (
            <>
              <Typography.Text type="secondary" data-testid="search-total">
                {t('search.results', { count: result.data.total })}
              </Typography.Text>
              {result.data.hits.length === 0 ? (
                <Empty description={t('search.none')} />
              ) : (
                <List
                  itemLayout="vertical"
                  dataSource={result.data.hits}
                  style={{ opacity: result.isPlaceholderData ? 0.6 : 1 }}
                  renderItem={(hit) => (
                    <List.Item key={hit.id} data-testid="search-hit">
                      <List.Item.Meta
                        title={
                          <Link to={`/${hit.type}s/${hit.id}`} data-testid="search-hit-link">
                            <Highlighted snippet={hit.highlights.title} />
                          </Link>
                        }
                        description={
                          <Space wrap size={4}>
                            {hit.institution && <Tag>{hit.institution}</Tag>}
                            {hit.transferModes.map((m) => (
                              <Tag key={m} color="blue">
                                {t(`modes.${m}`, { defaultValue: m })}
                              </Tag>
                            ))}
                            <Typography.Text type="secondary">{formatDate(hit.updatedAt)}</Typography.Text>
                          </Space>
                        }
                      />
                      {hit.highlights.summary && <Highlighted snippet={hit.highlights.summary} />}
                    </List.Item>
                  )}
                />
              )}
              <Pagination
                current={page}
                pageSize={PAGE_SIZE}
                total={Math.min(result.data.total, 500 * PAGE_SIZE)}
                showSizeChanger={false}
                onChange={(p) => update({ page: String(p) })}
              />
            </>
          )}
        </Col>
      </Row>
    </Space>
  );
}
