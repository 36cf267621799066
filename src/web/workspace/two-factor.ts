// Whether the signed-in user must enrol TOTP before anything else: a role that changes money or decisions
// (approver, finance, admin) without it reaches only the account page until they do.
export function mustEnrolTotp(user: { totpRequired: boolean; totpEnabled: boolean }): boolean {
  return user.totpRequired && !user.totpEnabled;
}
