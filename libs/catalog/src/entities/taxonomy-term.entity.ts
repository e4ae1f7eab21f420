import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { TAXONOMY_KINDS, type TaxonomyKind } from '../domain/vocabulary';

/**
 * One term of an editable taxonomy: technology fields (incl. Chongqing's 33618 clusters),
 * regions (GB/T 2260 codes), IP types, maturity stages. Seeded by a data migration,
 * edited by admins. A retired term stays (listings may still name it) but is inactive.
 */
@Entity('taxonomy_term')
@Index(['kind', 'parentCode'])
export class TaxonomyTerm {
  @PrimaryColumn({ type: 'enum', enum: TAXONOMY_KINDS, enumName: 'taxonomy_kind' })
  kind: TaxonomyKind;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  nameZh: string;

  @Column({ type: 'varchar', length: 160 })
  nameEn: string;

  /** The term this one sits under (a cluster group, a province), same kind. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  parentCode: string | null;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
