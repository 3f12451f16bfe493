import { hash, verify } from '@node-rs/argon2'
import { toPersianDigits } from '../../lib/fa/digits.ts'

// argon2id with the library defaults (m=19456 KiB, t=2, p=1): the OWASP minimum, ~18 ms here.
export function hashPassword(password: string): Promise<string> {
  return hash(password)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

/**
 * How sign-in checks a password. Every sign-in answer (unknown user, wrong password, too
 * early to try again, success) runs exactly one verification, against the user's hash or a
 * dummy one, so the answers take the same time; an object so that a test can count the calls.
 */
export const signInVerifier = {
  verify: verifyPassword,
}

export const MIN_PASSWORD_LENGTH = 10

// A short list of what people type first; long passphrases are what we want instead.
const COMMON = new Set([
  '1234567890',
  '0123456789',
  '12345678910',
  'qwertyuiop',
  'password123',
  'iloveyou123',
  '1qaz2wsx3edc',
  'asdfghjkl1',
  'abcdefghij',
])

/** A Persian message saying why this password is too weak, or null when it will do. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `رمز عبور باید دست‌کم ${toPersianDigits(MIN_PASSWORD_LENGTH)} نویسه باشد.`
  }
  if (password.length > 200) return 'رمز عبور نباید بیش از ۲۰۰ نویسه باشد.'
  if (password.toLowerCase().includes(username.toLowerCase())) {
    return 'رمز عبور نباید نام کاربری را در خود داشته باشد.'
  }
  if (COMMON.has(password.toLowerCase()) || new Set(password).size < 4) {
    return 'این رمز عبور بسیار رایج یا ساده است؛ رمز دیگری برگزینید.'
  }
  return null
}
