import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../entities/user.entity';
import { LEGAL_DOCUMENTS, type LegalDocument } from './legal-texts';

/** A person's consent to one version of a legal text (user agreement, privacy notice), and when. */
@Entity('legal_consent')
@Index(['userId', 'document', 'version'], { unique: true })
export class LegalConsent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn()
  user?: User;

  @Column({ type: 'enum', enum: LEGAL_DOCUMENTS, enumName: 'legal_document' })
  document: LegalDocument;

  /** The version of the text that was shown and accepted. */
  @Column({ type: 'varchar', length: 20 })
  version: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  acceptedAt: Date;
}
