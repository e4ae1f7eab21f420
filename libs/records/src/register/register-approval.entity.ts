import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The institution's own approval of a disposal of a service invention (单列管理: the institution
 * decides, not the state-asset process): who approved it, on which day, under which document.
 * One per disposal (deal); recording it again replaces it, and the audit log keeps each version.
 */
@Entity('register_approval')
@Index('IDX_register_approval_institution', ['institutionOrgId'])
export class RegisterApproval {
  @PrimaryColumn({ type: 'uuid' })
  dealId: string;

  @Column({ type: 'uuid' })
  institutionOrgId: string;

  /** The person or body that approved it (e.g. 校长办公会, 成果转化领导小组). */
  @Column({ type: 'varchar', length: 100 })
  approvedBy: string;

  @Column({ type: 'date' })
  approvedOn: string;

  /** The approval's document reference (文号), e.g. 渝大科〔2026〕12号. */
  @Column({ type: 'varchar', length: 100 })
  documentRef: string;

  @Column({ type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}
