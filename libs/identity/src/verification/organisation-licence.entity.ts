import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Organisation } from '../entities/organisation.entity';

/** The business licence (营业执照) an organisation uploaded for verification; one per organisation. */
@Entity('organisation_licence')
export class OrganisationLicence {
  @PrimaryColumn({ type: 'uuid' })
  organisationId: string;

  @OneToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn()
  organisation?: Organisation;

  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  @Column({ type: 'varchar', length: 100 })
  contentType: string;

  @Column({ type: 'int' })
  size: number;

  /** The file itself; read only when downloaded. */
  @Column({ type: 'bytea', select: false })
  content?: Buffer;

  /** The member who uploaded it. No foreign key: kept for the record. */
  @Column({ type: 'uuid' })
  uploadedBy: string;

  @Column({ type: 'timestamptz' })
  uploadedAt: Date;
}
