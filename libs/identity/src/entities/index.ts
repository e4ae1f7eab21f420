import { AuditLogEntry } from './audit-log.entity';
import { Invitation } from './invitation.entity';
import { Organisation } from './organisation.entity';
import { RefreshToken } from './refresh-token.entity';
import { User } from './user.entity';

export { AuditLogEntry, Invitation, Organisation, RefreshToken, User };

/** Every identity entity, registered together so relations always resolve. */
export const IDENTITY_ENTITIES = [Organisation, User, Invitation, RefreshToken, AuditLogEntry];
