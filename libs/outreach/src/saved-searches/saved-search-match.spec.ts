import type { SearchDocument } from '@kuaizhuan/platform';
import { savedSearchFinds, textFits } from './saved-search-match';
import { isUnsubscribeToken, unsubscribeKey, unsubscribePath, unsubscribeToken } from './unsubscribe-token';

const listing: SearchDocument = {
  id: 'a1',
  kind: 'achievement',
  ownerOrgId: 'university',
  title: '高强韧镁合金板材连续轧制技术',
  keywords: ['镁合金', '轧制'],
  summary: 'A continuous rolling process for Magnesium alloy sheet.',
  otherText: ['新能源汽车电池包壳体'],
  fieldCodes: ['light-alloy'],
  regionCodes: ['500112'],
  maturity: 'pilot',
  ipTypes: ['invention_patent'],
  transferModes: ['licence'],
  institution: '重庆大学',
  amount: { min: 800_000, max: 1_500_000 },
  status: 'published',
  visibility: 'public',
  updatedAt: '2026-12-01T00:00:00Z',
};

const search = (query: object) => ({ orgId: 'company', kind: 'achievement' as const, query });

describe('savedSearchFinds', () => {
  it('finds a listing holding every word and passing every filter', () => {
    expect(savedSearchFinds(search({ q: '镁合金 轧制', field: ['light-alloy'], mode: ['licence'] }), listing)).toBe(
      true,
    );
    expect(savedSearchFinds(search({}), listing)).toBe(true);
  });

  it('misses a listing lacking one of the words', () => {
    expect(savedSearchFinds(search({ q: '镁合金 焊接' }), listing)).toBe(false);
  });

  it('misses a listing outside a filter', () => {
    expect(savedSearchFinds(search({ field: ['biomedicine'] }), listing)).toBe(false);
    expect(savedSearchFinds(search({ maturity: ['industrial'] }), listing)).toBe(false);
    expect(savedSearchFinds(search({ institution: ['西南大学'] }), listing)).toBe(false);
    expect(savedSearchFinds(search({ region: ['110108'] }), listing)).toBe(false);
  });

  it('keeps listings whose price range reaches the wanted one, as search does', () => {
    expect(savedSearchFinds(search({ amountMin: '1500000.00' }), listing)).toBe(true);
    expect(savedSearchFinds(search({ amountMin: '1500000.01' }), listing)).toBe(false);
    expect(savedSearchFinds(search({ amountMax: '799999.99' }), listing)).toBe(false);
    expect(savedSearchFinds(search({ amountMax: '10' }), { ...listing, amount: null })).toBe(false);
  });

  it('never sends the saver its own listings, another kind, or what is not public and published', () => {
    expect(savedSearchFinds({ ...search({}), orgId: 'university' }, listing)).toBe(false);
    expect(savedSearchFinds({ ...search({}), kind: 'need' }, listing)).toBe(false);
    expect(savedSearchFinds(search({}), { ...listing, status: 'draft' })).toBe(false);
    expect(savedSearchFinds(search({}), { ...listing, visibility: 'private' })).toBe(false);
  });
});

describe('textFits', () => {
  it('folds case and full-width letters', () => {
    expect(textFits('MAGNESIUM', listing)).toBe(true);
    expect(textFits('ｍａｇｎｅｓｉｕｍ', listing)).toBe(true);
  });
});

describe('unsubscribe tokens', () => {
  const key = unsubscribeKey('a secret of the platform');
  const id = '6f1c6a4e-35a4-4a43-9d2e-2d2a3f7b6c01';

  it('accepts its own token and refuses another search’s or a changed one', () => {
    const token = unsubscribeToken(key, id);
    expect(isUnsubscribeToken(key, id, token)).toBe(true);
    expect(isUnsubscribeToken(key, '00000000-0000-4000-8000-000000000000', token)).toBe(false);
    const changed = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(isUnsubscribeToken(key, id, changed)).toBe(false);
    expect(isUnsubscribeToken(key, id, `${token}x`)).toBe(false);
    expect(isUnsubscribeToken(unsubscribeKey('another secret'), id, token)).toBe(false);
  });

  it('links to the portal page with the id and token', () => {
    expect(unsubscribePath(key, id)).toBe(`/saved-searches/unsubscribe?id=${id}&token=${unsubscribeToken(key, id)}`);
  });
});
