import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { USER_ROLES, USER_STATUSES, type UserRole, type UserStatus } from '../domain/roles';
import { Organisation } from './organisation.entity';

/** A person who signs in. E-mail addresses are stored lower-cased, which makes them unique case-insensitively. */
@Entity('user_account')
@Check('user_account_email_lower_case', `"email" = lower("email")`)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn()
  organisation?: Organisation;

  @Column({ type: 'varchar', length: 254, unique: true })
  email: string;

  @Column({ type: 'varchar', length: 100 })
  displayName: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone: string | null;

  @Column({ type: 'enum', enum: USER_ROLES, enumName: 'user_role' })
  role: UserRole;

  /** argon2id, PHC string format. */
  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'enum', enum: USER_STATUSES, enumName: 'user_status', default: 'active' })
  status: UserStatus;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  /**
   * Carried in every access token; raising it (suspension, a role change, rejection of the
   * organisation) makes all the user's access tokens refused at once.
   */
  @Column({ type: 'integer', default: 0 })
  sessionVersion: number;

  /**
   * When the person proved the address is theirs: a self-registration is null until its link is
   * opened, and such an account cannot sign in. Invited and seeded accounts are confirmed (the default).
   */
  @Column({ type: 'timestamptz', nullable: true, default: () => 'now()' })
  emailConfirmedAt: Date | null;

  /** SHA-256 of the confirmation link's token; null once used, or before the e-mail is sent. */
  @Index('user_account_confirmation_token_hash', { unique: true, where: '"confirmation_token_hash" IS NOT NULL' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  confirmationTokenHash: string | null;

  /** The last sign-up or resend that asked for a confirmation e-mail (the job sends one per request). */
  @Column({ type: 'timestamptz', nullable: true })
  confirmationRequestedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  confirmationSentAt: Date | null;

  /** When the mailed link stops working. */
  @Column({ type: 'timestamptz', nullable: true })
  confirmationExpiresAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
