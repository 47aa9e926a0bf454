export interface User {
  id: string;
  email: string;
  passwordHash: string;
  displayName: string;
  createdAt: Date;
}

export type NewUser = Omit<User, 'createdAt'>;

/** Emails compare case-insensitively; they are stored as typed but looked up in lower case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
