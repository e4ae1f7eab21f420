import { Injectable } from '@nestjs/common';
import { CatalogIndexer } from '@kuaizhuan/catalog';
import { Notifier, type NotificationInput } from '@kuaizhuan/delivery';
import { AppConfig, OnJob, type SearchDocument } from '@kuaizhuan/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { SavedSearch } from '../entities/saved-search.entity';
import { savedSearchFinds } from './saved-search-match';
import { unsubscribeKey, unsubscribePath } from './unsubscribe-token';

const KIND = {
  achievement: { zh: '科技成果', en: 'achievement', path: '/achievements' },
  need: { zh: '企业需求', en: 'need', path: '/needs' },
} as const;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The message telling a saver of a new listing their search finds, with the link that stops it. */
export function alertNotice(
  search: Pick<SavedSearch, 'id' | 'userId' | 'name' | 'kind'>,
  listing: Pick<SearchDocument, 'id' | 'title' | 'summary'>,
  hitId: string,
  unsubscribe: string,
): NotificationInput {
  const k = KIND[search.kind];
  const name = clip(search.name, 60);
  const title = clip(listing.title, 100);
  const summary = listing.summary ? clip(listing.summary, 300) : '';
  return {
    type: 'saved_search.match',
    subject: { type: 'saved_search_hit', id: hitId },
    recipients: { userIds: [search.userId] },
    title: { zh: `订阅「${name}」有新${k.zh}：${title}`, en: `New ${k.en} for "${name}": ${title}` },
    body: {
      zh: `新发布的${k.zh}「${title}」符合您保存的搜索「${name}」。${summary}`,
      en: `The newly published ${k.en} "${title}" matches your saved search "${name}". ${summary}`.trim(),
    },
    link: `${k.path}/${listing.id}`,
    data: { savedSearchId: search.id, kind: search.kind, listingId: listing.id, unsubscribe },
  };
}

/**
 * The `saved_search.match` job: newly published listings checked against every saved search of
 * their kind. Each listing reaches each saved search at most once (a hit row, unique per pair,
 * written with the notification in one transaction), however often the job or the publication repeats.
 */
@Injectable()
export class SavedSearchAlerts {
  private readonly key: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    private readonly indexer: CatalogIndexer,
    private readonly notifier: Notifier,
    config: AppConfig,
  ) {
    this.key = unsubscribeKey(config.get('JWT_ACCESS_SECRET'));
  }

  @OnJob('saved_search.match', ({ kind, ids }) => [kind, ids])
  async run(kind: 'need' | 'achievement' | 'researcher', ids: string[]): Promise<{ sent: number }> {
    if (kind === 'researcher' || ids.length === 0) return { sent: 0 };
    const searches = await this.dataSource.manager.find(SavedSearch, { where: { kind }, order: { id: 'ASC' } });
    if (searches.length === 0) return { sent: 0 };
    const listings = (await this.indexer.documents(kind, ids)).filter(
      (document) => document.status === 'published' && document.visibility === 'public',
    );
    let sent = 0;
    for (const listing of listings) {
      const finding = searches.filter((search) => savedSearchFinds(search, listing));
      if (finding.length === 0) continue;
      sent += await this.dataSource.transaction(async (manager) => {
        let n = 0;
        for (const search of finding) if (await this.send(manager, search, listing)) n += 1;
        return n;
      });
    }
    return { sent };
  }

  /** Records the hit and notifies; false when this search already sent this listing (or was deleted meanwhile). */
  private async send(manager: EntityManager, search: SavedSearch, listing: SearchDocument): Promise<boolean> {
    const [hit]: { id: string }[] = await manager.query(
      `INSERT INTO saved_search_hit (saved_search_id, listing_kind, listing_id)
       SELECT s.id, s.kind, $2 FROM saved_search s WHERE s.id = $1
       ON CONFLICT (saved_search_id, listing_id) DO NOTHING
       RETURNING id`,
      [search.id, listing.id],
    );
    if (!hit) return false;
    await this.notifier.notify(manager, alertNotice(search, listing, hit.id, unsubscribePath(this.key, search.id)));
    return true;
  }
}
