import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The latest version of each need or achievement the matcher has run on: the hourly
 * reconciliation compares it with the listing's `updated_at` and matches again whatever a
 * lost or failed match job left unmatched.
 */
@Entity('match_run')
@Check('match_run_subject_kind', `"subject_kind" IN ('need', 'achievement')`)
export class MatchRun {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  subjectKind: 'need' | 'achievement';

  @PrimaryColumn({ type: 'uuid' })
  subjectId: string;

  /** The listing's `updated_at` when it was matched. */
  @Column({ type: 'timestamptz' })
  subjectUpdatedAt: Date;

  @Column({ type: 'timestamptz' })
  matchedAt: Date;
}
