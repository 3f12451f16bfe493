import { z } from 'zod'
import { choice, optionalEmail, requiredText } from '../../web/fields.ts'
import { msg } from './messages.fa.ts'
import { AGENCY_ROLES } from './user.model.ts'

export const signInInput = z.object({
  agencyCode: z.string().optional().default(''),
  username: z.string().trim().min(1, msg.usernameRequired).max(64, msg.invalidCredentials),
  password: z.string().min(1, msg.passwordRequired).max(200, msg.invalidCredentials),
})

export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1, msg.passwordRequired),
    newPassword: z.string().min(1, msg.passwordRequired),
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    message: msg.passwordsDiffer,
  })
export type ChangePasswordInput = z.output<typeof changePasswordInput>

/** The part after the agency prefix, e.g. `reza.karimi` in `a10042-reza.karimi`. */
const usernamePart = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, msg.usernameFormat)

export const newAgencyUserInput = z.object({
  usernamePart,
  displayName: requiredText(msg.displayName, 120),
  email: optionalEmail(msg.email),
  role: choice(AGENCY_ROLES, msg.roleRequired),
})
export type NewAgencyUserInput = z.output<typeof newAgencyUserInput>

export const issueCredentialsInput = z.object({
  displayName: requiredText(msg.displayName, 120),
  email: optionalEmail(msg.email),
})
export type IssueCredentialsInput = z.output<typeof issueCredentialsInput>

export const editUserInput = z.object({
  displayName: requiredText(msg.displayName, 120),
  email: optionalEmail(msg.email),
  role: choice(AGENCY_ROLES, msg.roleRequired),
})
export type EditUserInput = z.output<typeof editUserInput>

export const newTokenInput = z.object({
  name: requiredText(msg.tokenName, 100),
  access: choice(['read', 'read-write'], msg.tokenAccessRequired),
})

const CENTRAL_ROLES = ['central_admin', 'central_supervisor'] as const

/** Central staff usernames are free-form but never look like an agency's (`a10042-…`). */
export const newCentralUserInput = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, msg.centralUsernameFormat)
    .refine((s) => !/^a\d+-/.test(s), msg.centralUsernameReserved),
  displayName: requiredText(msg.displayName, 120),
  email: optionalEmail(msg.email),
  role: choice(CENTRAL_ROLES, msg.centralRoleRequired),
})
export type NewCentralUserInput = z.output<typeof newCentralUserInput>

/** The disable/enable form: the state the account should be in. */
export const userStatusInput = z.object({
  status: choice(['active', 'disabled'], msg.statusRequired),
})
