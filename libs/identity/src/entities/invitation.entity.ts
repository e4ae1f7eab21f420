import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { USER_ROLES, type UserRole } from '../domain/roles';
import { Organisation } from './organisation.entity';
import { User } from './user.entity';

/**
 * An invitation to join an organisation. The token is made and mailed by the worker
 * (`invitation.send`); only its hash is kept, so the row alone never lets anyone in.
 */
@Entity('invitation')
@Check('invitation_email_lower_case', `"email" = lower("email")`)
export class Invitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn()
  organisation?: Organisation;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'enum', enum: USER_ROLES, enumName: 'user_role' })
  role: UserRole;

  @Column({ type: 'uuid' })
  invitedById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn()
  invitedBy?: User;

  /** SHA-256 of the token in the e-mail; null until the e-mail is sent. */
  @Column({ type: 'char', length: 64, nullable: true, unique: true })
  tokenHash: string | null;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
