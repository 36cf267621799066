// What the workspace header says about who is signed in.
import type { User } from '../api/types';

/**
 * Name, role and enterprise, each once: an account whose name already says its role (the administrator
 * "系统管理员") or its enterprise does not repeat it.
 */
export function userLabel(user: Pick<User, 'displayName' | 'enterpriseName'>, roleLabel: string): string {
  const parts = [user.displayName];
  if (!user.displayName.includes(roleLabel)) parts.push(roleLabel);
  if (user.enterpriseName && !user.displayName.includes(user.enterpriseName)) parts.push(user.enterpriseName);
  return parts.join(' · ');
}
