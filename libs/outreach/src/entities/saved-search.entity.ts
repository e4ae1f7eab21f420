import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

export const SAVED_SEARCH_KINDS = ['achievement', 'need'] as const;
export type SavedSearchKind = (typeof SAVED_SEARCH_KINDS)[number];

/** The text and filters of a portal search, as saved (the search page's own parameters). */
export interface SavedQuery {
  q?: string;
  field?: string[];
  region?: string[];
  maturity?: string[];
  ipType?: string[];
  mode?: string[];
  institution?: string[];
  amountMin?: string;
  amountMax?: string;
}

/** A search someone saved to be told of new listings that match it. */
@Entity('saved_search')
@Index('IDX_saved_search_user', ['userId'])
@Index('IDX_saved_search_kind', ['kind'])
export class SavedSearch {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'uuid' })
  orgId: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'enum', enum: SAVED_SEARCH_KINDS, enumName: 'saved_search_kind' })
  kind: SavedSearchKind;

  @Column({ type: 'jsonb' })
  query: SavedQuery;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A listing a saved search has sent: at most once per listing per saved search. */
@Entity('saved_search_hit')
@Unique('UQ_saved_search_hit_listing', ['savedSearchId', 'listingId'])
export class SavedSearchHit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  savedSearchId: string;

  @Column({ type: 'enum', enum: SAVED_SEARCH_KINDS, enumName: 'saved_search_kind' })
  listingKind: SavedSearchKind;

  @Column({ type: 'uuid' })
  listingId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
