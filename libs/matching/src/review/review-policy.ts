import type { UserRole } from '@kuaizhuan/identity';

export interface ReviewCaller {
  userId: string;
  role: UserRole;
}

/**
 * Who may approve, reject or reassign a recommendation under review: an admin always; a
 * technology manager when it is assigned to them, or when it is assigned to nobody.
 */
export function mayDecide(caller: ReviewCaller, reviewerId: string | null): boolean {
  if (caller.role === 'admin') return true;
  if (caller.role !== 'manager') return false;
  return reviewerId === null || reviewerId === caller.userId;
}
